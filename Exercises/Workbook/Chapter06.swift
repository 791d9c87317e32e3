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

    /// 6.5 Debugging: the gradient of the mean squared error, with a planted bug.
    ///
    ///     ∂L/∂ŷᵢ = (2/n)(ŷᵢ − yᵢ)       for L = (1/n) Σᵢ (ŷᵢ − yᵢ)²
    ///
    /// This code runs but gives wrong gradients. Find the bug (check it against
    /// central differences of the loss), fix it, then delete the first line.
    public static func meanSquaredErrorGradient(predictions: [Double], targets: [Double]) throws -> [Double] {
        try bugStillPlanted()  // delete this line once you have found and fixed the bug
        return zip(predictions, targets).map { prediction, target in 2 * (prediction - target) }
    }

    /// 6.6 The backward pass of the mean softmax cross-entropy over a batch (N rows of logits).
    ///
    ///     ∂L/∂Z = (softmax(Z) − Y) / N       (softmax row by row, Y one-hot)
    public static func softmaxCrossEntropyBatchGradient(logits z: Matrix, labels: [Int]) throws -> Matrix {
        throw NotStarted()
    }
}
