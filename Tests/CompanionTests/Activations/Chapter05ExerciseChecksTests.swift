import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 5 checks catch the textbook forms that fail in floating point.
@Suite("Chapter 5 exercise checks")
struct Chapter05ExerciseChecksTests {
    /// The naive forms: right at moderate inputs, wrong at the extremes the checks include.
    enum Mistakes: Chapter05Exercises {
        /// log of 1/(1 + e⁻ˣ): −∞ at x = −1000 (e^1000 = inf) and 0 at x = 40 (σ(40) rounds to 1).
        static func logSigmoid(_ x: Double) throws -> Double { log(1 / (1 + exp(-x))) }
        /// σ(1 − σ) with a stable σ: 1 − σ(40) rounds to 0, so σ′(40) = 0 instead of 4.25e-18.
        static func sigmoidDerivative(_ x: Double) throws -> Double {
            let s = x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
            return s * (1 - s)
        }
        /// Without subtracting the maximum: e^1000 = inf, inf/inf = NaN.
        static func softmax(_ z: [Double]) throws -> [Double] {
            let e = z.map(exp)
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
        /// log of the stable softmax: softmax([0, −1000])₁ underflows to 0 and its log is −∞, not −1000.
        static func logSoftmax(_ z: [Double]) throws -> [Double] {
            DLMath.softmax(z).map { log($0) }
        }
    }

    @Test("every naive form fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter05Checks.exercises(Mistakes.self))
    }
}
