// Reference solutions of chapter 14 (attention).
import DLMath
import ExerciseKit
import Foundation

public enum Chapter14: Chapter14Exercises {
    public static func attentionWeights(query q: [Double], keys: [[Double]]) throws -> [Double] {
        let scale = 1 / Double(q.count).squareRoot()
        let scores = keys.map { key in zip(q, key).map(*).reduce(0, +) * scale }
        let top = scores.max() ?? 0
        let e = scores.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    public static func scoreVariance(dimension d: Int, queryVariance vq: Double, keyVariance vk: Double, scaled: Bool)
        throws -> Double
    {
        let variance = Double(d) * vq * vk
        return scaled ? variance / Double(d) : variance
    }

    public static func causalMask(steps: Int) throws -> [[Double]] {
        (0..<steps).map { t in (0..<steps).map { s in s <= t ? 0 : -.infinity } }
    }

    public static func softmaxJacobian(probabilities p: [Double]) throws -> [[Double]] {
        p.indices.map { i in p.indices.map { j in (i == j ? p[i] : 0) - p[i] * p[j] } }
    }

    public static func layerNormBackward(input x: [Double], outputGradient g: [Double], epsilon: Double) throws
        -> [Double]
    {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
        let s = 1 / (variance + epsilon).squareRoot()
        let xHat = x.map { ($0 - mean) * s }
        let meanGradient = g.reduce(0, +) / n
        let meanProduct = zip(g, xHat).map(*).reduce(0, +) / n
        return zip(g, xHat).map { s * ($0 - meanGradient - $1 * meanProduct) }
    }

    public static func transformerBlockParameterCount(features d: Int, hidden h: Int) throws -> Int {
        let norms = 2 * (2 * d)
        let attention = 4 * d * d + d
        let feedForward = (d * h + h) + (h * d + d)
        return norms + attention + feedForward
    }

    public static func sinusoidalEncoding(position t: Int, features d: Int) throws -> [Double] {
        (0..<d).map { f in
            let angle = Double(t) / pow(10000, Double(f - f % 2) / Double(d))
            return f % 2 == 0 ? sin(angle) : cos(angle)
        }
    }
}
