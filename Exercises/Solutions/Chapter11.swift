// Reference solutions for chapter 11 (training a network). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter11: Chapter11Exercises {
    /// 11.1  R = (λ/2) Σ w²,  g + λ w
    public static func l2Penalty(weights: [Double], gradient: [Double], strength lambda: Double) throws -> (penalty: Double, gradient: [Double]) {
        (lambda / 2 * weights.dot(weights), zip(gradient, weights).map { $0 + lambda * $1 })
    }

    /// 11.2  x / (1 − p) where kept, 0 elsewhere
    public static func invertedDropout(_ x: [Double], keep: [Bool], rate p: Double) throws -> [Double] {
        zip(x, keep).map { $1 ? $0 / (1 - p) : 0 }
    }

    /// 11.3  counts[actual][predicted] += 1 per example
    public static func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int) throws -> [[Int]] {
        ConfusionMatrix(predicted: predicted, actual: actual, classCount: classCount).counts
    }

    /// 11.4  the best so far, and a counter of epochs since it
    public static func earlyStopping(validationLosses: [Double], patience: Int) throws -> (stopAfter: Int, bestEpoch: Int) {
        var stopping = EarlyStopping(patience: patience, restoresBestWeights: false)
        for (index, loss) in validationLosses.enumerated()
        where stopping.observe(epoch: index + 1, validationLoss: loss, parameters: []) {
            return (index + 1, stopping.bestEpoch ?? 1)
        }
        return (validationLosses.count, stopping.bestEpoch ?? 1)
    }
}
