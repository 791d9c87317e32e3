// Reference solutions for chapter 8 (backpropagation). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter08: Chapter08Exercises {
    /// 8.1  e = a·b, s = e + c, f = s·d:  ∂f/∂a = d·b, ∂f/∂b = d·a, ∂f/∂c = d, ∂f/∂d = s
    public static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double] {
        [d * b, d * a, d, a * b + c]
    }

    /// 8.2  (Xᵀ g, Σᵢ gᵢ, g Wᵀ)
    public static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
        -> (weights: Matrix, bias: Matrix, input: Matrix)
    {
        (x.transposed * outputGradient, outputGradient.sum(along: .rows), outputGradient * weights.transposed)
    }

    /// 8.3  g ⊙ 1[z > 0]
    public static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix {
        outputGradient .* z.map { $0 > 0 ? 1 : 0 }
    }

    /// 8.4  Forward, keeping Z₁ and H; then dense backward, ReLU mask, dense backward.
    public static func mlpBackward(
        _ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix, outputGradient g: Matrix
    ) throws
        -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix)
    {
        let z1 = x * w1 + b1
        let h = z1.map { max($0, 0) }
        let hiddenGradient = (g * w2.transposed) .* z1.map { $0 > 0 ? 1 : 0 }
        return (x.transposed * hiddenGradient, hiddenGradient.sum(along: .rows), h.transposed * g, g.sum(along: .rows))
    }

    /// 8.5  The bug: 1 − Z² where 1 − tanh²(Z) belongs.
    public static func tanhBackward(_ z: Matrix, outputGradient g: Matrix) throws -> Matrix {
        let y = z.map(tanh)
        return g .* (1 - y .* y)
    }

    /// 8.6  Central differences, coordinate by coordinate, and the largest relative difference.
    public static func gradientCheckError(_ f: ([Double]) -> Double, gradient: [Double], at x: [Double]) throws
        -> Double
    {
        let h = 1e-5
        var worst = 0.0
        for i in x.indices {
            var up = x, down = x
            up[i] += h
            down[i] -= h
            let numeric = (f(up) - f(down)) / (2 * h)
            let scale = abs(gradient[i]) + abs(numeric)
            if scale > 0 { worst = max(worst, abs(gradient[i] - numeric) / scale) }
        }
        return worst
    }
}
