/// How to solve the least-squares problem min_x ‖A x − b‖₂ for an m x n A, m ≥ n.
///
///     .qr               A = Q R,  R x = Qᵀ b                 (error ∝ κ(A) ε)
///     .svd              x = A⁺ b = V Σ⁺ Uᵀ b                 (also for rank-deficient A: the x of least ‖x‖₂)
///     .normalEquations  (AᵀA) x = Aᵀ b, by LU                (error ∝ κ(A)² ε: κ(AᵀA) = κ(A)²)
///
/// All three give the same x in exact arithmetic. In floating point the
/// normal equations square the condition number, since the singular values
/// of AᵀA are σᵢ²: with κ(A) = 1e6 they keep about 16 − 12 = 4 digits in
/// the worst case (5.6 in chapter 1's example), where QR and the SVD keep
/// about 16 − 6 = 10.
public enum LeastSquaresMethod: String, Sendable, CaseIterable {
    /// Householder QR: A = Q R, then R x = Qᵀ b (κ(A), not κ(A)²).
    case qr = "QR"
    /// The SVD: x = V Σ⁺ Uᵀ b, the minimum-norm solution.
    case svd = "SVD"
    /// AᵀA x = Aᵀ b: fast, but squares the condition number.
    case normalEquations = "normal equations"
}

extension Matrix {
    /// The least-squares solution x = argmin ‖A x − b‖₂ of the over-determined
    /// system A x ≈ b (A is m x n with m ≥ n; b has m entries), by `method`.
    ///
    /// Throws `LinearAlgebraError` when A has dependent columns and the method
    /// needs full column rank (QR: some |rᵢᵢ| ≤ max(m, n) ε maxᵢ|rᵢᵢ|; normal
    /// equations: AᵀA singular). The SVD then returns the minimum-norm solution.
    public func leastSquares(_ b: [Double], method: LeastSquaresMethod = .qr) throws -> [Double] {
        requireShape(
            rows >= columns,
            ShapeError(
                "leastSquares", "(\(shapeDescription)) has fewer rows than columns: the system is under-determined"))
        requireShape(
            b.count == rows,
            ShapeError("leastSquares", "(\(shapeDescription)) needs b with \(rows) entries, got \(b.count)"))
        switch method {
        case .qr:
            let qr = QRDecomposition(self)
            let largest = (0..<columns).map { abs(qr.r[$0, $0]) }.max() ?? 0
            let tolerance = Double(Swift.max(rows, columns)) * Double.ulpOfOne * largest
            return try backSubstitution(qr.r, qr.q.transposed * b, operation: "leastSquares (QR)", tolerance: tolerance)
        case .svd:
            return svd.pseudoInverse() * b
        case .normalEquations:
            let t = transposed
            return try (t * self).solve(t * b)
        }
    }
}
