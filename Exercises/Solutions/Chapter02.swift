// Reference solutions for chapter 2 (derivatives). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter02: Chapter02Exercises {
    /// 2.1  (f(x + h) − f(x − h)) / (2h)
    public static func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) throws -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /// 2.2  ∇ₓ(xᵀAx) = (A + Aᵀ) x
    public static func quadraticFormGradient(_ a: Matrix, at x: [Double]) throws -> [Double] {
        (a + a.transposed) * x
    }

    /// 2.3  ∂L/∂W = xᵀ (G ⊙ (1 − tanh²(x W + b)))
    public static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws -> Matrix {
        let y = (x * w + b).map(tanh)
        let delta = g .* (1 - y .* y)
        return x.transposed * delta
    }

    /// 2.4  (f ∘ g)'(x) = f'(g(x)) · g'(x)
    public static func chainRule(outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
                                 innerDerivative gPrime: (Double) -> Double, at x: Double) throws -> Double {
        fPrime(g(x)) * gPrime(x)
    }
}
