import DLMath
import Foundation

/// The exercises of chapter 3 (probability). The workbook and the solutions
/// each provide a type conforming to this protocol.
public protocol Chapter03Exercises {
    /// 3.1 The unbiased sample variance s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)², n ≥ 2.
    static func unbiasedVariance(_ x: [Double]) throws -> Double
    /// 3.2 The binomial pmf P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ (0 for k outside 0…n).
    static func binomialPMF(successes k: Int, trials n: Int, probability p: Double) throws -> Double
    /// 3.3 P(sick | positive) for a test with the given prevalence, sensitivity and specificity.
    static func posteriorAfterPositiveTest(prevalence: Double, sensitivity: Double, specificity: Double) throws
        -> Double
    /// 3.4 The maximum-likelihood Gaussian fit: μ̂ = (1/n) Σ xᵢ and σ̂² = (1/n) Σ (xᵢ − μ̂)² (the biased variance).
    static func gaussianMaximumLikelihood(_ x: [Double]) throws -> (mean: Double, variance: Double)
    /// 3.5 The smallest n with standard error √(σ²/n) ≤ target: n = ⌈σ²/target²⌉.
    static func samplesForStandardError(variance: Double, target: Double) throws -> Int
    /// 3.6 The MAP estimate of a Gaussian mean with a Gaussian prior N(μ₀, τ²) and noise variance σ².
    static func gaussianMeanMAP(_ x: [Double], noiseVariance: Double, priorMean: Double, priorVariance: Double) throws
        -> Double
}

/// The checks and hints of chapter 3, run against any conforming answers.
public enum Chapter03Checks {
    static let file = "Exercises/Workbook/Chapter03.swift"

