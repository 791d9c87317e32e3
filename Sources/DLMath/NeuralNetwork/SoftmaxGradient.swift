/// The derivatives of softmax and log-softmax: the Jacobian, and the
/// vector-Jacobian products a backward pass uses instead of building it.
///
/// With p = softmax(z):
///
///     ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)          J = diag(p) − p pᵀ   (symmetric, rows sum to 0)
///     ∂log pᵢ/∂zⱼ = δᵢⱼ − pⱼ
///
/// For an upstream gradient g = ∂L/∂p (or ∂L/∂log p) the backward pass needs
/// ∂L/∂z = Jᵀg, which needs only O(n) work per row:
///
///     softmax:      ∂L/∂z = p ⊙ (g − (g · p))
///     log-softmax:  ∂L/∂z = g − p Σᵢ gᵢ

/// The softmax Jacobian J = diag(p) − p pᵀ at the point whose softmax is `p`
/// (so J[i, j] = ∂pᵢ/∂zⱼ). The outer product p pᵀ goes through the matrix product.
public func softmaxJacobian(probabilities p: [Double]) -> Matrix {
    Matrix.diagonal(p) - Matrix(column: p) * Matrix(row: p)
}

/// The backward pass of row-wise softmax: given p = softmax(z) and g = ∂L/∂p
/// (same shape, one example per row), returns ∂L/∂z with row i equal to
/// pᵢ ⊙ (gᵢ − gᵢ · pᵢ), which is Jᵢᵀ gᵢ = Jᵢ gᵢ without forming Jᵢ.
public func softmaxBackward(probabilities p: Matrix, outputGradient g: Matrix) -> Matrix {
    Rowwise.requireSameShape("softmaxBackward", p, g)
    let rowDots = (p .* g).sum(along: .columns)  // m x 1: gᵢ · pᵢ
    return p .* (g - Rowwise.repeatColumn(rowDots, columns: p.columns))
}

/// The backward pass of row-wise log-softmax: given p = softmax(z) (the exp of
/// the log-softmax output) and g = ∂L/∂log p, returns ∂L/∂z with row i equal
/// to gᵢ − pᵢ Σⱼ gᵢⱼ.
public func logSoftmaxBackward(probabilities p: Matrix, outputGradient g: Matrix) -> Matrix {
    Rowwise.requireSameShape("logSoftmaxBackward", p, g)
    let rowSums = g.sum(along: .columns)  // m x 1
    return g - p .* Rowwise.repeatColumn(rowSums, columns: p.columns)
}
