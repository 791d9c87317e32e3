/// The global norm of a list of gradients: the Euclidean norm of all their
/// elements taken together,
///
///     ‖g‖ = √( Σᵢ Σⱼ gᵢⱼ² )
///
/// (0 for an empty list).
public func globalNorm(_ gradients: [Matrix]) -> Double {
    gradients.reduce(0) { $0 + $1.elements.dot($1.elements) }.squareRoot()
}

/// Clips gradients by their global norm: when ‖g‖ > c every gradient is
/// scaled by the same factor c / ‖g‖, so the direction of the full update is
/// kept and its norm becomes c; otherwise nothing changes.
///
///     g ← g · min(1, c / ‖g‖)
///
/// - Parameters:
///   - gradients: the gradients of every parameter, changed in place.
///   - maximumNorm: c > 0.
/// - Returns: the global norm ‖g‖ before clipping (to log or plot). A norm of
///   0 leaves the gradients alone; a non-finite norm (an overflow or NaN
///   upstream) is returned and the gradients are left alone, so the caller
///   sees the problem rather than a silently rescaled NaN.
///
/// This is PyTorch's `clip_grad_norm_` and Keras' `global_clipnorm`.
@discardableResult
public func clipByGlobalNorm(_ gradients: inout [Matrix], maximumNorm: Double) -> Double {
    precondition(maximumNorm > 0, "clipByGlobalNorm: maximum norm must be > 0, got \(maximumNorm)")
    let norm = globalNorm(gradients)
    guard norm.isFinite, norm > maximumNorm else { return norm }
    let scale = maximumNorm / norm
    for i in gradients.indices { gradients[i] *= scale }
    return norm
}
