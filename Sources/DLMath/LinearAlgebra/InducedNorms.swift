/// Which induced (operator) norm to take of a matrix: the most a matrix can
/// stretch a vector, ‖A‖ = max_{x ≠ 0} ‖A x‖ / ‖x‖, for one of the vector norms.
///
///     .maxColumnSum   ‖A‖₁ (induced) = maxⱼ Σᵢ |aᵢⱼ|     (vectors measured by ‖x‖₁)
///     .spectral       ‖A‖₂ (induced) = σ_max(A)         (vectors measured by ‖x‖₂)
///     .maxRowSum      ‖A‖∞ (induced) = maxᵢ Σⱼ |aᵢⱼ|     (vectors measured by ‖x‖∞)
///
/// Not to be confused with the entry-wise norms of `Matrix.norm(_:)`, which
/// read the m·n entries as one vector: entry-wise `.l1` is Σᵢⱼ |aᵢⱼ|, the
/// induced 1-norm is the largest column sum; entry-wise `.l2` is the
/// Frobenius norm, the induced 2-norm is σ_max ≤ ‖A‖_F. Every induced norm
/// of the empty matrix is 0, as is its entry-wise norm.
public enum InducedNorm: Sendable, Equatable, Hashable, CaseIterable {
    /// ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|, the largest column sum.
    case maxColumnSum
    /// ‖A‖₂ = σ_max, the largest singular value.
    case spectral
    /// ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|, the largest row sum.
    case maxRowSum
}

extension Matrix {
    /// The induced (operator) norm max_{x ≠ 0} ‖A x‖ / ‖x‖: the largest
    /// column sum maxⱼ Σᵢ |aᵢⱼ| (`.maxColumnSum`, induced by ‖·‖₁), the largest
    /// singular value σ_max (`.spectral`, induced by ‖·‖₂), or the largest row
    /// sum maxᵢ Σⱼ |aᵢⱼ| (`.maxRowSum`, induced by ‖·‖∞). See `InducedNorm`.
    public func inducedNorm(_ kind: InducedNorm) -> Double {
        switch kind {
        case .maxColumnSum:
            return (0..<columns).map { column($0).norm(.l1) }.max() ?? 0
        case .maxRowSum:
            return (0..<rows).map { row($0).norm(.l1) }.max() ?? 0
        case .spectral:
            return svd.largestSingularValue
        }
    }

    /// The spectral norm ‖A‖₂ = σ_max(A) = √(λ_max(AᵀA)), the induced 2-norm.
    public var spectralNorm: Double { inducedNorm(.spectral) }
}
