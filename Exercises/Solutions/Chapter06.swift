// Reference solutions for chapter 6 (loss functions). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter06: Chapter06Exercises {
    /// 6.1  (1/n) Σ (ŷ − y)²
    public static func meanSquaredError(predictions: [Double], targets: [Double]) throws -> Double {
        var total = 0.0
        for i in predictions.indices {
            let residual = predictions[i] - targets[i]
            total += residual * residual
        }
        return total / Double(predictions.count)
    }

    /// 6.2  quadratic inside [−δ, δ], linear outside
    public static func huber(residual r: Double, delta: Double) throws -> Double {
        abs(r) <= delta ? 0.5 * r * r : delta * (abs(r) - 0.5 * delta)
    }

    /// 6.3  softplus(z) − y z with softplus(z) = max(z, 0) + log(1 + e^−|z|)
    public static func binaryCrossEntropy(logit z: Double, target y: Double) throws -> Double {
        max(z, 0) - y * z + log1p(exp(-abs(z)))
    }

    /// 6.4  stable softmax, then subtract the one-hot target
    public static func softmaxCrossEntropyGradient(logits z: [Double], label: Int) throws -> [Double] {
        let m = z.max() ?? 0
        let exponentials = z.map { exp($0 - m) }
        let total = exponentials.reduce(0, +)
        var gradient = exponentials.map { $0 / total }
        gradient[label] -= 1
        return gradient
    }

    /// 6.5  The bug: the 1/n of the mean was left out.
    public static func meanSquaredErrorGradient(predictions: [Double], targets: [Double]) throws -> [Double] {
        let n = Double(predictions.count)
        return zip(predictions, targets).map { prediction, target in 2 * (prediction - target) / n }
    }

    /// 6.6  The stable softmax of each row, minus 1 at its label, over N.
    public static func softmaxCrossEntropyBatchGradient(logits z: Matrix, labels: [Int]) throws -> Matrix {
        var gradient = Matrix(rows: z.rows, columns: z.columns)
        for n in 0..<z.rows {
            let row = z.row(n), m = row.max() ?? 0
            let exponentials = row.map { exp($0 - m) }
            let total = exponentials.reduce(0, +)
            for k in 0..<z.columns {
                gradient[n, k] = (exponentials[k] / total - (k == labels[n] ? 1 : 0)) / Double(z.rows)
            }
        }
        return gradient
    }
}
