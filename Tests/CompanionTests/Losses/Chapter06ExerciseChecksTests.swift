import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 6 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 6 exercise checks")
struct Chapter06ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter06Exercises {
        /// Sums instead of averaging: 4.25 instead of 4.25/3.
        static func meanSquaredError(predictions: [Double], targets: [Double]) throws -> Double {
            zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        /// Forgets the −½δ shift of the linear piece: δ|r|, 2 instead of 1.5 at r = 2, δ = 1.
        static func huber(residual r: Double, delta: Double) throws -> Double {
            abs(r) <= delta ? 0.5 * r * r : delta * abs(r)
        }
        /// Goes through p = σ(z): σ(40) rounds to 1 and −log(1 − 1) = ∞ instead of 40.
        static func binaryCrossEntropy(logit z: Double, target y: Double) throws -> Double {
            let p = 1 / (1 + exp(-z))
            return -(y * log(p) + (1 - y) * log(1 - p))
        }
        /// p − onehot with the naive softmax: right at small logits, NaN at [1000, 0].
        static func softmaxCrossEntropyGradient(logits z: [Double], label: Int) throws -> [Double] {
            let e = z.map(exp)
            let total = e.reduce(0, +)
            var p = e.map { $0 / total }
            p[label] -= 1
            return p
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter06Checks.exercises(Mistakes.self))
    }
}
