import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 7 and 8 checks catch the plausible wrong answers.
@Suite("Chapter 7 and 8 exercise checks")
struct Chapter07And08ExerciseChecksTests {
    enum ForwardMistakes: Chapter07Exercises {
        /// The bias forgotten.
        static func denseForward(_ x: Matrix, weights: Matrix, bias: Matrix) throws -> Matrix { x * weights }
        /// The biases forgotten: weights only.
        static func parameterCount(layerSizes: [Int]) throws -> Int {
            zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        }
        /// The variance 2/(fan_in + fan_out) taken for the limit: √(2/(n + m)) instead of √(6/(n + m)).
        static func xavierUniformLimit(fanIn: Int, fanOut: Int) throws -> Double {
            (2.0 / Double(fanIn + fanOut)).squareRoot()
        }
        /// The ReLU's halving forgotten: (n v)^L.
        static func secondMomentAfterReLULayers(
            fanIn n: Int, weightVariance v: Double, inputSecondMoment q: Double, layers: Int
        ) throws -> Double {
            q * pow(Double(n) * v, Double(layers))
        }
        /// A network without a working hidden layer: the sum x₁ + x₂ (OR-like, 2 at (1, 1)).
        static func xorNetwork() throws -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) {
            ([[1, 0], [0, 1]], [[0, 0]], [[1], [1]], [[0]])
        }
        /// A ReLU on the output too: −1 becomes 0.
        static func mlpForward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) throws -> Matrix {
            ((x * w1 + b1).map { max($0, 0) } * w2 + b2).map { max($0, 0) }
        }
    }

    enum BackwardMistakes: Chapter08Exercises {
        /// ∂f/∂d taken as a·b, the c forgotten.
        static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double] {
            [d * b, d * a, d, a * b]
        }
        /// The bias gradient averaged over the rows instead of summed.
        static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
            -> (weights: Matrix, bias: Matrix, input: Matrix)
        {
            (x.transposed * outputGradient, outputGradient.mean(along: .rows), outputGradient * weights.transposed)
        }
        /// ReLU′(0) taken as 1.
        static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix {
            outputGradient .* z.map { $0 >= 0 ? 1 : 0 }
        }
        /// The ReLU's mask forgotten in the hidden layer.
        static func mlpBackward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix, outputGradient g: Matrix)
            throws
            -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix)
        {
            let h = (x * w1 + b1).map { max($0, 0) }
            let hiddenGradient = g * w2.transposed
            return (
                x.transposed * hiddenGradient, hiddenGradient.sum(along: .rows), h.transposed * g, g.sum(along: .rows)
            )
        }
        /// The workbook's planted bug: 1 − Z² instead of 1 − tanh²(Z).
        static func tanhBackward(_ z: Matrix, outputGradient g: Matrix) throws -> Matrix { g .* (1 - z .* z) }
        /// The absolute difference, not relative: 3 where 1/3 belongs.
        static func gradientCheckError(_ f: ([Double]) -> Double, gradient: [Double], at x: [Double]) throws -> Double {
            x.indices.map { i in
                var up = x, down = x
                up[i] += 1e-5
                down[i] -= 1e-5
                return abs(gradient[i] - (f(up) - f(down)) / 2e-5)
            }.max() ?? 0
        }
    }

    @Test("every plausible wrong answer of chapters 7 and 8 fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter07Checks.exercises(ForwardMistakes.self))
        expectEveryExerciseFails(Chapter08Checks.exercises(BackwardMistakes.self))
    }
}
