import Foundation

/// The Kullback–Leibler divergence KL(Y ‖ Q) of the predicted distributions Q
/// from the target distributions Y, row by row, reduced by the mean over the
/// batch (Keras' `KLDivergence`, PyTorch's `KLDivLoss(reduction="batchmean")`):
///
///     L = (1/N) Σᵢ Σⱼ Yᵢⱼ log(Yᵢⱼ / Qᵢⱼ)          ∂L/∂Qᵢⱼ = −Yᵢⱼ / (N Qᵢⱼ)
///
/// with the convention 0 · log(0 / q) = 0. KL(Y ‖ Q) = H(Y, Q) − H(Y): the
/// cross-entropy minus the target's entropy, so it has the cross-entropy's
/// gradient and is 0 exactly when Q = Y. Both arguments are N x k with rows
/// that are distributions in [0, 1] (the predictions are not required to sum
/// to 1, so that they can be perturbed in a gradient check). Predicted
/// probabilities of 0 use the floor max(q, ε), ε = `epsilon` (default
/// `probabilityFloor` = 1e-12), so the value and gradient stay finite.
public func klDivergence(
    predictions: Matrix, targets: Matrix,
    epsilon: Double = probabilityFloor
) -> LossResult {
    precondition(epsilon > 0 && epsilon < 1, "klDivergence: epsilon must lie in (0, 1), got \(epsilon)")
    Rowwise.requireSameShape("klDivergence", predictions, targets)
    Rowwise.requireNonEmpty("klDivergence", predictions)
    Rowwise.requireProbabilities("klDivergence", "predictions", predictions)
    Rowwise.requireDistributions("klDivergence", "targets", targets)
    let batch = Double(predictions.rows)
    let floored = predictions.map { Swift.max($0, epsilon) }
    let terms = Matrix.elementwise("klDivergence", targets, floored) { y, q in y == 0 ? 0 : y * log(y / q) }
    return LossResult(value: terms.sum / batch, gradient: -(targets ./ floored) / batch)
}
