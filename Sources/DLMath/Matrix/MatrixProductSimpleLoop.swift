/// The simple i-k-j product for small matrices, where packing does not pay.
extension MatrixProduct {
    /// C += A B for row-major A (m x k), B (k x n), C (m x n), all contiguous.
    ///
    /// The loop order is i-k-j: for each row i of A and each k, the row k of B
    /// is scaled by A[i, k] and added to row i of C. The innermost loop walks
    /// both B and C contiguously, so the compiler vectorises it; four rows of
    /// C are updated together so that each row of B, once loaded, is used four
    /// times. Multiplication and addition are separate operations (see
    /// `MatrixProduct` for why).
    static func simpleLoopProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                                  into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int) {
        var i = 0
        while i + 4 <= m {
            let c0 = c + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
            for p in 0 ..< k {
                let row = b + p * n
                let x0 = a0[p], x1 = a1[p], x2 = a2[p], x3 = a3[p]
                for j in 0 ..< n {
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
            let ci = c + i * n, ai = a + i * k
            for p in 0 ..< k {
                let row = b + p * n
                let x = ai[p]
                for j in 0 ..< n { ci[j] += x * row[j] }
            }
            i += 1
        }
    }
}
