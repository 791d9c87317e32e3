// Chapter 6 exercises: loss functions.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 6.1
// `swift run exercises hint 6.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter06: Chapter06Exercises {
    /// 6.1 Mean squared error of n predictions (n ≥ 1).
    ///
    ///     MSE = (1/n) Σᵢ (ŷᵢ − yᵢ)²
    public static func meanSquaredError(predictions: [Double], targets: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 6.2 The Huber loss of one residual r = ŷ − y, with threshold δ > 0.
    ///
    ///     h(r) = ½r²            if |r| ≤ δ
    ///     h(r) = δ(|r| − ½δ)    otherwise
    public static func huber(residual r: Double, delta: Double) throws -> Double {
        throw NotStarted()
    }

    /// 6.3 Binary cross-entropy of a logit z (p = σ(z)) and a target y ∈ [0, 1].
    ///
    ///     ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y z
    ///
    /// Must be finite and correct for z = ±1000 and give 40 at z = 40, y = 0.
    public static func binaryCrossEntropy(logit z: Double, target y: Double) throws -> Double {
        throw NotStarted()
    }

    /// 6.4 The gradient of the softmax cross-entropy of one example.
    ///
    ///     ℓ(z) = −log softmax(z)_label        ∂ℓ/∂z = softmax(z) − onehot(label)
    ///
    /// `label` lies in 0..<z.count; must work for logits like [1000, 0].
    public static func softmaxCrossEntropyGradient(logits z: [Double], label: Int) throws -> [Double] {
        throw NotStarted()
    }
}
