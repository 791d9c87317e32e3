import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 9 and 11 checks catch the plausible wrong answers.
@Suite("Chapter 9 and 11 exercise checks")
struct Chapter09And11ExerciseChecksTests {
    enum DescentMistakes: Chapter09Exercises {
        /// One step too few: (1 − lr a)^(k−1) x₀.
        static func gradientDescentIterate(curvature a: Double, learningRate: Double, start: Double, steps k: Int)
            throws -> Double
        {
            pow(1 - learningRate * a, Double(k - 1)) * start
        }
        /// The smallest curvature instead of the largest.
        static func stabilityBound(curvatures: [Double]) throws -> Double { 2 / (curvatures.min() ?? 1) }
        /// The 2 of the square forgotten: (1/n) Xᵀ(Xw − y).
        static func linearRegressionGradient(features x: Matrix, targets y: Matrix, weights w: Matrix) throws -> Matrix
        {
            (1 / Double(x.rows)) * (x.transposed * (x * w - y))
        }
        /// The last, smaller batch dropped.
        static func miniBatchSizes(exampleCount n: Int, batchSize b: Int) throws -> [Int] {
            Array(repeating: b, count: n / b)
        }
        /// 2/λ_max of XᵀX, the Hessian's factor 2/n forgotten.
        static func divergenceLearningRate(features x: Matrix) throws -> Double {
            let s = x.transposed * x
            let p = s[0, 0], q = s[0, 1], r = s[1, 1]
            return 2 / ((p + r) / 2 + (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot())
        }
        /// A single step of gradient descent: far from the target.
        static func trainLinearRegression(features x: Matrix, targets y: Matrix) throws -> Matrix {
            0.25 * (2 / Double(x.rows)) * (x.transposed * y)
        }
    }

    enum TrainingMistakes: Chapter11Exercises {
        /// The ½ forgotten: λ Σ w².
        static func l2Penalty(weights: [Double], gradient: [Double], strength lambda: Double) throws -> (
            penalty: Double, gradient: [Double]
        ) {
            (lambda * weights.dot(weights), zip(gradient, weights).map { $0 + lambda * $1 })
        }
        /// Divided by the drop rate p instead of the keep probability 1 − p.
        static func invertedDropout(_ x: [Double], keep: [Bool], rate p: Double) throws -> [Double] {
            zip(x, keep).map { $1 ? $0 / p : 0 }
        }
        /// Rows and columns swapped: counts[predicted][actual].
        static func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int) throws -> [[Int]] {
            var counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
            for (p, a) in zip(predicted, actual) { counts[p][a] += 1 }
            return counts
        }
        /// A loss equal to the best counted as an improvement.
        static func earlyStopping(validationLosses: [Double], patience: Int) throws -> (stopAfter: Int, bestEpoch: Int)
        {
            var best = Double.infinity, bestEpoch = 1, wait = 0
            for (index, loss) in validationLosses.enumerated() {
                if loss <= best {
                    best = loss
                    bestEpoch = index + 1
                    wait = 0
                } else {
                    wait += 1
                    if wait == patience { return (index + 1, bestEpoch) }
                }
            }
            return (validationLosses.count, bestEpoch)
        }
        /// Gradient ascent: the step added instead of subtracted.
        static func trainSoftmaxClassifier(features x: Matrix, labels: [Int], classCount: Int) throws -> (
            weights: Matrix, bias: Matrix
        ) {
            var weights = Matrix(rows: x.columns, columns: classCount), bias = Matrix(rows: 1, columns: classCount)
            let oneHot = Matrix(rows: x.rows, columns: classCount) { i, k in k == labels[i] ? 1 : 0 }
            for _ in 0..<50 {
                let error = (DLMath.softmax(x * weights + bias) - oneHot) / Double(x.rows)
                weights = weights + x.transposed * error
                bias = bias + error.sum(along: .rows)
            }
            return (weights, bias)
        }
        /// The workbook's planted bug: the penalty's gradient subtracted.
        static func weightDecayStep(
            weights w: [Double], gradient g: [Double], learningRate lr: Double, strength lambda: Double
        ) throws -> [Double] {
            zip(w, g).map { $0 - lr * ($1 - lambda * $0) }
        }
    }

    @Test("every plausible wrong answer of chapters 9 and 11 fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter09Checks.exercises(DescentMistakes.self))
        expectEveryExerciseFails(Chapter11Checks.exercises(TrainingMistakes.self))
    }
}
