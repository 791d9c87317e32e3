// Chapter 3 exercises: probability.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 3.1
// `swift run exercises hint 3.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter03: Chapter03Exercises {
    /// 3.1 The unbiased sample variance.
    ///
    ///     x̄ = (1/n) Σᵢ xᵢ        s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)²
    ///
    /// `x` has at least 2 values. Subtract the mean before squaring (the
    /// one-pass formula E[X²] − x̄² loses digits when the mean is large).
    public static func unbiasedVariance(_ x: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 3.2 The binomial probability of k successes in n trials.
    ///
    ///     P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ,   C(n, k) = n! / (k! (n − k)!)
    ///
    /// Return 0 for k < 0 or k > n. It must work for n = 1000, where C(n, k)
    /// and pⁿ leave the range of Double: compute the logarithm and take exp.
    public static func binomialPMF(successes k: Int, trials n: Int, probability p: Double) throws -> Double {
        throw NotStarted()
    }

    /// 3.3 Bayes' rule: the probability of being sick after a positive test.
    ///
    ///     P(D | +) = P(+ | D) P(D) / P(+),   P(+) = P(+ | D) P(D) + P(+ | ¬D) P(¬D)
    ///
    /// P(D) is the prevalence, P(+ | D) the sensitivity, P(+ | ¬D) = 1 − specificity.
    public static func posteriorAfterPositiveTest(prevalence: Double, sensitivity: Double, specificity: Double) throws
        -> Double
    {
        throw NotStarted()
    }

    /// 3.4 The maximum-likelihood fit of a Gaussian to the samples `x` (not empty).
    ///
    ///     μ̂ = (1/n) Σᵢ xᵢ,   σ̂² = (1/n) Σᵢ (xᵢ − μ̂)²
    public static func gaussianMaximumLikelihood(_ x: [Double]) throws -> (mean: Double, variance: Double) {
        throw NotStarted()
    }

    /// 3.5 The smallest sample count n for which the mean's standard error is at most `target`.
    ///
    ///     √(σ²/n) ≤ target
    public static func samplesForStandardError(variance: Double, target: Double) throws -> Int {
        throw NotStarted()
    }

    /// 3.6 The MAP estimate of a Gaussian mean under a Gaussian prior.
    ///
    ///     μ_MAP = (Σᵢ xᵢ/σ² + μ₀/τ²) / (n/σ² + 1/τ²)
    public static func gaussianMeanMAP(_ x: [Double], noiseVariance: Double, priorMean: Double, priorVariance: Double)
        throws -> Double
    {
        throw NotStarted()
    }
}
