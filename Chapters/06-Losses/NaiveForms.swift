// The textbook form that fails in floating point, kept here (not in DLMath) to
// show what `binaryCrossEntropy(logits:targets:)` avoids.
import Foundation

/// −[y log p + (1 − y) log(1 − p)] with p = 1/(1 + e^−z), no clamp: p rounds to
/// 1 for z ≳ 37, and log(1 − 1) = −∞.
func naiveBinaryCrossEntropy(logit z: Double, target y: Double) -> Double {
    let p = 1 / (1 + exp(-z))
    return -(y * log(p) + (1 - y) * log(1 - p))
}
