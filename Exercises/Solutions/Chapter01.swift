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
}
