import Foundation

/// The singular value decomposition of any m x n matrix, k = min(m, n):
///
///     A = U Σ Vᵀ,   U (m x k), V (n x k) with orthonormal columns,   Σ = diag(σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0)
///
///     A vᵢ = σᵢ uᵢ,   Aᵀ uᵢ = σᵢ vᵢ,   ‖A‖₂ = σ₁,   ‖A‖_F² = Σ σᵢ²
///
/// Method: one-sided Jacobi (Hestenes, 1958; Demmel & Veselić, 1992).
/// Rotations J act on pairs of columns p < q of W = A V (V starts as I):
///
///     α = ‖w_p‖²,  β = ‖w_q‖²,  γ = w_p · w_q
///     ζ = (β − α) / (2 γ),   t = sign(ζ) / (|ζ| + √(1 + ζ²)),   c = 1 / √(1 + t²),   s = t c
///
/// which makes w_p and w_q orthogonal. Sweeps over all pairs repeat until
/// every pair has |γ| ≤ m ε √(α β); then σᵢ = ‖wᵢ‖, uᵢ = wᵢ / σᵢ and V is
/// the product of the rotations.
///
/// Why this method: it is the symmetric Jacobi of `SymmetricEigendecomposition`
/// applied to AᵀA *without ever forming AᵀA* (forming it squares κ and loses
/// the small singular values: σ = 1e-9 becomes σ² = 1e-18, below rounding
/// of 1); it computes the small σᵢ to high relative accuracy; U and V are
/// orthogonal to working precision; the code is short and easy to check.
/// It costs O(sweeps · m n²), slower than LAPACK's bidiagonalisation for
/// large matrices, which is fine at the sizes of this book. A tall matrix
/// (m > n) is first reduced by Householder QR, A = Q R, and R (n x n) is
/// decomposed (U = Q U_R): the usual preconditioning, which also makes the
/// sweeps cheap. A wide matrix (m < n) is decomposed through Aᵀ.
///
/// Conventions: singular values descending; each right singular vector
/// vᵢ has its first component that is not negligible (|vᵢⱼ| > √ε) positive,
/// and uᵢ = A vᵢ / σᵢ (for a wide A, decomposed through Aᵀ, the rule applies
/// to uᵢ instead, and vᵢ = Aᵀ uᵢ / σᵢ). Equal singular values leave the
/// vectors of their subspace free: any orthonormal basis of it is correct,
/// and the one returned is what the rotations reach. For σᵢ = 0 (a rank-deficient A) uᵢ is any unit
/// vector orthogonal to the others (Gram–Schmidt on the standard basis).
///
/// Tolerance for rank and pseudo-inverse: σᵢ counts as zero when
/// σᵢ ≤ σ₁ · max(m, n) · ε (ε = 2.2e-16), NumPy's default for
/// `matrix_rank`; the same tolerance is used for the pseudo-inverse.
public struct SingularValueDecomposition: Sendable {
    /// U: m x k, orthonormal columns (the left singular vectors).
    public let u: Matrix
    /// σ₁ ≥ … ≥ σ_k ≥ 0.
    public let singularValues: [Double]
    /// V: n x k, orthonormal columns (the right singular vectors).
    public let v: Matrix
    /// The number of Jacobi sweeps.
    public let sweeps: Int
    /// The shape of A.
    public let rows: Int, columns: Int

    /// The largest number of sweeps (never reached in practice: 6 to 12 is usual).
    public static let maximumSweeps = 60

    /// Decomposes `a`. Stops with a one-line message if an entry is NaN or infinite.
    public init(_ a: Matrix) {
        precondition(
            a.elements.allSatisfy(\.isFinite),
            "svd: the (\(a.shapeDescription)) matrix has an entry that is NaN or infinite")
        let (m, n) = (a.rows, a.columns)
        if m < n {
            let transposed = SingularValueDecomposition(a.transposed)
            self.init(
                u: transposed.v, singularValues: transposed.singularValues, v: transposed.u,
                sweeps: transposed.sweeps, rows: m, columns: n)
            return
        }
        let (q, square): (Matrix?, Matrix) =
            m > n
            ? {
                let qr = QRDecomposition(a); return (qr.q, qr.r)
            }()
            : (nil, a)
        let jacobi = OneSidedJacobi(square)
        self.init(
            u: q.map { $0 * jacobi.u } ?? jacobi.u, singularValues: jacobi.singularValues, v: jacobi.v,
            sweeps: jacobi.sweeps, rows: m, columns: n)
    }

