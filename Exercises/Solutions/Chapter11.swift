// Reference solutions for chapter 11 (training a network). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter11: Chapter11Exercises {
    /// 11.1  R = (λ/2) Σ w²,  g + λ w
    public static func l2Penalty(weights: [Double], gradient: [Double], strength lambda: Double) throws -> (
        penalty: Double, gradient: [Double]
    ) {
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
    public static func earlyStopping(validationLosses: [Double], patience: Int) throws -> (
        stopAfter: Int, bestEpoch: Int
    ) {
        var stopping = EarlyStopping(patience: patience, restoresBestWeights: false)
        for (index, loss) in validationLosses.enumerated()
        where stopping.observe(epoch: index + 1, validationLoss: loss, parameters: []) {
            return (index + 1, stopping.bestEpoch ?? 1)
        }
        return (validationLosses.count, stopping.bestEpoch ?? 1)
    }

    /// 11.5  200 steps of full-batch gradient descent at lr = 1 on the mean cross-entropy; the error
    /// P − Y of each row from its own stable softmax.
    public static func trainSoftmaxClassifier(features x: Matrix, labels: [Int], classCount: Int) throws -> (
        weights: Matrix, bias: Matrix
    ) {
        var weights = Matrix(rows: x.columns, columns: classCount), bias = Matrix(rows: 1, columns: classCount)
        for _ in 0..<200 {
            var error = x * weights + bias
            for i in 0..<x.rows {
                let row = error.row(i), m = row.max() ?? 0
                let exponentials = row.map { exp($0 - m) }, total = exponentials.reduce(0, +)
                for k in 0..<classCount {
                    error[i, k] = (exponentials[k] / total - (k == labels[i] ? 1 : 0)) / Double(x.rows)
                }
            }
            weights = weights - x.transposed * error
            bias = bias - error.sum(along: .rows)
        }
        return (weights, bias)
    }

    /// 11.6  The bug: the penalty's gradient λw was subtracted instead of added.
    public static func weightDecayStep(
        weights w: [Double], gradient g: [Double], learningRate lr: Double, strength lambda: Double
    ) throws -> [Double] {
        zip(w, g).map { weight, gradient in weight - lr * (gradient + lambda * weight) }
    }
}
