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
        -> (weights: Matrix, bias: Matrix, input: Matrix) {
        throw NotStarted()
    }

    /// 8.3 The backward pass of ReLU, given z and g = ∂L/∂relu(z).
    ///
    ///     ∂L/∂z = g ⊙ 1[z > 0]      (ReLU′(0) = 0)
    public static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix {
        throw NotStarted()
    }
}
