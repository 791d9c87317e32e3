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
    static func posteriorAfterPositiveTest(prevalence: Double, sensitivity: Double, specificity: Double) throws -> Double
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
                    "Subtracting the mean before squaring matters: the shortcut mean(x²) − mean(x)² loses every digit when the values are near 10⁹.",
                ],
                check: {
                    // By hand: [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and Σ (x − 5)² = 32, so 32/7.
                    try expect(try Answers.unbiasedVariance([2, 4, 4, 4, 5, 5, 7, 9]), equals: 32.0 / 7,
                               "unbiasedVariance([2, 4, 4, 4, 5, 5, 7, 9])")
                    // Two values a, b: ((a − b)/2)² · 2 / 1 = (a − b)²/2 = 2 for 1 and 3.
                    try expect(try Answers.unbiasedVariance([1, 3]), equals: 2, "unbiasedVariance([1, 3])")
                    // A constant has no spread, and a large offset must not ruin the answer.
                    try expect(try Answers.unbiasedVariance([7, 7, 7]), equals: 0, "unbiasedVariance([7, 7, 7])")
                    try expect(try Answers.unbiasedVariance([1e9 + 1, 1e9 + 3]), equals: 2, "unbiasedVariance([1e9 + 1, 1e9 + 3])",
                               tolerance: Tolerance(absolute: 1e-6, relative: 0))
                }),
            Exercise(
                id: "3.2", title: "The binomial pmf",
                task: "Return P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, and 0 for k < 0 or k > n. It must work for n = 1000.",
                file: file, function: "binomialPMF(successes:trials:probability:)",
                hints: [
                    "C(1000, 500) and 0.5¹⁰⁰⁰ overflow and underflow on their own: work with logarithms and take exp at the end.",
                    "ln C(n, k) = lgamma(n + 1) − lgamma(k + 1) − lgamma(n − k + 1); add k ln p + (n − k) ln(1 − p), treating 0 · ln 0 as 0.",
                ],
                check: {
                    // By hand: C(5, 3)/2⁵ = 10/32; C(4, 2) 0.3² 0.7² = 6 · 0.09 · 0.49 = 0.2646.
                    try expect(try Answers.binomialPMF(successes: 3, trials: 5, probability: 0.5), equals: 10.0 / 32, "binomialPMF(3; 5, 0.5)")
                    try expect(try Answers.binomialPMF(successes: 2, trials: 4, probability: 0.3), equals: 0.2646, "binomialPMF(2; 4, 0.3)")
                    try expect(try Answers.binomialPMF(successes: 6, trials: 4, probability: 0.3), equals: 0, "binomialPMF(6; 4, 0.3)")
                    // p = 0: X = 0 surely.
                    try expect(try Answers.binomialPMF(successes: 0, trials: 10, probability: 0), equals: 1, "binomialPMF(0; 10, 0)")
                    // n = 1000, k = 1, p = 0.001: 1000 · 0.001 · 0.999⁹⁹⁹.
                    try expect(try Answers.binomialPMF(successes: 1, trials: 1000, probability: 0.001),
                               equals: 0.999 * Foundation.pow(0.999, 998), "binomialPMF(1; 1000, 0.001)")
                    // n = 1000, k = 500, p = ½: independent value from a sum of logs.
                    let logChoose = (1...500).reduce(0.0) { $0 + Foundation.log(Double(500 + $1) / Double($1)) }
                    try expect(try Answers.binomialPMF(successes: 500, trials: 1000, probability: 0.5),
                               equals: Foundation.exp(logChoose - 1000 * Foundation.log(2.0)), "binomialPMF(500; 1000, 0.5)",
                               tolerance: Tolerance(absolute: 1e-15, relative: 1e-9))
                }),
            Exercise(
                id: "3.3", title: "Bayes' rule for a diagnostic test",
                task: "Return P(sick | +) = se · π / (se · π + (1 − sp)(1 − π)) for prevalence π, sensitivity se, specificity sp.",
                file: file, function: "posteriorAfterPositiveTest(prevalence:sensitivity:specificity:)",
                hints: [
                    "P(+) adds the true positives, sensitivity · prevalence, and the false positives, (1 − specificity)(1 − prevalence).",
                    "The answer is the share of the true positives in P(+): true positives divided by (true positives + false positives).",
                ],
                check: {
                    // By hand: 0.0099/(0.0099 + 0.0495) = 1/6.
                    try expect(try Answers.posteriorAfterPositiveTest(prevalence: 0.01, sensitivity: 0.99, specificity: 0.95),
                               equals: 1.0 / 6, "posterior(1 %, 99 %, 95 %)")
                    // Prevalence ½, sensitivity 0.8, specificity 0.6: 0.4/(0.4 + 0.2) = 2/3.
                    try expect(try Answers.posteriorAfterPositiveTest(prevalence: 0.5, sensitivity: 0.8, specificity: 0.6),
                               equals: 2.0 / 3, "posterior(50 %, 80 %, 60 %)")
                    // A perfectly specific test: a positive is certain.
                    try expect(try Answers.posteriorAfterPositiveTest(prevalence: 0.001, sensitivity: 0.5, specificity: 1),
                               equals: 1, "posterior(0.1 %, 50 %, 100 %)")
                }),
        ]
    }
}
