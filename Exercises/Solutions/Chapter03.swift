// Reference solutions for chapter 3 (probability). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter03: Chapter03Exercises {
    /// 3.1  s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)², two passes.
    public static func unbiasedVariance(_ x: [Double]) throws -> Double {
        let n = Double(x.count)
        let xBar = x.reduce(0, +) / n
        var squares = 0.0
        for value in x { squares += (value - xBar) * (value - xBar) }
        return squares / (n - 1)
    }

    /// 3.2  exp(ln C(n, k) + k ln p + (n − k) ln(1 − p)), 0 · ln 0 = 0.
    public static func binomialPMF(successes k: Int, trials n: Int, probability p: Double) throws -> Double {
        guard k >= 0 && k <= n else { return 0 }
        let logChoose = lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
        let successTerm = k == 0 ? 0 : Double(k) * log(p)
        let failureTerm = n - k == 0 ? 0 : Double(n - k) * log(1 - p)
        return exp(logChoose + successTerm + failureTerm)
    }

    /// 3.3  se π / (se π + (1 − sp)(1 − π)).
    public static func posteriorAfterPositiveTest(prevalence: Double, sensitivity: Double, specificity: Double) throws
        -> Double
    {
        let truePositives = sensitivity * prevalence
        let falsePositives = (1 - specificity) * (1 - prevalence)
        return truePositives / (truePositives + falsePositives)
    }

    /// 3.4  The mean, then the mean squared deviation (dividing by n).
    public static func gaussianMaximumLikelihood(_ x: [Double]) throws -> (mean: Double, variance: Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n)
    }

    /// 3.5  ⌈σ²/target²⌉.
    public static func samplesForStandardError(variance: Double, target: Double) throws -> Int {
        Int((variance / (target * target)).rounded(.up))
    }

    /// 3.6  The precision-weighted average of the data and the prior mean.
    public static func gaussianMeanMAP(_ x: [Double], noiseVariance: Double, priorMean: Double, priorVariance: Double)
        throws -> Double
    {
        (x.reduce(0, +) / noiseVariance + priorMean / priorVariance)
            / (Double(x.count) / noiseVariance + 1 / priorVariance)
    }
}