    private init(u: Matrix, singularValues: [Double], v: Matrix, sweeps: Int, rows: Int, columns: Int) {
        self.u = u
        self.singularValues = singularValues
        self.v = v
        self.sweeps = sweeps
        self.rows = rows
        self.columns = columns
    }

    /// σ₁ = ‖A‖₂ (0 for an empty matrix).
    public var largestSingularValue: Double { singularValues.first ?? 0 }

    /// σ_k with k = min(m, n) (0 for an empty matrix).
    public var smallestSingularValue: Double { singularValues.last ?? 0 }

    /// The default tolerance σ₁ · max(m, n) · ε below which σᵢ counts as 0.
    public var defaultTolerance: Double {
        largestSingularValue * Double(Swift.max(rows, columns)) * Double.ulpOfOne
    }

    /// The rank: the number of σᵢ > tolerance (default σ₁ · max(m, n) · ε).
    public func rank(tolerance: Double? = nil) -> Int {
        let threshold = tolerance ?? defaultTolerance
        return singularValues.filter { $0 > threshold }.count
    }

    /// κ₂ = σ₁ / σ_k (k = min(m, n)); +∞ when σ_k = 0, 1 for the empty matrix.
    /// A rank-deficient A usually gives about 1/ε ≈ 1e16 rather than +∞ (its
    /// σ_k is rounding noise, not 0), as NumPy's `cond` does.
    public var conditionNumber: Double {
        guard !singularValues.isEmpty else { return 1 }
        return smallestSingularValue == 0 ? .infinity : largestSingularValue / smallestSingularValue
    }

    /// U Σ Vᵀ, which equals A up to rounding.
    public var reconstructed: Matrix { approximation(rank: singularValues.count) }

    /// The best rank-r approximation A_r = Σ_{i ≤ r} σᵢ uᵢ vᵢᵀ (Eckart–Young:
    /// ‖A − A_r‖₂ = σ_{r+1} and ‖A − A_r‖_F² = Σ_{i > r} σᵢ², the smallest
    /// errors of any matrix of rank ≤ r).
    public func approximation(rank r: Int) -> Matrix {
        precondition(
            r >= 0 && r <= singularValues.count, "svd approximation: rank \(r) is not in 0…\(singularValues.count)")
        var result = Matrix(rows: rows, columns: columns)
        for i in 0..<r {
            result.addScaled(singularValues[i], Matrix.outer(u.column(i), v.column(i)))
        }
        return result
    }

    /// The pseudo-inverse A⁺ = V Σ⁺ Uᵀ (n x m), Σ⁺ = diag(1/σᵢ for σᵢ > tolerance, else 0).
    /// A⁺ b is the least-squares solution of A x ≈ b of smallest ‖x‖₂.
    public func pseudoInverse(tolerance: Double? = nil) -> Matrix {
        let threshold = tolerance ?? defaultTolerance
        let inverted = singularValues.map { $0 > threshold ? 1 / $0 : 0 }
        return v * Matrix.diagonal(inverted) * u.transposed
    }
}

extension Matrix {
    /// The singular value decomposition A = U Σ Vᵀ (see `SingularValueDecomposition`).
    public var svd: SingularValueDecomposition { SingularValueDecomposition(self) }

    /// σ₁ ≥ … ≥ σ_k, k = min(m, n).
    public var singularValues: [Double] { svd.singularValues }

    /// The condition number κ₂(A) = σ_max / σ_min = ‖A‖₂ ‖A⁺‖₂ (+∞ if A is
    /// rank-deficient). Solving A x = b loses about log₁₀ κ₂ of the 16 digits.
    public var conditionNumber: Double { svd.conditionNumber }

    /// The pseudo-inverse A⁺ = V Σ⁺ Uᵀ, with σᵢ ≤ σ₁ · max(m, n) · ε treated as 0.
    public var pseudoInverse: Matrix { svd.pseudoInverse() }

    /// The rank from the singular values: the number of σᵢ > σ₁ · max(m, n) · ε
    /// (the reliable judge for nearly rank-deficient matrices; compare `rank()`).
    public var numericalRank: Int { svd.rank() }
}

