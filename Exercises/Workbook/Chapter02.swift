// Chapter 2 exercises: derivatives.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 2.1
// `swift run exercises hint 2.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter02: Chapter02Exercises {
    /// 2.1 The central difference.
    ///
    ///     f'(x) ≈ (f(x + h) − f(x − h)) / (2h)
    ///
    /// Its error is about (h²/6)|f'''(x)|, so it is exact for parabolas.
    /// Use the step `h` you are given. Example: f = x², x = 3, h = 0.5 gives 6.
    public static func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) throws -> Double {
        throw NotStarted()
    }

    /// 2.2 The gradient of a quadratic form.
    ///
    ///     ∇ₓ (xᵀ A x) = (A + Aᵀ) x
    ///
    /// A is square and need not be symmetric (for symmetric A this is 2 A x).
    /// Example: A = [[1, 2], [0, 3]], x = [1, −1] gives [0, −4].
    public static func quadraticFormGradient(_ a: Matrix, at x: [Double]) throws -> [Double] {
        throw NotStarted()
    }

    /// 2.3 The weight gradient of a layer y = tanh(x W + b).
    ///
    ///     z = x W + b,   y = tanh(z),   G = ∂L/∂y (given)
    ///     ∂L/∂W = xᵀ (G ⊙ tanh'(z)) = xᵀ (G ⊙ (1 − y²))
    ///
    /// x is k x n (k examples), W is n x m, b is 1 x m (added to every row),
    /// G is k x m; the answer has the shape of W. `⊙` is the element-wise
    /// product (`.*` on Matrix).
    public static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws
        -> Matrix
    {
        throw NotStarted()
    }

    /// 2.4 The chain rule.
    ///
    ///     (f ∘ g)'(x) = f'(g(x)) · g'(x)
    ///
    /// You get f' (`fPrime`), g and g' (`gPrime`) as functions.
    /// Example: f = sin, g = x² at x = 1 gives cos(1) · 2.
    public static func chainRule(
        outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
        innerDerivative gPrime: (Double) -> Double, at x: Double
    ) throws -> Double {
        throw NotStarted()
    }

    /// 2.5 The spectral norm of a 2x2 Jacobian.
    ///
    ///     ‖J‖₂ = max_{d ≠ 0} ‖J d‖₂ / ‖d‖₂ = √λ_max(JᵀJ)
    ///
    /// JᵀJ is symmetric 2x2: its larger eigenvalue has a closed form.
    /// Example: [[3, 0], [4, 5]] → 3√5 ≈ 6.708.
    public static func jacobianSpectralNorm(_ j: Matrix) throws -> Double {
        throw NotStarted()
    }

    /// 2.6 Minimum, maximum or saddle, from the Hessian at a critical point.
    ///
    ///     λ₁, λ₂ > 0 → .minimum    λ₁, λ₂ < 0 → .maximum    mixed signs → .saddle    a zero → .undecided
    ///
    /// H is symmetric 2x2; det H = λ₁λ₂ and tr H = λ₁ + λ₂ give the signs.
    /// Example: [[0, 1], [1, 0]] (f = x y at 0) → .saddle.
    public static func criticalPointKind(hessian h: Matrix) throws -> CriticalPointKind {
        throw NotStarted()
    }
}
