import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 10 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 10 exercise checks")
struct Chapter10ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter10Exercises {
        /// Moves the weight by the old velocity instead of the new one.
        static func momentumStep(
            weight w: Double, velocity v: Double, gradient g: Double,
            learningRate: Double, momentum mu: Double
        ) throws -> (weight: Double, velocity: Double) {
            (w - learningRate * v, mu * v + g)
        }
        /// Leaves out the bias correction.
        static func adamStep(
            weight w: Double, firstMoment m: Double, secondMoment v: Double, gradient g: Double, step t: Int,
            learningRate: Double, beta1: Double, beta2: Double,
            epsilon: Double
        ) throws -> (weight: Double, firstMoment: Double, secondMoment: Double) {
            let newM = beta1 * m + (1 - beta1) * g, newV = beta2 * v + (1 - beta2) * g * g
            return (w - learningRate * newM / (newV.squareRoot() + epsilon), newM, newV)
        }
        /// Clips each gradient by its own norm instead of the global one.
        static func clipByGlobalNorm(_ gradients: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
            gradients.map { g in
                let norm = g.map { $0 * $0 }.reduce(0, +).squareRoot()
                return norm > c ? g.map { $0 * c / norm } : g
            }
        }
        /// Cosine of π t / T without the ½ (1 + …): goes negative.
        static func cosineRate(step t: Int, initial: Double, minimum: Double, totalSteps: Int) throws -> Double {
            minimum + (initial - minimum) * cos(Double.pi * Double(t) / Double(totalSteps))
        }
        /// Forgets the minus sign: steps uphill, d = +H⁻¹ g.
        static func newtonStep(gradient g: [Double], hessian h: Matrix) throws -> [Double] {
            let (a, b, c, e) = (h[0, 0], h[0, 1], h[1, 0], h[1, 1])
            let determinant = a * e - b * c
            return [(e * g[0] - b * g[1]) / determinant, (-c * g[0] + a * g[1]) / determinant]
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter10Checks.exercises(Mistakes.self))
    }
}
