/// Mean squared error, reduced by the mean over all elements:
///
///     L = (1 / (N·k)) Σᵢⱼ (ŷᵢⱼ − yᵢⱼ)²        ∂L/∂ŷᵢⱼ = 2(ŷᵢⱼ − yᵢⱼ) / (N·k)
///
/// for N x k predictions ŷ and targets y (same shape; for one output per
/// example, k = 1 and this is the mean over the batch). This is Keras'
/// `MeanSquaredError` and PyTorch's `MSELoss(reduction="mean")`.
public func meanSquaredError(predictions: Matrix, targets: Matrix) -> LossResult {
    Rowwise.requireSameShape("meanSquaredError", predictions, targets)
    Rowwise.requireNonEmpty("meanSquaredError", predictions)
    let residual = predictions - targets
    let count = Double(residual.count)
    return LossResult(value: (residual .* residual).sum / count, gradient: residual * (2 / count))
}
