// Reference solutions for chapter 8 (backpropagation). Try the workbook first.
import DLMath
import ExerciseKit

public enum Chapter08: Chapter08Exercises {
    /// 8.1  e = a·b, s = e + c, f = s·d:  ∂f/∂a = d·b, ∂f/∂b = d·a, ∂f/∂c = d, ∂f/∂d = s
    public static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double] {
        [d * b, d * a, d, a * b + c]
    }

    /// 8.2  (Xᵀ g, Σᵢ gᵢ, g Wᵀ)
    public static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
        -> (weights: Matrix, bias: Matrix, input: Matrix) {
        (x.transposed * outputGradient, outputGradient.sum(along: .rows), outputGradient * weights.transposed)
    }

    /// 8.3  g ⊙ 1[z > 0]
    public static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix {
        outputGradient .* z.map { $0 > 0 ? 1 : 0 }
    }
}
