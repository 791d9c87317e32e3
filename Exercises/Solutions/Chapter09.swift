// Reference solutions for chapter 9 (gradient descent). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter09: Chapter09Exercises {
    /// 9.1  x_k = (1 − lr a)^k x₀
    public static func gradientDescentIterate(curvature a: Double, learningRate: Double, start: Double, steps k: Int)
        throws -> Double
    {
        pow(1 - learningRate * a, Double(k)) * start
    }

    /// 9.2  2 / max aᵢ
    public static func stabilityBound(curvatures: [Double]) throws -> Double {
        2 / curvatures.max()!
    }

    /// 9.3  (2/n) Xᵀ (X w − y)
    public static func linearRegressionGradient(features x: Matrix, targets y: Matrix, weights w: Matrix) throws
        -> Matrix
    {
        (2 / Double(x.rows)) * (x.transposed * (x * w - y))
    }

    /// 9.4  B, …, B, n − (⌈n/B⌉ − 1) B
    public static func miniBatchSizes(exampleCount n: Int, batchSize b: Int) throws -> [Int] {
        stride(from: 0, to: n, by: b).map { min(b, n - $0) }
    }

    /// 9.5  2/λ_max of the Hessian (2/n) XᵀX = n/λ_max(XᵀX), with the 2 x 2 eigenvalue formula.
    public static func divergenceLearningRate(features x: Matrix) throws -> Double {
        let s = x.transposed * x
        let p = s[0, 0], q = s[0, 1], r = s[1, 1]
        let largest = (p + r) / 2 + (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()
        return Double(x.rows) / largest
    }

    /// 9.6  500 steps of full-batch gradient descent at lr = 0.25.
    public static func trainLinearRegression(features x: Matrix, targets y: Matrix) throws -> Matrix {
        var w = Matrix(rows: x.columns, columns: 1)
        for _ in 0..<500 {
            w = w - 0.25 * (2 / Double(x.rows)) * (x.transposed * (x * w - y))
        }
        return w
    }
}