/// One-sided Jacobi on a square matrix, in column-major working storage.
private struct OneSidedJacobi {
    var u: Matrix
    var singularValues: [Double]
    var v: Matrix
    var sweeps = 0

    init(_ a: Matrix) {
        let n = a.columns, m = a.rows
        var w = a.transposed.elements  // column j of A is w[j*m ..< (j+1)*m]
        var vt = Matrix.identity(n).elements  // column j of V is vt[j*n ..< (j+1)*n]
        let threshold = Double(m) * Double.ulpOfOne
        var rotated = true
        while rotated && n > 1 {
            precondition(
                sweeps < SingularValueDecomposition.maximumSweeps,
                "svd: one-sided Jacobi did not converge in \(SingularValueDecomposition.maximumSweeps) sweeps")
            sweeps += 1
            rotated = false
            w.withUnsafeMutableBufferPointer { w in
                vt.withUnsafeMutableBufferPointer { vt in
                    for p in 0..<(n - 1) {
                        for q in (p + 1)..<n {
                            var alpha = 0.0, beta = 0.0, gamma = 0.0
                            for i in 0..<m {
                                let x = w[p * m + i], y = w[q * m + i]
                                alpha += x * x
                                beta += y * y
                                gamma += x * y
                            }
                            guard gamma != 0, abs(gamma) > threshold * (alpha * beta).squareRoot() else { continue }
                            rotated = true
                            let zeta = (beta - alpha) / (2 * gamma)
                            let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                            let c = 1 / (1 + t * t).squareRoot(), s = t * c
                            for i in 0..<m {
                                let x = w[p * m + i], y = w[q * m + i]
                                w[p * m + i] = c * x - s * y
                                w[q * m + i] = s * x + c * y
                            }
                            for i in 0..<n {
                                let x = vt[p * n + i], y = vt[q * n + i]
                                vt[p * n + i] = c * x - s * y
                                vt[q * n + i] = s * x + c * y
                            }
                        }
                    }
                }
            }
        }
        let norms = (0..<n).map { j in Array(w[(j * m)..<((j + 1) * m)]).norm() }
        let order = (0..<n).sorted { norms[$0] > norms[$1] || (norms[$0] == norms[$1] && $0 < $1) }
        let negligible = Double.ulpOfOne.squareRoot()
        let largest = norms.max() ?? 0
        var uColumns: [[Double]] = []
        var vColumns: [[Double]] = []
        var sigma: [Double] = []
        for j in order {
            var vColumn = Array(vt[(j * n)..<((j + 1) * n)])
            var uColumn = Array(w[(j * m)..<((j + 1) * m)])
            let leading = vColumn.first { abs($0) > negligible } ?? 1
            if leading < 0 {
                vColumn = vColumn.map { -$0 }
                uColumn = uColumn.map { -$0 }
            }
            let s = norms[j]
            // A column of W that is rounding noise (σ ≤ m ε σ₁) carries no direction: complete it below.
            let meaningful = s > threshold * largest && s > 0
            uColumns.append(meaningful ? uColumn.map { $0 / s } : [])
            vColumns.append(vColumn)
            sigma.append(s)
        }
        for j in 0..<n where uColumns[j].isEmpty {
            uColumns[j] = orthonormalCompletion(of: uColumns.filter { !$0.isEmpty }, length: m)
        }
        self.u = Matrix(rows: n, columns: m, elements: uColumns.flatMap { $0 }).transposed
        self.v = Matrix(rows: n, columns: n, elements: vColumns.flatMap { $0 }).transposed
        self.singularValues = sigma
    }
}

/// A unit vector orthogonal to every one of `basis` (orthonormal vectors of
/// `length` entries): the first standard basis vector eᵢ that keeps the most
/// after Gram–Schmidt (twice, for orthogonality to working precision).
private func orthonormalCompletion(of basis: [[Double]], length: Int) -> [Double] {
    var best: [Double] = []
    var bestNorm = -1.0
    for i in 0..<length {
        var candidate = Array(repeating: 0.0, count: length)
        candidate[i] = 1
        for _ in 0..<2 {
            for b in basis {
                let projection = b.dot(candidate)
                for k in 0..<length { candidate[k] -= projection * b[k] }
            }
        }
        let size = candidate.norm()
        if size > bestNorm {
            best = candidate.map { $0 / size }
            bestNorm = size
        }
        if size > 0.5 { break }
    }
    return best
}
