import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 3 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 3 exercise checks")
struct Chapter03ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter03Exercises {
        /// Divides by n instead of n − 1 (the biased variance): 4 instead of 32/7 on the worked sample.
        static func unbiasedVariance(_ x: [Double]) throws -> Double {
            let m = x.reduce(0, +) / Double(x.count)
            return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)
        }
        /// Forgets the binomial coefficient: pᵏ(1 − p)ⁿ⁻ᵏ, 1/32 instead of 10/32 for 3 of 5 fair flips.
        static func binomialPMF(successes k: Int, trials n: Int, probability p: Double) throws -> Double {
            guard k >= 0 && k <= n else { return 0 }
            return pow(p, Double(k)) * pow(1 - p, Double(n - k))
        }
        /// Confuses P(+ | sick) with P(sick | +): returns the sensitivity, 0.99 instead of 1/6.
        static func posteriorAfterPositiveTest(prevalence: Double, sensitivity: Double, specificity: Double) throws
            -> Double
        {
            sensitivity
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter03Checks.exercises(Mistakes.self))
    }
}
