import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 2 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 2 exercise checks")
struct Chapter02ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter02Exercises {
        /// A forward difference instead of a central one.
        static func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) throws -> Double {
            (f(x + h) - f(x)) / h
        }
        /// 2 A x, right only for symmetric A.
        static func quadraticFormGradient(_ a: Matrix, at x: [Double]) throws -> [Double] {
            (2 * a) * x
        }
        /// Forgets the activation's derivative: xᵀ G.
        static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws -> Matrix {
            x.transposed * g
        }
        /// Evaluates the outer derivative at x instead of at g(x).
        static func chainRule(outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
                              innerDerivative gPrime: (Double) -> Double, at x: Double) throws -> Double {
            fPrime(x) * gPrime(x)
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter02Checks.exercises(Mistakes.self))
    }
}
