// The textbook form that fails in floating point, kept here (not in DLMath) to
// show what `binaryCrossEntropy(logits:targets:)` avoids.
import Foundation

/// −[y log p + (1 − y) log(1 − p)] with p = 1/(1 + e^−z), no clamp: p rounds to
/// 1 for z ≳ 37, and log(1 − 1) = −∞.
func naiveBinaryCrossEntropy(logit z: Double, target y: Double) -> Double {
    let p = 1 / (1 + exp(-z))
    return -(y * log(p) + (1 - y) * log(1 - p))
}

/// softplus(z) − y z, the textbook arrangement of the logits form: right in
/// value for moderate z, but a difference of two numbers near z, so at z = 50,
/// y = 1 it gives 50 − 50 = 0 instead of log1p(e^−50) = 1.93e-22.
func naiveLogitLoss(logit z: Double, target y: Double) -> Double {
    (max(z, 0) + log1p(exp(-abs(z)))) - y * z
}
