// Chapter 9 exercises: gradient descent.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 9.1
// `swift run exercises hint 9.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter09: Chapter09Exercises {
    /// 9.1 Gradient descent on f(x) = a x²/2.
    ///
    ///     x ← x − lr · a x,   so   x_k = (1 − lr a)^k x₀
    ///
    /// `steps` k >= 0; k = 0 returns the start.
    public static func gradientDescentIterate(curvature a: Double, learningRate: Double, start: Double, steps k: Int)
        throws -> Double
    {
        throw NotStarted()
    }

    /// 9.2 The stability bound of gradient descent on f = ½ Σ aᵢ xᵢ² (all aᵢ > 0).
    ///
    ///     converges iff 0 < lr < 2 / max aᵢ
    public static func stabilityBound(curvatures: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 9.3 The gradient of L(w) = (1/n) ‖Xw − y‖².
    ///
    ///     ∇L(w) = (2/n) Xᵀ (X w − y)
    ///
    /// X is n x d, y is n x 1, w is d x 1; the result is d x 1.
    public static func linearRegressionGradient(features x: Matrix, targets y: Matrix, weights w: Matrix) throws
        -> Matrix
    {
        throw NotStarted()
    }

    /// 9.4 The batch sizes of one epoch of n examples in batches of B.
    ///
    ///     ⌈n/B⌉ batches: B, B, …, and a last one of n − (⌈n/B⌉ − 1) B, kept even when smaller
    public static func miniBatchSizes(exampleCount n: Int, batchSize b: Int) throws -> [Int] {
        throw NotStarted()
    }

    /// 9.5 Predict the learning rate at which gradient descent diverges.
    ///
    ///     L(w) = (1/n) ‖X w − y‖²,   diverges for lr > ?      (X: n x 2)
    public static func divergenceLearningRate(features x: Matrix) throws -> Double {
        throw NotStarted()
    }

    /// 9.6 Train a linear regression by gradient descent (a loop of your own).
    ///
    ///     minimise (1/n) ‖X w − y‖² from w = 0;  X: n x d, y: n x 1, returns w: d x 1
    public static func trainLinearRegression(features x: Matrix, targets y: Matrix) throws -> Matrix {
        throw NotStarted()
    }
}
