/// The matrix product C = A B, (A B)[i, j] = Σₖ A[i, k] B[k, j].
///
/// Every product in the project (layers, solvers, chapters) goes through the
/// single kernel `MatrixProduct.multiply`, so making it faster makes
/// everything faster. See `../shared/PERFORMANCE.md` for the measurements
/// behind its structure.
extension Matrix {
    /// The matrix product A B of an m x k and a k x n matrix: an m x n matrix.
    /// Stops with `matmul: (m x k) * (p x n): inner dimensions k and p differ`
    /// when the inner dimensions differ.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        requireShape(a.columns == b.rows, .product(a, b))
        var c = Matrix(rows: a.rows, columns: b.columns)
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableElements { cp in
                    MatrixProduct.multiply(ap.baseAddress, bp.baseAddress, into: cp.baseAddress,
                                           m: a.rows, k: a.columns, n: b.columns)
                }
            }
        }
        return c
    }

    /// The matrix-vector product A x for a vector given as an array (length = A.columns).
    public static func * (a: Matrix, x: [Double]) -> [Double] {
        (a * Matrix(column: x)).elements
    }
}

/// The kernel behind `Matrix * Matrix`.
public enum MatrixProduct {
    /// C ← A B for row-major A (m x k), B (k x n), C (m x n); C must start at zero.
    ///
    /// The loop order is i-k-j: for each row i of A and each k, the row k of B
    /// is scaled by A[i, k] and added to row i of C. The innermost loop walks
    /// both B and C contiguously, so it vectorises; four rows of C are
    /// updated together so that each row of B, once loaded, is used four
    /// times. Multiplication and addition stay separate operations, which the
    /// compiler vectorises on every target (a fused multiply-add would become
    /// a slow library call on targets without FMA).
    public static func multiply(_ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?,
                                into c: UnsafeMutablePointer<Double>?, m: Int, k: Int, n: Int) {
        guard let a, let b, let c, m > 0, n > 0, k > 0 else { return }
        var i = 0
        while i + 4 <= m {
            let c0 = c + i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
            let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
            for p in 0..<k {
                let row = b + p * n
                let x0 = a0[p], x1 = a1[p], x2 = a2[p], x3 = a3[p]
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
            let ci = c + i * n, ai = a + i * k
            for p in 0..<k {
                let row = b + p * n
                let x = ai[p]
                for j in 0..<n { ci[j] += x * row[j] }
            }
            i += 1
        }
    }
}
