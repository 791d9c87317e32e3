// Reference solutions for chapter 5 (activation functions). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter05: Chapter05Exercises {
    /// 5.1  σ(x) = 1/(1 + e⁻ˣ) for x ≥ 0, eˣ/(1 + eˣ) for x < 0: no exponent is ever positive.
    public static func sigmoid(_ x: Double) throws -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// 5.2  σ′(x) = σ(x)σ(−x): 1 − σ(x) would round to 0 once σ(x) rounds to 1.
    public static func sigmoidDerivative(_ x: Double) throws -> Double {
        try sigmoid(x) * sigmoid(-x)
    }

    /// 5.3  Subtract the maximum, exponentiate, normalise.
    public static func softmax(_ z: [Double]) throws -> [Double] {
        let m = z.max() ?? 0
        let exponentials = z.map { exp($0 - m) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// 5.4  z − m − log Σ e^(z − m).
    public static func logSoftmax(_ z: [Double]) throws -> [Double] {
        let m = z.max() ?? 0
        let logTotal = log(z.reduce(0) { $0 + exp($1 - m) })
        return z.map { $0 - m - logTotal }
    }
}
