// Chapter 1 exercises: linear algebra.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 1.1
// `swift run exercises hint 1.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit

public enum Chapter01: Chapter01Exercises {
    /// 1.1 The dot product.
    ///
    ///     x · y = Σᵢ xᵢ yᵢ
    ///
    /// `x` and `y` have the same length; the dot product of two empty vectors is 0.
    public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 1.2 The Euclidean (L2) norm, the length of x.
    ///
    ///     ‖x‖₂ = √(Σᵢ xᵢ²)
    ///
    /// Example: ‖[3, 4]‖₂ = √(9 + 16) = 5. The norm of the empty vector is 0.
    /// Write the loop yourself (`x.norm()` from DLMath would be cheating).
    public static func l2Norm(_ x: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 1.3 Matrix times vector.
    ///
    ///     (A x)ᵢ = Σⱼ aᵢⱼ xⱼ        (A is m x n, x has n entries, A x has m)
    ///
    /// Each entry is the dot product of one row of A with x. Read elements
    /// with `a[i, j]`; the sizes are `a.rows` and `a.columns`.
    /// Example: [[1, 2], [3, 4]] [1, −1] = [−1, −1].
    public static func matrixVectorProduct(_ a: Matrix, _ x: [Double]) throws -> [Double] {
        throw NotStarted()
    }

    /// 1.4 The inverse of a 2x2 matrix.
    ///
    ///     [[a, b], [c, d]]⁻¹ = (1 / (a d − b c)) [[d, −b], [−c, a]]
    ///
    /// You may assume a d − b c ≠ 0. Check: A A⁻¹ = I.
    /// Example: [[2, 1], [1, 1]]⁻¹ = [[1, −1], [−1, 2]] (det = 1).
    public static func inverse2x2(_ a: Matrix) throws -> Matrix {
        throw NotStarted()
    }

    /// 1.5 Singular values of a 2x2 matrix by hand.
    ///
    ///     σ₁ ≥ σ₂ ≥ 0,   σᵢ² = the eigenvalues of AᵀA
    ///
    /// AᵀA is symmetric 2x2, so its eigenvalues have a closed form (see the
    /// hint). Return [σ₁, σ₂], the larger first.
    /// Example: [[3, 0], [4, 5]] → [3√5, √5] ≈ [6.708, 2.236].
    public static func singularValues2x2(_ a: Matrix) throws -> [Double] {
        throw NotStarted()
    }

    /// 1.6 The induced 1-norm.
    ///
    ///     ‖A‖₁ = max_{x ≠ 0} ‖A x‖₁ / ‖x‖₁ = maxⱼ Σᵢ |aᵢⱼ|
    ///
    /// The largest column sum: not Σᵢⱼ |aᵢⱼ| (the entry-wise norm).
    /// Example: [[1, −2], [3, 4]] → 6.
    public static func inducedOneNorm(_ a: Matrix) throws -> Double {
        throw NotStarted()
    }
}
