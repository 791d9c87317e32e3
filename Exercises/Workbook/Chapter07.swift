// Chapter 7 exercises: forward propagation.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 7.1
// `swift run exercises hint 7.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit

public enum Chapter07: Chapter07Exercises {
    /// 7.1 A dense layer's forward pass.
    ///
    ///     Y = X W + b        X: m x n,  W: n x k,  b: 1 x k (added to every row)
    public static func denseForward(_ x: Matrix, weights: Matrix, bias: Matrix) throws -> Matrix {
        throw NotStarted()
    }

    /// 7.2 The number of parameters of an MLP with layer widths [n₀, n₁, …, n_L].
    ///
    ///     Σₗ (nₗ₋₁·nₗ + nₗ)      (weights plus biases; a single width means no layer: 0)
    public static func parameterCount(layerSizes: [Int]) throws -> Int {
        throw NotStarted()
    }

    /// 7.3 The Xavier (Glorot) uniform limit.
    ///
    ///     a = √(6 / (fan_in + fan_out))      so that U(−a, a) has variance 2/(fan_in + fan_out)
    public static func xavierUniformLimit(fanIn: Int, fanOut: Int) throws -> Double {
        throw NotStarted()
    }
}
