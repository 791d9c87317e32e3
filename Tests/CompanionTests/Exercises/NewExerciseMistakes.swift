import DLMath
import ExerciseKit
import Foundation

// The plausible wrong answers to the exercises added to chapters 3 to 6 and 10
// (each chapter's test file holds those of its first exercises): every one must
// fail its check, which the chapter's "mistakes fail" test runs.

extension Chapter03ExerciseChecksTests.Mistakes {
    /// Dividing by n − 1: 14/3 for [1, 2, 3, 6], and 0/0 for one sample.
    static func gaussianMaximumLikelihood(_ x: [Double]) throws -> (mean: Double, variance: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1))
    }
    /// Rounding down: 833 samples leave the error just above 0.01.
    static func samplesForStandardError(variance: Double, target: Double) throws -> Int {
        Int(variance / (target * target))
    }
    /// The maximum-likelihood mean, the prior forgotten.
    static func gaussianMeanMAP(_ x: [Double], noiseVariance: Double, priorMean: Double, priorVariance: Double) throws
        -> Double
    {
        x.reduce(0, +) / Double(x.count)
    }
}

extension Chapter04ExerciseChecksTests.Mistakes {
    /// p and q swapped: −Σ qᵢ log₂ pᵢ.
    static func crossEntropyInBits(_ p: [Double], _ q: [Double]) throws -> Double {
        zip(q, p).reduce(0) { $1.0 > 0 ? $0 - $1.0 * log2($1.1) : $0 }
    }
    /// H(ε), the noise, instead of the information 1 − H(ε).
    static func binarySymmetricChannelInformation(flipProbability epsilon: Double) throws -> Double {
        -[epsilon, 1 - epsilon].filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
    }
    /// The standard deviations used as variances.
    static func gaussianKL(mean1: Double, standardDeviation1: Double, mean2: Double, standardDeviation2: Double) throws
        -> Double
    {
        log(standardDeviation2 / standardDeviation1)
            + (standardDeviation1 + (mean1 - mean2) * (mean1 - mean2)) / (2 * standardDeviation2) - 0.5
    }
}

extension Chapter05ExerciseChecksTests.Mistakes {
    /// 1 − σ(x) with a stable σ: 0 at x = 40 instead of 4.25e-18.
    static func logSigmoidDerivative(_ x: Double) throws -> Double {
        1 - (x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)))
    }
    /// The workbook's planted bug: Σ gᵢ where Σ sᵢ gᵢ belongs.
    static func softmaxBackward(_ z: [Double], outputGradient g: [Double]) throws -> [Double] {
        let s = DLMath.softmax(z)
        let average = g.reduce(0, +)
        return zip(s, g).map { $0 * ($1 - average) }
    }
}

extension Chapter06ExerciseChecksTests.Mistakes {
    /// The workbook's planted bug: the 1/n of the mean left out.
    static func meanSquaredErrorGradient(predictions: [Double], targets: [Double]) throws -> [Double] {
        zip(predictions, targets).map { 2 * ($0 - $1) }
    }
    /// Row by row right, but the mean's 1/N forgotten.
    static func softmaxCrossEntropyBatchGradient(logits z: Matrix, labels: [Int]) throws -> Matrix {
        let p = DLMath.softmax(z)
        return Matrix(rows: z.rows, columns: z.columns) { n, k in p[n, k] - (k == labels[n] ? 1 : 0) }
    }
}

extension Chapter10ExerciseChecksTests.Mistakes {
    /// Plain gradient descent's bound 2/a, as if momentum did not change it.
    static func momentumDivergenceRate(curvature a: Double, momentum mu: Double) throws -> Double { 2 / a }
}
