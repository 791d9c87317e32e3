import Foundation

/// Categorical cross-entropy from probabilities, reduced by the mean over the
/// batch (the N rows):
///
///     L = −(1/N) Σᵢ Σⱼ Yᵢⱼ log pᵢⱼ             ∂L/∂pᵢⱼ = −Yᵢⱼ / (N pᵢⱼ)
///
/// `probabilities` is N x k with entries in [0, 1] (typically softmax
/// outputs), `targets` N x k with rows that are distributions (one-hot or
/// soft). Probabilities of exactly 0: log p is evaluated at max(p, ε)
/// (ε = `epsilon`, default `probabilityFloor` = 1e-12), so the value is finite
/// (at most −log ε ≈ 27.6 per example) and so is the gradient −Y/(N max(p, ε));
/// a class with Yᵢⱼ = 0 contributes 0 whatever pᵢⱼ is. p = 1 needs no care.
/// When the probabilities come from a softmax, prefer
/// `softmaxCrossEntropy(logits:labels:)`: it needs no floor and its gradient
/// with respect to the logits is simply (p − Y)/N.
public func categoricalCrossEntropy(
    probabilities: Matrix, targets: Matrix,
    epsilon: Double = probabilityFloor
) -> LossResult {
    precondition(epsilon > 0 && epsilon < 1, "categoricalCrossEntropy: epsilon must lie in (0, 1), got \(epsilon)")
    Rowwise.requireSameShape("categoricalCrossEntropy", probabilities, targets)
    Rowwise.requireNonEmpty("categoricalCrossEntropy", probabilities)
    Rowwise.requireProbabilities("categoricalCrossEntropy", "probabilities", probabilities)
    Rowwise.requireDistributions("categoricalCrossEntropy", "targets", targets)
    let batch = Double(probabilities.rows)
    let floored = probabilities.map { Swift.max($0, epsilon) }
    let weighted = Matrix.elementwise("categoricalCrossEntropy", targets, floored) { y, p in y == 0 ? 0 : y * log(p) }
    return LossResult(value: -weighted.sum / batch, gradient: -(targets ./ floored) / batch)
}
