import DLMath
import ExerciseKit
import Testing

/// The chapter 1 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 1 exercise checks")
struct Chapter01ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter01Exercises {
        /// Forgets the last pair.
        static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
            zip(x.dropLast(), y.dropLast()).map { $0 * $1 }.reduce(0, +)
        }
        /// Forgets the square root (returns ‖x‖²).
        static func l2Norm(_ x: [Double]) throws -> Double { x.map { $0 * $0 }.reduce(0, +) }
        /// Multiplies by the columns instead of the rows (Aᵀ x), on square inputs; empty otherwise.
        static func matrixVectorProduct(_ a: Matrix, _ x: [Double]) throws -> [Double] {
            a.isSquare ? a.transposed * x : []
        }
        /// Forgets to divide by the determinant.
        static func inverse2x2(_ m: Matrix) throws -> Matrix { [[m[1, 1], -m[0, 1]], [-m[1, 0], m[0, 0]]] }
        /// Takes |diagonal| (the eigenvalues of a triangular A), sorted: right only for diagonal matrices.
        static func singularValues2x2(_ a: Matrix) throws -> [Double] {
            [abs(a[0, 0]), abs(a[1, 1])].sorted(by: >)
        }
        /// The entry-wise sum Σᵢⱼ |aᵢⱼ| instead of the largest column sum.
        static func inducedOneNorm(_ a: Matrix) throws -> Double { a.norm(.l1) }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter01Checks.exercises(Mistakes.self))
    }
}
