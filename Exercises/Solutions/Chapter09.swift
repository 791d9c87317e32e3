// Reference solutions for chapter 9 (gradient descent). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter09: Chapter09Exercises {
    /// 9.1  x_k = (1 − lr a)^k x₀
    public static func gradientDescentIterate(curvature a: Double, learningRate: Double, start: Double, steps k: Int) throws -> Double {
        pow(1 - learningRate * a, Double(k)) * start
    }

    /// 9.2  2 / max aᵢ
    public static func stabilityBound(curvatures: [Double]) throws -> Double {
        2 / curvatures.max()!
    }

    /// 9.3  (2/n) Xᵀ (X w − y)
    public static func linearRegressionGradient(features x: Matrix, targets y: Matrix, weights w: Matrix) throws -> Matrix {
        (2 / Double(x.rows)) * (x.transposed * (x * w - y))
    }

    /// 9.4  B, …, B, n − (⌈n/B⌉ − 1) B
    public static func miniBatchSizes(exampleCount n: Int, batchSize b: Int) throws -> [Int] {
        stride(from: 0, to: n, by: b).map { min(b, n - $0) }
    }
}
