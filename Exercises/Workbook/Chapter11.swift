// Chapter 11 exercises: training a network.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 11.1
// `swift run exercises hint 11.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter11: Chapter11Exercises {
    /// 11.1 The L2 penalty of some weights and the gradient of loss + penalty.
    ///
    ///     R = (λ/2) Σᵢ wᵢ²          ∂(L + R)/∂wᵢ = gᵢ + λ wᵢ
    ///
    /// `gradient` is ∂L/∂w (same length as `weights`). Returns (R, g + λw).
    public static func l2Penalty(weights: [Double], gradient: [Double], strength lambda: Double) throws -> (
        penalty: Double, gradient: [Double]
    ) {
        throw NotStarted()
    }

    /// 11.2 Inverted dropout in training mode with rate p (0 ≤ p < 1).
    ///
    ///     yᵢ = xᵢ / (1 − p)   where keep[i]
    ///     yᵢ = 0              where not
    public static func invertedDropout(_ x: [Double], keep: [Bool], rate p: Double) throws -> [Double] {
        throw NotStarted()
    }

    /// 11.3 The confusion matrix: counts[a][p] is the number of examples
    /// whose true class is a and whose predicted class is p (classCount x classCount).
    public static func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int) throws -> [[Int]] {
        throw NotStarted()
    }

    /// 11.4 Early stopping with patience k on a list of validation losses
    /// (epoch e has loss validationLosses[e − 1]).
    ///
    /// An epoch improves when its loss is strictly below the best so far.
    /// Training stops after the epoch that makes k epochs in a row without
    /// improvement, or after the last epoch. Returns that epoch and the best one.
    public static func earlyStopping(validationLosses: [Double], patience: Int) throws -> (
        stopAfter: Int, bestEpoch: Int
    ) {
        throw NotStarted()
    }

    /// 11.5 Train a softmax classifier by gradient descent (a loop of your own).
    ///
    ///     logits = X W + b,  L = mean cross-entropy;  X: n x d, returns W: d x K, b: 1 x K
    public static func trainSoftmaxClassifier(features x: Matrix, labels: [Int], classCount: Int) throws -> (
        weights: Matrix, bias: Matrix
    ) {
        throw NotStarted()
    }

    /// 11.6 Debugging: one SGD step with L2 weight decay, with a planted bug.
    ///
    ///     w ← w − lr (g + λ w)       (the gradient of L(w) + (λ/2)‖w‖²)
    ///
    /// This code runs but gives a wrong step. Find the bug, fix it, then delete the first line.
    public static func weightDecayStep(
        weights w: [Double], gradient g: [Double], learningRate lr: Double, strength lambda: Double
    ) throws -> [Double] {
        try bugStillPlanted()  // delete this line once you have found and fixed the bug
        return zip(w, g).map { weight, gradient in weight - lr * (gradient - lambda * weight) }
    }
}
