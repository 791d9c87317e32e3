// Chapter 8 exercises: backpropagation.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 8.1
// `swift run exercises hint 8.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit

public enum Chapter08: Chapter08Exercises {
    /// 8.1 The gradient of f = (a·b + c)·d, by the chain rule.
    ///
    ///     returns [∂f/∂a, ∂f/∂b, ∂f/∂c, ∂f/∂d]
    public static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double] {
        throw NotStarted()
    }

    /// 8.2 The backward pass of a dense layer Y = X W + b, given g = ∂L/∂Y (m x k).
    ///
    ///     ∂L/∂W = Xᵀ g  (n x k),   ∂L/∂b = Σᵢ gᵢ  (1 x k),   ∂L/∂X = g Wᵀ  (m x n)
    public static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
        -> (weights: Matrix, bias: Matrix, input: Matrix)
    {
        throw NotStarted()
    }

    /// 8.3 The backward pass of ReLU, given z and g = ∂L/∂relu(z).
    ///
    ///     ∂L/∂z = g ⊙ 1[z > 0]      (ReLU′(0) = 0)
    public static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix {
        throw NotStarted()
    }

    /// 8.4 The whole backward pass of a two-layer MLP, given G = ∂L/∂Y.
    ///
    ///     Z₁ = X W₁ + b₁,  H = relu(Z₁),  Y = H W₂ + b₂
    ///     returns (∂L/∂W₁, ∂L/∂b₁, ∂L/∂W₂, ∂L/∂b₂), each the shape of its parameter
    public static func mlpBackward(
        _ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix, outputGradient g: Matrix
    ) throws
        -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix)
    {
        throw NotStarted()
    }

    /// 8.5 Debugging: the backward pass of tanh, with a planted bug.
    ///
    ///     Y = tanh(Z),   ∂L/∂Z = G ⊙ (1 − tanh²(Z))
    ///
    /// This code runs but gives wrong gradients. Find the bug (check it against
    /// central differences), fix it, then delete the first line.
    public static func tanhBackward(_ z: Matrix, outputGradient g: Matrix) throws -> Matrix {
        try bugStillPlanted()  // delete this line once you have found and fixed the bug
        return g .* (1 - z .* z)
    }

    /// 8.6 The relative error between an analytic gradient and central differences.
    ///
    ///     nᵢ = (f(x + h eᵢ) − f(x − h eᵢ)) / 2h,  h = 1e-5;   returns maxᵢ |aᵢ − nᵢ| / (|aᵢ| + |nᵢ|)
    public static func gradientCheckError(_ f: ([Double]) -> Double, gradient: [Double], at x: [Double]) throws
        -> Double
    {
        throw NotStarted()
    }
}
