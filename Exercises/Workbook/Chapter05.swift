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
    /// 5.1 The logarithm of the sigmoid, stable at both ends.
    ///
    ///     log σ(x) = −log(1 + e⁻ˣ) = −softplus(−x)
    ///
    /// log σ(−1000) must be −1000 (not −∞), and log σ(40) ≈ −4.25e-18 (not 0):
    /// log(1 / (1 + exp(-x))) fails at both.
    public static func logSigmoid(_ x: Double) throws -> Double {
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

    /// 5.5 The derivative of log σ(x), derived by hand.
    ///
    ///     d/dx log σ(x) = ?       (accurate at x = 40, where it is about 4.25e-18)
    public static func logSigmoidDerivative(_ x: Double) throws -> Double {
        throw NotStarted()
    }

    /// 5.6 Debugging: the backward pass of softmax, with a planted bug.
    ///
    ///     s = softmax(z),   ∂L/∂zⱼ = sⱼ (gⱼ − Σᵢ sᵢ gᵢ)
    ///
    /// This code runs but gives wrong gradients. Find the bug (check it against
    /// central differences), fix it, then delete the first line.
    public static func softmaxBackward(_ z: [Double], outputGradient g: [Double]) throws -> [Double] {
        try bugStillPlanted()  // delete this line once you have found and fixed the bug
        let m = z.max() ?? 0
        let exponentials = z.map { exp($0 - m) }
        let total = exponentials.reduce(0, +)
        let s = exponentials.map { $0 / total }
        let average = g.reduce(0, +)
        return zip(s, g).map { $0 * ($1 - average) }
    }
}
