// Reference solutions of chapter 13 (recurrent networks).
import DLMath
import ExerciseKit
import Foundation

public enum Chapter13: Chapter13Exercises {
    public static func rnnStep(
        input x: [Double], hidden h: [Double], inputWeights wx: [[Double]],
        recurrentWeights wh: [[Double]], bias b: [Double]
    ) throws -> [Double] {
        (0..<b.count).map { j in
            var a = b[j]
            for f in 0..<x.count { a += x[f] * wx[f][j] }
            for k in 0..<h.count { a += h[k] * wh[k][j] }
            return tanh(a)
        }
    }

    public static func twoStepGradients(
        inputWeight wx: Double, recurrentWeight wh: Double,
        inputs x: [Double]
    ) throws -> (inputWeight: Double, recurrentWeight: Double) {
        let h1 = tanh(wx * x[0]), h2 = tanh(wx * x[1] + wh * h1)
        let da2 = 1 - h2 * h2
        let da1 = da2 * wh * (1 - h1 * h1)
        return (x[0] * da1 + x[1] * da2, 0 * da1 + h1 * da2)
    }

    public static func jacobianProduct(recurrentWeight wh: Double, states h: [Double]) throws -> Double {
        h.reduce(1) { $0 * wh * (1 - $1 * $1) }
    }

    public static func clipByNorm(_ gradient: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
        let norm = gradient.flatMap { $0 }.map { $0 * $0 }.reduce(0, +).squareRoot()
        guard norm > c else { return gradient }
        return gradient.map { row in row.map { $0 * c / norm } }
    }

    public static func forgetGateDerivative(preactivation a: Double, previousCell c: Double) throws -> Double {
        let f = 1 / (1 + exp(-a))
        return c * f * (1 - f)
    }

    public static func perplexity(probabilities p: [Double]) throws -> Double {
        exp(-p.map(log).reduce(0, +) / Double(p.count))
    }

    public static func temperatureProbabilities(logits z: [Double], temperature tau: Double) throws -> [Double] {
        let scaled = z.map { $0 / tau }
        let top = scaled.max() ?? 0
        let e = scaled.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}
