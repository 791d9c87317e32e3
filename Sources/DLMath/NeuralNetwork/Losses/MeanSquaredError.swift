/// Mean squared error, reduced by the mean over all elements:
///
///     L = (1 / (N·k)) Σᵢⱼ (ŷᵢⱼ − yᵢⱼ)²        ∂L/∂ŷᵢⱼ = 2(ŷᵢⱼ − yᵢⱼ) / (N·k)
///
/// for N x k predictions ŷ and targets y (same shape; for one output per
/// example, k = 1 and this is the mean over the batch). This is Keras'
/// `MeanSquaredError` and PyTorch's `MSELoss(reduction="mean")`.
public func meanSquaredError(predictions: Matrix, targets: Matrix) -> LossResult {
    let value = meanSquaredErrorValue(predictions: predictions, targets: targets)
    let residual = predictions - targets
    return LossResult(value: value, gradient: residual * (2 / Double(residual.count)))
}

/// The value alone of `meanSquaredError(predictions:targets:)`,
/// L = (1 / (N·k)) Σᵢⱼ (ŷᵢⱼ − yᵢⱼ)², for evaluation, where no gradient is needed.
public func meanSquaredErrorValue(predictions: Matrix, targets: Matrix) -> Double {
    Rowwise.requireSameShape("meanSquaredError", predictions, targets)
    Rowwise.requireNonEmpty("meanSquaredError", predictions)
    let residual = predictions - targets
    return (residual .* residual).sum / Double(residual.count)
}
