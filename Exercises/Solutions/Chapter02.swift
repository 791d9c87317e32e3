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
    public static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws
        -> Matrix
    {
        let y = (x * w + b).map(tanh)
        let delta = g .* (1 - y .* y)
        return x.transposed * delta
    }

    /// 2.4  (f ∘ g)'(x) = f'(g(x)) · g'(x)
    public static func chainRule(
        outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
        innerDerivative gPrime: (Double) -> Double, at x: Double
    ) throws -> Double {
        fPrime(g(x)) * gPrime(x)
    }

    /// 2.5  ‖J‖₂ = √λ_max(JᵀJ), JᵀJ = [[p, q], [q, r]]: λ_max = (p + r)/2 + √(((p − r)/2)² + q²)
    public static func jacobianSpectralNorm(_ j: Matrix) throws -> Double {
        let p = j[0, 0] * j[0, 0] + j[1, 0] * j[1, 0]
        let q = j[0, 0] * j[0, 1] + j[1, 0] * j[1, 1]
        let r = j[0, 1] * j[0, 1] + j[1, 1] * j[1, 1]
        return ((p + r) / 2 + (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()).squareRoot()
    }

    /// 2.6  det H = λ₁λ₂ < 0: saddle; = 0: undecided; > 0: tr H > 0 minimum, < 0 maximum
    public static func criticalPointKind(hessian h: Matrix) throws -> CriticalPointKind {
        let determinant = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]
        if determinant < 0 { return .saddle }
        if determinant == 0 { return .undecided }
        return h[0, 0] + h[1, 1] > 0 ? .minimum : .maximum
    }
}
