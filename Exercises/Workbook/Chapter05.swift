// Chapter 5 exercises: activation functions.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 5.1
// `swift run exercises hint 5.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter05: Chapter05Exercises {
    /// 5.1 The logistic sigmoid, stable at both ends.
    ///
    ///     σ(x) = 1 / (1 + e⁻ˣ)
    ///
    /// σ(1000) must be 1 and σ(−1000) must be 0 (not NaN): never compute e^1000.
    public static func sigmoid(_ x: Double) throws -> Double {
        throw NotStarted()
    }

    /// 5.2 The sigmoid's derivative.
    ///
    ///     σ′(x) = σ(x)(1 − σ(x))
    ///
    /// At x = 40 the true value is about 4.25e-18; an answer of 0 fails.
    public static func sigmoidDerivative(_ x: Double) throws -> Double {
        throw NotStarted()
    }

    /// 5.3 Softmax of a vector, stable for large logits.
    ///
    ///     softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m),   m = max z
    ///
    /// `z` is not empty.
    public static func softmax(_ z: [Double]) throws -> [Double] {
        throw NotStarted()
    }

    /// 5.4 Log-softmax of a vector.
    ///
    ///     log softmax(z)ᵢ = zᵢ − m − log Σⱼ e^(zⱼ − m),   m = max z
    ///
    /// `z` is not empty; the result is finite wherever z is.
    public static func logSoftmax(_ z: [Double]) throws -> [Double] {
        throw NotStarted()
    }
}
