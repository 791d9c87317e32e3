/// Mean absolute error, reduced by the mean over all elements:
///
///     L = (1 / (N·k)) Σᵢⱼ |ŷᵢⱼ − yᵢⱼ|        ∂L/∂ŷᵢⱼ = sign(ŷᵢⱼ − yᵢⱼ) / (N·k)
///
/// |r| has no derivative at r = 0; the gradient uses the subgradient
/// sign(0) = 0 there (as PyTorch and TensorFlow do): an exact prediction is
/// not pushed either way.
public func meanAbsoluteError(predictions: Matrix, targets: Matrix) -> LossResult {
    Rowwise.requireSameShape("meanAbsoluteError", predictions, targets)
    Rowwise.requireNonEmpty("meanAbsoluteError", predictions)
    let residual = predictions - targets
    let count = Double(residual.count)
    let sign = residual.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) }  // sign(0) = 0, NaN stays NaN
    return LossResult(value: residual.map(abs).sum / count, gradient: sign / count)
}
