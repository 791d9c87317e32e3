// Chapter 10 exercises: optimizers.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 10.1
// `swift run exercises hint 10.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter10: Chapter10Exercises {
    /// 10.1 One step of momentum, PyTorch's form.
    ///
    ///     v ← μ v + g
    ///     w ← w − lr v
    ///
    /// Returns the new weight and the new velocity.
    public static func momentumStep(
        weight w: Double, velocity v: Double, gradient g: Double,
        learningRate: Double, momentum mu: Double
    ) throws -> (weight: Double, velocity: Double) {
        throw NotStarted()
    }

    /// 10.2 Step t (t = 1, 2, …) of Adam.
    ///
    ///     m ← β₁ m + (1 − β₁) g,      v ← β₂ v + (1 − β₂) g²
    ///     m̂ = m / (1 − β₁ᵗ),          v̂ = v / (1 − β₂ᵗ)
    ///     w ← w − lr m̂ / (√v̂ + ε)     (ε outside the square root, as PyTorch)
    ///
    /// Returns the new weight and the new raw moments m and v.
    public static func adamStep(
        weight w: Double, firstMoment m: Double, secondMoment v: Double, gradient g: Double, step t: Int,
        learningRate: Double, beta1: Double, beta2: Double,
        epsilon: Double
    ) throws -> (weight: Double, firstMoment: Double, secondMoment: Double) {
        throw NotStarted()
    }

    /// 10.3 Clipping by global norm.
    ///
    ///     ‖g‖ = √(Σᵢ Σⱼ gᵢⱼ²),   g ← g · min(1, c / ‖g‖)
    ///
    /// Every gradient keeps its length; all are scaled by the same factor.
    public static func clipByGlobalNorm(_ gradients: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
        throw NotStarted()
    }

    /// 10.4 The cosine schedule, held at the minimum after T steps.
    ///
    ///     lr(t) = lr_min + ½ (lr₀ − lr_min)(1 + cos(π · min(t, T) / T))
    public static func cosineRate(step t: Int, initial: Double, minimum: Double, totalSteps: Int) throws -> Double {
        throw NotStarted()
    }

    /// 10.5 One Newton step.
    ///
    ///     d = −H⁻¹ ∇f,   x_new = x + d
    ///
    /// H is 2x2 and invertible; solve H d = −g (the 2x2 inverse formula of exercise 1.4 works).
    /// Example: g = [2, 8], H = diag(2, 4) → d = [−1, −2].
    public static func newtonStep(gradient g: [Double], hessian h: Matrix) throws -> [Double] {
        throw NotStarted()
    }

    /// 10.6 Predict the learning rate at which heavy-ball momentum diverges on f(x) = ½ a x².
    ///
    ///     v ← μ v + a x,   x ← x − lr v;   diverges for lr > ?
    public static func momentumDivergenceRate(curvature a: Double, momentum mu: Double) throws -> Double {
        throw NotStarted()
    }
}
