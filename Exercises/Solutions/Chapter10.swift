// Reference solutions for chapter 10 (optimizers). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter10: Chapter10Exercises {
    /// 10.1  v ← μ v + g;  w ← w − lr v
    public static func momentumStep(
        weight w: Double, velocity v: Double, gradient g: Double,
        learningRate: Double, momentum mu: Double
    ) throws -> (weight: Double, velocity: Double) {
        let newVelocity = mu * v + g
        return (w - learningRate * newVelocity, newVelocity)
    }

    /// 10.2  Adam with bias correction, ε outside the root
    public static func adamStep(
        weight w: Double, firstMoment m: Double, secondMoment v: Double, gradient g: Double, step t: Int,
        learningRate: Double, beta1: Double, beta2: Double,
        epsilon: Double
    ) throws -> (weight: Double, firstMoment: Double, secondMoment: Double) {
        let newM = beta1 * m + (1 - beta1) * g
        let newV = beta2 * v + (1 - beta2) * g * g
        let mHat = newM / (1 - pow(beta1, Double(t)))
        let vHat = newV / (1 - pow(beta2, Double(t)))
        return (w - learningRate * mHat / (vHat.squareRoot() + epsilon), newM, newV)
    }

    /// 10.3  g · min(1, c / ‖g‖)
    public static func clipByGlobalNorm(_ gradients: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
        let norm = gradients.flatMap { $0 }.map { $0 * $0 }.reduce(0, +).squareRoot()
        guard norm > c else { return gradients }
        return gradients.map { $0.map { $0 * c / norm } }
    }

    /// 10.4  lr_min + ½ (lr₀ − lr_min)(1 + cos(π min(t, T) / T))
    public static func cosineRate(step t: Int, initial: Double, minimum: Double, totalSteps: Int) throws -> Double {
        let progress = Double(min(t, totalSteps)) / Double(totalSteps)
        return minimum + 0.5 * (initial - minimum) * (1 + cos(Double.pi * progress))
    }

    /// 10.5  d = −H⁻¹ g,  H⁻¹ = (1/(ae − bc)) [[e, −b], [−c, a]]
    public static func newtonStep(gradient g: [Double], hessian h: Matrix) throws -> [Double] {
        let (a, b, c, e) = (h[0, 0], h[0, 1], h[1, 0], h[1, 1])
        let determinant = a * e - b * c
        return [-(e * g[0] - b * g[1]) / determinant, -(-c * g[0] + a * g[1]) / determinant]
    }

    /// 10.6  The root z = −1 of z² − (1 + μ − lr a) z + μ: lr = 2(1 + μ)/a.
    public static func momentumDivergenceRate(curvature a: Double, momentum mu: Double) throws -> Double {
        2 * (1 + mu) / a
    }
}
