/// The simple i-k-j product for small matrices, where packing does not pay.
extension MatrixProduct {
    /// C += A B for A (m x k), B (k x n) stored as they are or transposed, and
    /// contiguous row-major C (m x n).
    ///
    /// The loop order is i-k-j: for each row i of A and each k, the row k of B
    /// is scaled by A[i, k] and added to row i of C. The innermost loop walks
    /// both B and C contiguously, so the compiler vectorises it; four rows of
    /// C are updated together so that each row of B, once loaded, is used four
    /// times. Multiplication and addition are separate operations (see
    /// `MatrixProduct` for why). A transposed A is read with strides (one
    /// scalar per step); a transposed B is first copied into row-major order
    /// (at most k · n < 8192 values on the automatic path), so that the inner
    /// loop stays contiguous. The sums are the same, in the same order, as
    /// for the product of the transposes formed beforehand.
    static func simpleLoopProduct(
        _ a: Operand, _ b: Operand,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int
    ) {
        guard b.isTransposed else {
            simpleLoopProduct(a, rowMajorB: b.pointer, into: c, m: m, k: k, n: n)
            return
        }
        let copy = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
        defer { copy.deallocate() }
        for j in 0..<n {
            let column = b.pointer + j * b.stride
            for p in 0..<k { copy[p * n + j] = column[p] }
        }
        simpleLoopProduct(a, rowMajorB: copy, into: c, m: m, k: k, n: n)
    }

    private static func simpleLoopProduct(
        _ a: Operand, rowMajorB b: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int
    ) {
        // A[i, p] = a[i · rowStep + p · depthStep].
        let rowStep = a.isTransposed ? 1 : a.stride
        let depthStep = a.isTransposed ? a.stride : 1
        var i = 0
        while i + 4 <= m {
            let c0 = c + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            let a0 = a.pointer + i * rowStep, a1 = a0 + rowStep, a2 = a1 + rowStep, a3 = a2 + rowStep
            for p in 0..<k {
                let row = b + p * n
                let q = p * depthStep
                let x0 = a0[q], x1 = a1[q], x2 = a2[q], x3 = a3[q]
                for j in 0..<n {
                    let y = row[j]
                    c0[j] += x0 * y
                    c1[j] += x1 * y
                    c2[j] += x2 * y
                    c3[j] += x3 * y
                }
            }
            i += 4
        }
        while i < m {
            let ci = c + i * n, ai = a.pointer + i * rowStep
            for p in 0..<k {
                let row = b + p * n
                let x = ai[p * depthStep]
                for j in 0..<n { ci[j] += x * row[j] }
            }
            i += 1
        }
    }
}
