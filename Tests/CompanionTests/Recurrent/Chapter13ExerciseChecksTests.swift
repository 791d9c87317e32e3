import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 13 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 13 exercise checks")
struct Chapter13ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter13Exercises {
        /// The column-vector habit: sums W_h over its columns (h W_hᵀ), giving a = (1, 1.5).
        static func rnnStep(
            input x: [Double], hidden h: [Double], inputWeights wx: [[Double]],
            recurrentWeights wh: [[Double]], bias b: [Double]
        ) throws -> [Double] {
            (0..<b.count).map { j in
                var a = b[j]
                for f in 0..<x.count { a += x[f] * wx[f][j] }
                for k in 0..<h.count { a += h[k] * wh[j][k] }
                return tanh(a)
            }
        }
        /// Forgets the path through h_1: ∂L/∂w_x = x_2 δa_2 only.
        static func twoStepGradients(
            inputWeight wx: Double, recurrentWeight wh: Double,
            inputs x: [Double]
        ) throws -> (inputWeight: Double, recurrentWeight: Double) {
            let h1 = tanh(wx * x[0]), h2 = tanh(wx * x[1] + wh * h1)
            let da2 = 1 - h2 * h2
            return (x[1] * da2, h1 * da2)
        }
        /// Leaves out tanh′: w_h^T, 8 instead of 4.5.
        static func jacobianProduct(recurrentWeight wh: Double, states h: [Double]) throws -> Double {
            pow(wh, Double(h.count))
        }
        /// Clips by value: each entry to [−c, c], which turns the direction.
        static func clipByNorm(_ gradient: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
            gradient.map { row in row.map { Swift.min(Swift.max($0, -c), c) } }
        }
        /// Stops at ∂c_t/∂f: c·f, without σ′.
        static func forgetGateDerivative(preactivation a: Double, previousCell c: Double) throws -> Double {
            c / (1 + exp(-a))
        }
        /// The arithmetic mean of 1/p: 14/3 instead of 4.
        static func perplexity(probabilities p: [Double]) throws -> Double {
            p.map { 1 / $0 }.reduce(0, +) / Double(p.count)
        }
        /// Multiplies by τ instead of dividing.
        static func temperatureProbabilities(logits z: [Double], temperature tau: Double) throws -> [Double] {
            let scaled = z.map { $0 * tau }
            let top = scaled.max() ?? 0
            let e = scaled.map { exp($0 - top) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter13Checks.exercises(Mistakes.self))
    }
}