    public static func exercises<Answers: Chapter03Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "3.1", title: "The unbiased sample variance",
                task: "Return s² = (1/(n − 1)) Σᵢ (xᵢ − x̄)², with x̄ the mean.",
                file: file, function: "unbiasedVariance(_:)",
                hints: [
                    "First the mean x̄ = (Σ xᵢ)/n, then the sum of squared deviations, then divide by n − 1, not n.",
                    "Subtracting the mean before squaring matters: the shortcut mean(x²) − mean(x)² loses every digit when the values are near 10⁹."
                ],
                check: {
                    // By hand: [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and Σ (x − 5)² = 32, so 32/7.
                    try expect(
                        try Answers.unbiasedVariance([2, 4, 4, 4, 5, 5, 7, 9]), equals: 32.0 / 7,
                        "unbiasedVariance([2, 4, 4, 4, 5, 5, 7, 9])")
                    // Two values a, b: ((a − b)/2)² · 2 / 1 = (a − b)²/2 = 2 for 1 and 3.
                    try expect(try Answers.unbiasedVariance([1, 3]), equals: 2, "unbiasedVariance([1, 3])")
                    // A constant has no spread, and a large offset must not ruin the answer.
                    try expect(try Answers.unbiasedVariance([7, 7, 7]), equals: 0, "unbiasedVariance([7, 7, 7])")
                    try expect(
                        try Answers.unbiasedVariance([1e9 + 1, 1e9 + 3]), equals: 2,
                        "unbiasedVariance([1e9 + 1, 1e9 + 3])",
                        tolerance: Tolerance(absolute: 1e-6, relative: 0))
                }),
            Exercise(
                id: "3.2", title: "The binomial pmf",
                task: "Return P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, and 0 for k < 0 or k > n. It must work for n = 1000.",
                file: file, function: "binomialPMF(successes:trials:probability:)",
                hints: [
                    "C(1000, 500) and 0.5¹⁰⁰⁰ overflow and underflow on their own: work with logarithms and take exp at the end.",
                    "ln C(n, k) = lgamma(n + 1) − lgamma(k + 1) − lgamma(n − k + 1); add k ln p + (n − k) ln(1 − p), treating 0 · ln 0 as 0."
                ],
                check: {
                    // By hand: C(5, 3)/2⁵ = 10/32; C(4, 2) 0.3² 0.7² = 6 · 0.09 · 0.49 = 0.2646.
                    try expect(
                        try Answers.binomialPMF(successes: 3, trials: 5, probability: 0.5), equals: 10.0 / 32,
                        "binomialPMF(3; 5, 0.5)")
                    try expect(
                        try Answers.binomialPMF(successes: 2, trials: 4, probability: 0.3), equals: 0.2646,
                        "binomialPMF(2; 4, 0.3)")
                    try expect(
                        try Answers.binomialPMF(successes: 6, trials: 4, probability: 0.3), equals: 0,
                        "binomialPMF(6; 4, 0.3)")
                    // p = 0: X = 0 surely.
                    try expect(
                        try Answers.binomialPMF(successes: 0, trials: 10, probability: 0), equals: 1,
                        "binomialPMF(0; 10, 0)")
                    // n = 1000, k = 1, p = 0.001: 1000 · 0.001 · 0.999⁹⁹⁹.
                    try expect(
                        try Answers.binomialPMF(successes: 1, trials: 1000, probability: 0.001),
                        equals: 0.999 * Foundation.pow(0.999, 998), "binomialPMF(1; 1000, 0.001)")
                    // n = 1000, k = 500, p = ½: independent value from a sum of logs.
                    let logChoose = (1...500).reduce(0.0) { $0 + Foundation.log(Double(500 + $1) / Double($1)) }
                    try expect(
                        try Answers.binomialPMF(successes: 500, trials: 1000, probability: 0.5),
                        equals: Foundation.exp(logChoose - 1000 * Foundation.log(2.0)), "binomialPMF(500; 1000, 0.5)",
                        tolerance: Tolerance(absolute: 1e-15, relative: 1e-9))
                }),
            Exercise(
                id: "3.3", title: "Bayes' rule for a diagnostic test",
                task:
                    "Return P(sick | +) = se · π / (se · π + (1 − sp)(1 − π)) for prevalence π, sensitivity se, specificity sp.",
                file: file, function: "posteriorAfterPositiveTest(prevalence:sensitivity:specificity:)",
                hints: [
                    "P(+) adds the true positives, sensitivity · prevalence, and the false positives, (1 − specificity)(1 − prevalence).",
                    "The answer is the share of the true positives in P(+): true positives divided by (true positives + false positives)."
                ],
                check: {
                    // By hand: 0.0099/(0.0099 + 0.0495) = 1/6.
                    try expect(
                        try Answers.posteriorAfterPositiveTest(prevalence: 0.01, sensitivity: 0.99, specificity: 0.95),
                        equals: 1.0 / 6, "posterior(1 %, 99 %, 95 %)")
                    // Prevalence ½, sensitivity 0.8, specificity 0.6: 0.4/(0.4 + 0.2) = 2/3.
                    try expect(
                        try Answers.posteriorAfterPositiveTest(prevalence: 0.5, sensitivity: 0.8, specificity: 0.6),
                        equals: 2.0 / 3, "posterior(50 %, 80 %, 60 %)")
                    // A perfectly specific test: a positive is certain.
                    try expect(
                        try Answers.posteriorAfterPositiveTest(prevalence: 0.001, sensitivity: 0.5, specificity: 1),
                        equals: 1, "posterior(0.1 %, 50 %, 100 %)")
                }),
            Exercise(
                id: "3.4", title: "Maximum likelihood for a Gaussian",
                task:
                    "Derive the maximum of Π N(xᵢ; μ, σ²) over μ and σ²; return (μ̂, σ̂²): the mean and the variance dividing by n.",
                file: file, function: "gaussianMaximumLikelihood(_:)",
                hints: [
                    "Take the logarithm: −(n/2) ln σ² − Σ (xᵢ − μ)²/(2σ²) + constant. Set its derivatives by μ and by σ² to zero.",
                    "The derivative by σ² gives σ̂² = (1/n) Σ (xᵢ − μ̂)²: n, not n − 1. Maximum likelihood is biased."
                ],
                check: {
                    // [1, 2, 3, 6]: mean 12/4 = 3; squared deviations 4, 1, 0, 9 add to 14; 14/4 = 3.5 (n − 1 would give 4.67).
                    let fit = try Answers.gaussianMaximumLikelihood([1, 2, 3, 6])
                    try expect(fit.mean, equals: 3, "mean of [1, 2, 3, 6]")
                    try expect(fit.variance, equals: 3.5, "variance of [1, 2, 3, 6]")
                    // [5]: one point, mean 5, variance 0 (the unbiased form would divide by 0).
                    let single = try Answers.gaussianMaximumLikelihood([5])
                    try expect(single.variance, equals: 0, "variance of [5]")
                }),
            Exercise(
                id: "3.5", title: "How many samples for a given standard error",
                task:
                    "The mean of n independent samples of variance σ² has standard error √(σ²/n). Return the smallest n with √(σ²/n) ≤ target.",
                file: file, function: "samplesForStandardError(variance:target:)",
                hints: [
                    "Square both sides: σ²/n ≤ target², so n ≥ σ²/target². The answer is that bound rounded up.",
                    "The variance goes in, not the standard deviation; and rounding down would leave the error just above the target."
                ],
                check: {
                    // U(0, 1) has σ² = 1/12: (1/12)/0.01² = 833.3…, rounded up 834.
                    try expect(
                        try Answers.samplesForStandardError(variance: 1.0 / 12, target: 0.01), equals: 834,
                        "σ² = 1/12, target 0.01")
                    // σ² = 4, target 0.5: 4/0.25 = 16 exactly, and n = 16 gives √(4/16) = 0.5, which is allowed.
                    try expect(
                        try Answers.samplesForStandardError(variance: 4, target: 0.5), equals: 16, "σ² = 4, target 0.5")
                    // The experiment: 834 means of U(0, 1), each over 834 samples, scatter by about 0.01.
                    let n = try Answers.samplesForStandardError(variance: 1.0 / 12, target: 0.01)
                    try expect(n > 0 && n < 100_000, "samplesForStandardError gave \(n)")
                    var generator = SeededGenerator(seed: 35)
                    let means = (0..<400).map { _ in
                        (0..<n).reduce(0.0) { total, _ in total + generator.uniform() } / Double(n)
                    }
                    let average = means.reduce(0, +) / Double(means.count)
                    let spread = (means.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(means.count - 1))
                        .squareRoot()
                    try expect(
                        abs(spread - 0.01) < 0.0015,
                        "the spread of 400 means of \(n) samples: expected about 0.01, got \(spread)")
                }),
            Exercise(
                id: "3.6", title: "A prior pulls the estimate (MAP)",
                task:
                    "With xᵢ ~ N(μ, σ²) and the prior μ ~ N(μ₀, τ²), return the μ maximising the posterior: (Σxᵢ/σ² + μ₀/τ²)/(n/σ² + 1/τ²).",
                file: file, function: "gaussianMeanMAP(_:noiseVariance:priorMean:priorVariance:)",
                hints: [
                    "Minimise Σ (xᵢ − μ)²/(2σ²) + (μ − μ₀)²/(2τ²), the negative log-posterior: a quadratic in μ.",
                    "Its derivative is zero at a precision-weighted average: n/σ² weighs the data's mean, 1/τ² weighs the prior's mean."
                ],
                check: {
                    // [2, 4], σ² = 1, prior N(0, 1): (6/1 + 0)/(2/1 + 1) = 2 (the ML estimate would be 3).
                    try expect(
                        try Answers.gaussianMeanMAP([2, 4], noiseVariance: 1, priorMean: 0, priorVariance: 1),
                        equals: 2, "[2, 4], σ² = 1, N(0, 1)")
                    // [10], σ² = 4, prior N(1, 2): (10/4 + 1/2)/(1/4 + 1/2) = 3/0.75 = 4.
                    try expect(
                        try Answers.gaussianMeanMAP([10], noiseVariance: 4, priorMean: 1, priorVariance: 2), equals: 4,
                        "[10], σ² = 4, N(1, 2)")
                })
        ]
    }
}
