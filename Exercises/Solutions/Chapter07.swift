// Reference solutions for chapter 7 (forward propagation). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter07: Chapter07Exercises {
    /// 7.1  Y = X W + b
    public static func denseForward(_ x: Matrix, weights: Matrix, bias: Matrix) throws -> Matrix {
        x * weights + bias
    }

    /// 7.2  Σₗ (nₗ₋₁·nₗ + nₗ)
    public static func parameterCount(layerSizes: [Int]) throws -> Int {
        zip(layerSizes, layerSizes.dropFirst()).reduce(0) { total, pair in total + pair.0 * pair.1 + pair.1 }
    }

    /// 7.3  a = √(6 / (fan_in + fan_out))
    public static func xavierUniformLimit(fanIn: Int, fanOut: Int) throws -> Double {
        (6.0 / Double(fanIn + fanOut)).squareRoot()
    }

    /// 7.4  Each layer multiplies E[a²] by n v (the sum) and by ½ (the ReLU).
    public static func secondMomentAfterReLULayers(
        fanIn n: Int, weightVariance v: Double, inputSecondMoment q: Double, layers: Int
    ) throws -> Double {
        q * pow(Double(n) * v / 2, Double(layers))
    }

    /// 7.5  h₁ = relu(x₁ + x₂), h₂ = relu(x₁ + x₂ − 1), y = h₁ − 2 h₂.
    public static func xorNetwork() throws -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) {
        ([[1, 1], [1, 1]], [[0, -1]], [[1], [-2]], [[0]])
    }

    /// 7.6  Dense, ReLU, dense.
    public static func mlpForward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) throws -> Matrix {
        (x * w1 + b1).map { max($0, 0) } * w2 + b2
    }
}
