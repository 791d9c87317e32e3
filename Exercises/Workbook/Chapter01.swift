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
}
