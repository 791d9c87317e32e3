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

    /// 7.4 The second moment after L ReLU layers (derive it, then return the number).
    ///
    ///     E[a²] after L layers, from E[x²] = q, fan-in n, weight variance v
    public static func secondMomentAfterReLULayers(
        fanIn n: Int, weightVariance v: Double, inputSecondMoment q: Double, layers: Int
    ) throws -> Double {
        throw NotStarted()
    }

    /// 7.5 Weights of a 2-H-1 ReLU network that computes XOR.
    ///
    ///     relu(x W₁ + b₁) W₂ + b₂ = x₁ XOR x₂      for x ∈ {0, 1}²
    public static func xorNetwork() throws -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) {
        throw NotStarted()
    }

    /// 7.6 The forward pass of a two-layer MLP.
    ///
    ///     Y = relu(X W₁ + b₁) W₂ + b₂
    public static func mlpForward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) throws -> Matrix {
        throw NotStarted()
    }
}
