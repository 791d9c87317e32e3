import Foundation

/// The eigendecomposition of a real symmetric matrix, A = V Λ Vᵀ, by cyclic
/// Jacobi rotations.
///
/// A symmetric A has real eigenvalues λ₁ ≤ … ≤ λₙ and an orthonormal basis
/// of eigenvectors: A vₖ = λₖ vₖ, Vᵀ V = I.
///
/// Method (Jacobi, 1846; Golub & Van Loan §8.5): each rotation J in the
/// plane (p, q) is chosen so that (Jᵀ A J)[p, q] = 0:
///
///     τ = (a_qq − a_pp) / (2 a_pq),   t = sign(τ) / (|τ| + √(1 + τ²)),
///     c = 1 / √(1 + t²),               s = t c
///
/// A sweep rotates every pair p < q once, in row order; the off-diagonal
/// size off(A) = √(Σ_{i≠j} aᵢⱼ²) shrinks quadratically, and the sweeps stop
/// when off(A) ≤ ε · ‖A‖_F (ε = 2.2e-16), typically after 5 to 10 sweeps.
/// The diagonal then holds the eigenvalues and V = J₁ J₂ … the eigenvectors.
/// A rotation changes only rows and columns p and q, so it is applied in
/// O(n) operations, not as a full matrix product.
///
/// Conventions: eigenvalues ascending; eigenvector k is column k of
/// `eigenvectors`, of unit length, with its first component that is not
/// negligible (|vᵢ| > √ε ≈ 1.5e-8) positive.
///
/// A matrix that is not symmetric (some |aᵢⱼ − aⱼᵢ| > `symmetryTolerance` ·
/// maxᵢⱼ|aᵢⱼ|) is rejected with a `LinearAlgebraError` naming the pair; a
/// non-square matrix stops with a shape error.
public struct SymmetricEigendecomposition: Sendable {
    /// λ₁ ≤ λ₂ ≤ … ≤ λₙ.
    public let eigenvalues: [Double]
    /// V: column k is the unit eigenvector for `eigenvalues[k]`; V is orthogonal.
    public let eigenvectors: Matrix
    /// The number of sweeps the rotations took.
    public let sweeps: Int

    /// The largest number of sweeps before giving up (never reached in practice).
    public static let maximumSweeps = 50

    /// Decomposes the symmetric matrix `a`.
    /// - Parameters:
    ///   - a: the square, symmetric matrix A = Q Λ Qᵀ to decompose.
    ///   - symmetryTolerance: how far from symmetric, relative to
    ///     maxᵢⱼ|aᵢⱼ|, `a` may be (default 1e-12: rounding in AᵀA or A + Aᵀ is
    ///     accepted; the decomposition uses the upper triangle's pairs as given).
    public init(_ a: Matrix, symmetryTolerance: Double = 1e-12) throws {
        requireShape(a.isSquare, .notSquare("symmetricEigen", a))
        if let (i, j) = a.firstAsymmetricPair(tolerance: symmetryTolerance) {
            throw LinearAlgebraError(
                "symmetricEigen",
                "matrix is not symmetric: A[\(i), \(j)] = "
                    + "\(formatCompact(a[i, j], significantDigits: 10)) but A[\(j), \(i)] = \(formatCompact(a[j, i], significantDigits: 10))"
            )
        }
        let n = a.rows
        var d = (a + a.transposed) / 2  // exactly symmetric from here on
        var v = Matrix.identity(n)
        let target = Double.ulpOfOne * a.frobeniusNorm
        var sweeps = 0
        while d.offDiagonalNorm > target {
            guard sweeps < Self.maximumSweeps else {
                throw LinearAlgebraError(
                    "symmetricEigen", "Jacobi rotations did not converge in \(Self.maximumSweeps) sweeps")
            }
            sweeps += 1
            for p in 0..<n {
                for q in (p + 1)..<Swift.max(n, p + 1) where d[p, q] != 0 {
                    let tau = (d[q, q] - d[p, p]) / (2 * d[p, q])
                    let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    d.rotateColumns(p, q, cosine: c, sine: t * c)
                    d.rotateRows(p, q, cosine: c, sine: t * c)
                    d[p, q] = 0
                    d[q, p] = 0
                    v.rotateColumns(p, q, cosine: c, sine: t * c)
                }
            }
        }
        let order = (0..<n).sorted { d[$0, $0] < d[$1, $1] }
        let threshold = Double.ulpOfOne.squareRoot()
        var vectors = Matrix(rows: n, columns: n)
        for (k, source) in order.enumerated() {
            let column = v.column(source)
            let leading = column.first { abs($0) > threshold } ?? 1
            let sign: Double = leading < 0 ? -1 : 1
            for i in 0..<n { vectors[i, k] = sign * column[i] }
        }
        self.eigenvalues = order.map { d[$0, $0] }
        self.eigenvectors = vectors
        self.sweeps = sweeps
    }

    /// V Λ Vᵀ, which equals A up to rounding.
    public var reconstructed: Matrix {
        eigenvectors * Matrix.diagonal(eigenvalues) * eigenvectors.transposed
    }
}

extension Matrix {
    /// The eigendecomposition A = V Λ Vᵀ of a symmetric matrix (see
    /// `SymmetricEigendecomposition`). Throws when A is not symmetric.
    public func symmetricEigen() throws -> SymmetricEigendecomposition {
        try SymmetricEigendecomposition(self)
    }

    /// True when A is square and |aᵢⱼ − aⱼᵢ| ≤ tolerance · maxᵢⱼ|aᵢⱼ| for all i, j.
    public func isSymmetric(tolerance: Double = 1e-12) -> Bool {
        isSquare && firstAsymmetricPair(tolerance: tolerance) == nil
    }

    /// The first (i, j), i < j, with |aᵢⱼ − aⱼᵢ| > tolerance · maxᵢⱼ|aᵢⱼ|; nil if none.
    func firstAsymmetricPair(tolerance: Double) -> (Int, Int)? {
        let bound = tolerance * norm(.max)
        for i in 0..<rows {
            for j in (i + 1)..<Swift.max(columns, i + 1) where !(abs(self[i, j] - self[j, i]) <= bound) {
                return (i, j)
            }
        }
        return nil
    }

    /// off(A) = √(Σ_{i≠j} aᵢⱼ²), the size of the part off the diagonal.
    var offDiagonalNorm: Double {
        var offDiagonal = self
        for i in 0..<Swift.min(rows, columns) { offDiagonal[i, i] = 0 }
        return offDiagonal.frobeniusNorm
    }

    /// A ← A J for the rotation J with J[p, p] = J[q, q] = c, J[p, q] = s, J[q, p] = −s:
    /// columns p and q become c·a_p − s·a_q and s·a_p + c·a_q.
    mutating func rotateColumns(_ p: Int, _ q: Int, cosine c: Double, sine s: Double) {
        for k in 0..<rows {
            let kp = self[k, p], kq = self[k, q]
            self[k, p] = c * kp - s * kq
            self[k, q] = s * kp + c * kq
        }
    }

    /// A ← Jᵀ A for the same rotation: rows p and q become c·a_p − s·a_q and s·a_p + c·a_q.
    mutating func rotateRows(_ p: Int, _ q: Int, cosine c: Double, sine s: Double) {
        for k in 0..<columns {
            let pk = self[p, k], qk = self[q, k]
            self[p, k] = c * pk - s * qk
            self[q, k] = s * pk + c * qk
        }
    }
}
