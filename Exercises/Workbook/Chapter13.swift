// Chapter 13 exercises: recurrent networks.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 13.1
// `swift run exercises hint 13.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter13: Chapter13Exercises {
    /// 13.1 One RNN step, row-vector layout (as `Dense`):
    ///
    ///     h′_j = tanh( Σ_f x_f W_x[f][j] + Σ_k h_k W_h[k][j] + b_j )
    ///
    /// `wx` is F x H, `wh` is H x H (row k = old unit k), `b` has H entries.
    public static func rnnStep(
        input x: [Double], hidden h: [Double], inputWeights wx: [[Double]],
        recurrentWeights wh: [[Double]], bias b: [Double]
    ) throws -> [Double] {
        throw NotStarted()
    }

    /// 13.2 A scalar RNN over two steps, h_0 = 0, b = 0:
    ///
    ///     h_1 = tanh(w_x x_1),   h_2 = tanh(w_x x_2 + w_h h_1),   L = h_2
    ///
    /// Returns ∂L/∂w_x and ∂L/∂w_h (backpropagation through time).
    public static func twoStepGradients(
        inputWeight wx: Double, recurrentWeight wh: Double,
        inputs x: [Double]
    ) throws -> (inputWeight: Double, recurrentWeight: Double) {
        throw NotStarted()
    }

    /// 13.3 The Jacobian product of a scalar RNN over its states h_1 … h_T:
    ///
    ///     ∂h_T/∂h_0 = Π_t w_h (1 − h_t²)
    public static func jacobianProduct(recurrentWeight wh: Double, states h: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 13.4 Clipping by norm:
    ///
    ///     G ← G · min(1, c / ‖G‖_F),   ‖G‖_F = √(Σ G_ij²)
    public static func clipByNorm(_ gradient: [[Double]], maximumNorm c: Double) throws -> [[Double]] {
        throw NotStarted()
    }

    /// 13.5 The derivative of the LSTM cell state with respect to the forget
    /// gate's pre-activation:
    ///
    ///     c_t = f c_{t−1} + i g,  f = σ(a_f)   →   ∂c_t/∂a_f = ?
    public static func forgetGateDerivative(preactivation a: Double, previousCell c: Double) throws -> Double {
        throw NotStarted()
    }

    /// 13.6 Perplexity from the probabilities p_i the model gave the true next characters:
    ///
    ///     H = −(1/N) Σ ln p_i,   perplexity = exp(H)
    public static func perplexity(probabilities p: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 13.7 Sampling probabilities at temperature τ, in the stable form:
    ///
    ///     p_i = exp(z_i/τ − m) / Σ_j exp(z_j/τ − m),   m = max_j z_j/τ
    public static func temperatureProbabilities(logits z: [Double], temperature tau: Double) throws -> [Double] {
        throw NotStarted()
    }
}
