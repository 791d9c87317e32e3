import Foundation

/// The thin QR decomposition A = Q R of an m x n matrix by Householder
/// reflections, k = min(m, n):
///
///     A = Q R,   Q (m x k) with orthonormal columns (Qᵀ Q = I),   R (k x n) upper triangular
///
/// Method (Householder, 1958; Golub & Van Loan §5.2): step j reflects the
/// part of column j on and below the diagonal, x = A[j…, j], onto a
/// multiple of e₁ with the reflection H = I − 2 w wᵀ / (wᵀ w),
///
///     w = x + sign(x₁) ‖x‖₂ e₁,   H x = −sign(x₁) ‖x‖₂ e₁
///
/// (the sign avoids cancellation in x₁ + …). Each H is orthogonal, so the
/// product of the k reflections is too: no Gram–Schmidt loss of
/// orthogonality, Qᵀ Q = I to about ε whatever the condition of A.
///
/// Sign convention: the signs are then flipped so that R's diagonal is ≥ 0;
/// for A of full column rank this makes the thin QR unique.
public struct QRDecomposition: Sendable {
    /// Q: m x k, orthonormal columns.
    public let q: Matrix
    /// R: k x n, upper triangular, diagonal ≥ 0.
    public let r: Matrix

    /// Decomposes `a` (any shape; the empty matrix gives empty factors).
    public init(_ a: Matrix) {
        let (m, n) = (a.rows, a.columns)
        let k = Swift.min(m, n)
        var work = a
        var reflectors: [[Double]] = []  // w_j, of length m − j
        for j in 0..<k {
            var w = (j..<m).map { work[$0, j] }
            let length = w.norm()
            guard length > 0 else { reflectors.append([]); continue }
            w[0] += (w[0] >= 0 ? 1 : -1) * length
            let wNormSquared = w.dot(w)
            for c in j..<n {
                var projection = 0.0
                for i in j..<m { projection += w[i - j] * work[i, c] }
                let factor = 2 * projection / wNormSquared
                for i in j..<m { work[i, c] -= factor * w[i - j] }
            }
            reflectors.append(w)
        }
        var r = Matrix(rows: k, columns: n)
        for i in 0..<k { for c in i..<n { r[i, c] = work[i, c] } }
        // Q = H₀ H₁ … H_{k−1} applied to the first k columns of the identity, last reflector first.
        var q = Matrix(rows: m, columns: k)
        for i in 0..<k { q[i, i] = 1 }
        for j in stride(from: k - 1, through: 0, by: -1) where !reflectors[j].isEmpty {
            let w = reflectors[j]
            let wNormSquared = w.dot(w)
            for c in 0..<k {
                var projection = 0.0
                for i in j..<m { projection += w[i - j] * q[i, c] }
                let factor = 2 * projection / wNormSquared
                for i in j..<m { q[i, c] -= factor * w[i - j] }
            }
        }
        for i in 0..<k where r[i, i] < 0 {
            for c in 0..<n { r[i, c] = -r[i, c] }
            for row in 0..<m { q[row, i] = -q[row, i] }
        }
        self.q = q
        self.r = r
    }

    /// Q R, which equals A up to rounding.
    public var reconstructed: Matrix { q * r }
}

extension Matrix {
    /// The thin QR decomposition A = Q R by Householder reflections (see `QRDecomposition`).
    public var qrDecomposition: QRDecomposition { QRDecomposition(self) }

    /// A random n x n orthogonal matrix: the Q of the QR decomposition of a
    /// matrix of standard normal draws (with R's diagonal ≥ 0 this Q is
    /// uniformly distributed over the orthogonal matrices, the Haar measure).
    public static func randomOrthogonal(_ n: Int, using generator: inout SeededGenerator) -> Matrix {
        precondition(n >= 0, "randomOrthogonal: size n = \(n) < 0")
        let gaussian = Matrix(rows: n, columns: n, elements: (0..<(n * n)).map { _ in generator.normal() })
        return QRDecomposition(gaussian).q
    }
}

/// Solves R x = y for an upper-triangular n x n R by back substitution,
/// xᵢ = (yᵢ − Σ_{j>i} rᵢⱼ xⱼ) / rᵢᵢ. Throws when some |rᵢᵢ| ≤ `tolerance`.
func backSubstitution(_ r: Matrix, _ y: [Double], operation: String, tolerance: Double) throws -> [Double] {
    let n = r.rows
    var x = Array(repeating: 0.0, count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
        guard abs(r[i, i]) > tolerance else {
            throw LinearAlgebraError.singular(operation, pivot: i + 1, of: n, value: r[i, i], tolerance: tolerance)
        }
        var sum = y[i]
        for j in (i + 1)..<Swift.max(n, i + 1) { sum -= r[i, j] * x[j] }
        x[i] = sum / r[i, i]
    }
    return x
}
