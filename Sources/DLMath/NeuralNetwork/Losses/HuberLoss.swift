/// The Huber loss with threshold δ > 0, reduced by the mean over all elements.
/// Per element, with residual r = ŷ − y:
///
///     h(r) = ½ r²              if |r| ≤ δ        h′(r) = r
///     h(r) = δ(|r| − ½δ)       if |r| > δ        h′(r) = δ sign(r)
///
///     L = (1 / (N·k)) Σᵢⱼ h(rᵢⱼ)                 ∂L/∂ŷᵢⱼ = h′(rᵢⱼ) / (N·k)
///
/// Quadratic near 0 (like MSE/2), linear in the tails (like δ·MAE), so an
/// outlier's gradient is capped at δ. At |r| = δ both pieces give the value
/// ½δ² and the slope ±δ: h is continuously differentiable. This is Keras'
/// `Huber(delta)` and PyTorch's `HuberLoss(delta=δ)`; the default δ = 1.
public func huberLoss(predictions: Matrix, targets: Matrix, delta: Double = 1) -> LossResult {
    precondition(delta > 0, "huberLoss: delta must be positive, got \(delta)")
    Rowwise.requireSameShape("huberLoss", predictions, targets)
    Rowwise.requireNonEmpty("huberLoss", predictions)
    let residual = predictions - targets
    let count = Double(residual.count)
    let value = residual.map { abs($0) <= delta ? 0.5 * $0 * $0 : delta * (abs($0) - 0.5 * delta) }.sum
    let slope = residual.map { Swift.min(Swift.max($0, -delta), delta) }  // r clipped to [−δ, δ]
    return LossResult(value: value / count, gradient: slope / count)
}
