// Reference solutions for chapter 1 (linear algebra). Try the workbook first.
import DLMath
import ExerciseKit

public enum Chapter01: Chapter01Exercises {
    /// 1.1  x · y = Σᵢ xᵢ yᵢ
    public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        var sum = 0.0
        for i in x.indices { sum += x[i] * y[i] }
        return sum
    }

    /// 1.2  ‖x‖₂ = √(Σᵢ xᵢ²)
    public static func l2Norm(_ x: [Double]) throws -> Double {
        var sum = 0.0
        for value in x { sum += value * value }
        return sum.squareRoot()
    }

    /// 1.3  (A x)ᵢ = Σⱼ aᵢⱼ xⱼ
    public static func matrixVectorProduct(_ a: Matrix, _ x: [Double]) throws -> [Double] {
        (0..<a.rows).map { i in
            var sum = 0.0
            for j in 0..<a.columns { sum += a[i, j] * x[j] }
            return sum
        }
    }

    /// 1.4  [[a, b], [c, d]]⁻¹ = (1 / (ad − bc)) [[d, −b], [−c, a]]
    public static func inverse2x2(_ m: Matrix) throws -> Matrix {
        let (a, b, c, d) = (m[0, 0], m[0, 1], m[1, 0], m[1, 1])
        let determinant = a * d - b * c
        return Matrix([[d, -b], [-c, a]]) / determinant
    }

    /// 1.5  σᵢ = √λᵢ(AᵀA), for AᵀA = [[p, q], [q, r]]: λ = (p + r)/2 ± √(((p − r)/2)² + q²)
    public static func singularValues2x2(_ m: Matrix) throws -> [Double] {
        let (a, b, c, d) = (m[0, 0], m[0, 1], m[1, 0], m[1, 1])
        let p = a * a + c * c, q = a * b + c * d, r = b * b + d * d
        let mean = (p + r) / 2, radius = (((p - r) / 2) * ((p - r) / 2) + q * q).squareRoot()
        return [max(0, mean + radius).squareRoot(), max(0, mean - radius).squareRoot()]
    }

    /// 1.6  ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|
    public static func inducedOneNorm(_ a: Matrix) throws -> Double {
        (0..<a.columns).map { j in (0..<a.rows).map { abs(a[$0, j]) }.reduce(0, +) }.max() ?? 0
    }
}
