// Reference solutions for chapter 7 (forward propagation). Try the workbook first.
import DLMath
import ExerciseKit

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
}
