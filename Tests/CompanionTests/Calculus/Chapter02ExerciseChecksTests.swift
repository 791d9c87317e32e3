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
        static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws
            -> Matrix
        {
            x.transposed * g
        }
        /// Evaluates the outer derivative at x instead of at g(x).
        static func chainRule(
            outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
            innerDerivative gPrime: (Double) -> Double, at x: Double
        ) throws -> Double {
            fPrime(x) * gPrime(x)
        }
        /// Forgets the square root: returns λ_max(JᵀJ) = ‖J‖₂².
        static func jacobianSpectralNorm(_ j: Matrix) throws -> Double {
            let p = j[0, 0] * j[0, 0] + j[1, 0] * j[1, 0], q = j[0, 0] * j[0, 1] + j[1, 0] * j[1, 1]
            let r = j[0, 1] * j[0, 1] + j[1, 1] * j[1, 1]
            return (p + r) / 2 + (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()
        }
        /// Reads only the diagonal (the second derivatives along the axes), ignoring the mixed term.
        static func criticalPointKind(hessian h: Matrix) throws -> CriticalPointKind {
            if h[0, 0] > 0 && h[1, 1] > 0 { return .minimum }
            if h[0, 0] < 0 && h[1, 1] < 0 { return .maximum }
            return h[0, 0] == 0 || h[1, 1] == 0 ? .undecided : .saddle
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter02Checks.exercises(Mistakes.self))
    }
}
