import Foundation

/// Binary cross-entropy from probabilities, reduced by the mean over all
/// elements (for one output per example, k = 1, the mean over the batch):
///
///     ℓ(p, y) = −[y log p + (1 − y) log(1 − p)]
///     L = (1 / (N·k)) Σᵢⱼ ℓ(pᵢⱼ, yᵢⱼ)          ∂L/∂pᵢⱼ = (pᵢⱼ − yᵢⱼ) / (pᵢⱼ(1 − pᵢⱼ)) / (N·k)
///
/// `probabilities` and `targets` are N x k with entries in [0, 1] (targets
/// may be soft labels). Probabilities of exactly 0 and 1: p is first clamped
/// to p̃ = min(max(p, ε), 1 − ε) with ε = `epsilon` (default
/// `probabilityFloor` = 1e-12), so every value is finite (at most
/// −log ε ≈ 27.6 per element) and the gradient is the formula above at p̃
/// (finite, pointing the right way, though not the true slope of the clamped
/// function, which is 0 there). The clamp caps a confidently wrong answer's
/// loss: prefer `binaryCrossEntropy(logits:targets:)`, which needs no clamp.
public func binaryCrossEntropy(
    probabilities: Matrix, targets: Matrix,
    epsilon: Double = probabilityFloor
) -> LossResult {
    precondition(epsilon > 0 && epsilon < 0.5, "binaryCrossEntropy: epsilon must lie in (0, 0.5), got \(epsilon)")
    Rowwise.requireSameShape("binaryCrossEntropy", probabilities, targets)
    Rowwise.requireNonEmpty("binaryCrossEntropy", probabilities)
    Rowwise.requireProbabilities("binaryCrossEntropy", "probabilities", probabilities)
    Rowwise.requireProbabilities("binaryCrossEntropy", "targets", targets)
    let clamped = probabilities.map { Swift.min(Swift.max($0, epsilon), 1 - epsilon) }
    let count = Double(clamped.count)
    let perElement = Matrix.elementwise("binaryCrossEntropy", clamped, targets) { p, y in
        -(y * log(p) + (1 - y) * log1p(-p))
    }
    let gradient = Matrix.elementwise("binaryCrossEntropy", clamped, targets) { p, y in
        (p - y) / (p * (1 - p))
    }
    return LossResult(value: perElement.sum / count, gradient: gradient / count)
}

/// Binary cross-entropy from logits z (p = σ(z)), reduced by the mean over all
/// elements, in a form that keeps its relative accuracy for every finite z:
///
///     ℓ(z, y) = −[y log σ(z) + (1 − y) log σ(−z)] = max(z, 0) − y z + log(1 + e^−|z|)
///             = (1 − y) z + log1p(e^−z)   for z ≥ 0,     −y z + log1p(e^z)   for z < 0
///     L = (1 / (N·k)) Σᵢⱼ ℓ(zᵢⱼ, yᵢⱼ)
///     ∂L/∂zᵢⱼ = (σ(zᵢⱼ) − yᵢⱼ) / (N·k) = ((1 − yᵢⱼ) σ(zᵢⱼ) − yᵢⱼ σ(−zᵢⱼ)) / (N·k)
///
/// Each piece is computed as written on the right, never as a difference of
/// two large numbers: softplus(z) − y z gives ℓ(50, 1) = 50 − 50 = 0 where the
/// true loss is log1p(e^−50) = 1.93e-22, and σ(50) − 1 gives a gradient of 0
/// where the true one is −σ(−50) = −1.93e-22. It is also finite where going
/// through p = σ(40), which rounds to 1, gives −log(1 − 1) = ∞: ℓ(40, 0) =
/// 40.000…. This is Keras' `BinaryCrossentropy(from_logits=True)` and PyTorch's
/// `BCEWithLogitsLoss`.
public func binaryCrossEntropy(logits: Matrix, targets: Matrix) -> LossResult {
    Rowwise.requireSameShape("binaryCrossEntropy(logits:)", logits, targets)
    Rowwise.requireNonEmpty("binaryCrossEntropy(logits:)", logits)
    Rowwise.requireProbabilities("binaryCrossEntropy(logits:)", "targets", targets)
    let count = Double(logits.count)
    let perElement = Matrix.elementwise("binaryCrossEntropy(logits:)", logits, targets) { z, y in
        (z >= 0 ? (1 - y) * z : -y * z) + log1p(exp(-abs(z)))
    }
    let gradient = Matrix.elementwise("binaryCrossEntropy(logits:)", logits, targets) { z, y in
        (1 - y) * logistic(z) - y * logistic(-z)
    }
    return LossResult(value: perElement.sum / count, gradient: gradient / count)
}
