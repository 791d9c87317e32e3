import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 4 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 4 exercise checks")
struct Chapter04ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter04Exercises {
        /// Uses the natural log: nats, not bits (a fair coin gives ln 2 ≈ 0.693 instead of 1).
        static func entropyInBits(_ p: [Double]) throws -> Double {
            -p.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
        }
        /// Swaps the arguments: KL(q ‖ p) instead of KL(p ‖ q).
        static func klDivergence(_ p: [Double], _ q: [Double]) throws -> Double {
            var sum = 0.0
            for i in q.indices where q[i] > 0 {
                if p[i] == 0 { return .infinity }
                sum += q[i] * log(q[i] / p[i])
            }
            return sum
        }
        /// Forgets to divide by p(x) p(y): Σ p log₂ p = −H(X, Y), −1.5 bits on the worked table.
        static func mutualInformationInBits(_ joint: [[Double]]) throws -> Double {
            joint.joined().filter { $0 > 0 }.reduce(0) { $0 + $1 * log2($1) }
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter04Checks.exercises(Mistakes.self))
    }
}
