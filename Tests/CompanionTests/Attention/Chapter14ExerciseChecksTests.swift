import DLMath
import ExerciseKit
import Foundation
import Testing

/// The chapter 14 checks catch the mistakes a reader is likely to make.
@Suite("Chapter 14 exercise checks")
struct Chapter14ExerciseChecksTests {
    /// Plausible wrong answers, one per exercise.
    enum Mistakes: Chapter14Exercises {
        /// Forgets the √d_k: softmax(q · k), σ(2) = 0.881 instead of σ(√2).
        static func attentionWeights(query q: [Double], keys: [[Double]]) throws -> [Double] {
            let scores = keys.map { key in zip(q, key).map(*).reduce(0, +) }
            let top = scores.max() ?? 0
            let e = scores.map { exp($0 - top) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
        /// Returns the standard deviation √(d v_q v_k): 8 instead of 64.
        static func scoreVariance(dimension d: Int, queryVariance vq: Double, keyVariance vk: Double, scaled: Bool)
            throws -> Double
        {
            let deviation = (Double(d) * vq * vk).squareRoot()
            return scaled ? deviation / Double(d).squareRoot() : deviation
        }
        /// The transpose: the future visible, the past hidden.
        static func causalMask(steps: Int) throws -> [[Double]] {
            (0..<steps).map { t in (0..<steps).map { s in s >= t ? 0 : -.infinity } }
        }
        /// Only the diagonal p_i (1 − p_i), as if each p_i depended on z_i alone.
        static func softmaxJacobian(probabilities p: [Double]) throws -> [[Double]] {
            p.indices.map { i in p.indices.map { j in i == j ? p[i] * (1 - p[i]) : 0 } }
        }
        /// Leaves out the path through σ²: s (g − mean g).
        static func layerNormBackward(input x: [Double], outputGradient g: [Double], epsilon: Double) throws -> [Double]
        {
            let n = Double(x.count)
            let mean = x.reduce(0, +) / n
            let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
            let s = 1 / (variance + epsilon).squareRoot()
            let meanGradient = g.reduce(0, +) / n
            return g.map { s * ($0 - meanGradient) }
        }
        /// Forgets the two LayerNorms: 4D² + 2DH + 2D + H.
        static func transformerBlockParameterCount(features d: Int, hidden h: Int) throws -> Int {
            4 * d * d + 2 * d * h + 2 * d + h
        }
        /// Uses f/D as the exponent for every feature, so the cosines get their own frequency.
        static func sinusoidalEncoding(position t: Int, features d: Int) throws -> [Double] {
            (0..<d).map { f in
                let angle = Double(t) / pow(10000, Double(f) / Double(d))
                return f % 2 == 0 ? sin(angle) : cos(angle)
            }
        }
    }

    @Test("every wrong answer fails its check with expected vs got")
    func mistakesFail() {
        expectEveryExerciseFails(Chapter14Checks.exercises(Mistakes.self))
    }
}
