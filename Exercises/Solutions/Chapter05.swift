// Reference solutions for chapter 5 (activation functions). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter05: Chapter05Exercises {
    /// 5.1  log σ(x) = −softplus(−x) = min(x, 0) − log1p(e^(−|x|)): no exponent is ever positive.
    public static func logSigmoid(_ x: Double) throws -> Double {
        min(x, 0) - log1p(exp(-abs(x)))
    }

    /// 5.2  σ′(x) = σ(x)σ(−x) = e^(−|x|)/(1 + e^(−|x|))²: 1 − σ(x) would round to 0 once σ(x) rounds to 1.
    public static func sigmoidDerivative(_ x: Double) throws -> Double {
        let e = exp(-abs(x))
        return e / ((1 + e) * (1 + e))
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

    /// 5.5  d/dx[−log(1 + e⁻ˣ)] = e⁻ˣ/(1 + e⁻ˣ) = σ(−x) = 1/(1 + eˣ), accurate everywhere.
    public static func logSigmoidDerivative(_ x: Double) throws -> Double {
        1 / (1 + exp(x))
    }

    /// 5.6  The bug: Σ gᵢ where Σ sᵢ gᵢ belongs.
    public static func softmaxBackward(_ z: [Double], outputGradient g: [Double]) throws -> [Double] {
        let m = z.max() ?? 0
        let exponentials = z.map { exp($0 - m) }
        let total = exponentials.reduce(0, +)
        let s = exponentials.map { $0 / total }
        let average = zip(s, g).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(s, g).map { $0 * ($1 - average) }
    }
}
