// Chapter 14 exercises: attention and the transformer block.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 14.1
// `swift run exercises hint 14.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter14: Chapter14Exercises {
    /// 14.1 The weights of one query over the keys (d_k = q.count):
    ///
    ///     s_j = q · k_j / √d_k,   p = softmax(s)
    public static func attentionWeights(query q: [Double], keys: [[Double]]) throws -> [Double] {
        throw NotStarted()
    }

    /// 14.2 The variance of a score for independent zero-mean entries
    /// (variances v_q and v_k, d of each):
    ///
    ///     Var(q · k) = ?,   Var(q · k / √d) = ?
    public static func scoreVariance(dimension d: Int, queryVariance vq: Double, keyVariance vk: Double, scaled: Bool)
        throws -> Double
    {
        throw NotStarted()
    }

    /// 14.3 The additive causal mask, rows = queries t, columns = keys s:
    ///
    ///     M[t][s] = 0 for s ≤ t,   −∞ for s > t
    public static func causalMask(steps: Int) throws -> [[Double]] {
        throw NotStarted()
    }

    /// 14.4 The softmax Jacobian at p = softmax(z):
    ///
    ///     J[i][j] = ∂p_i/∂z_j = p_i (δ_ij − p_j)
    public static func softmaxJacobian(probabilities p: [Double]) throws -> [[Double]] {
        throw NotStarted()
    }

    /// 14.5 Layer normalisation backward for one token, γ = 1, β = 0:
    ///
    ///     μ = mean x, σ² = mean (x − μ)², s = 1/√(σ² + ε), x̂ = (x − μ) s
    ///     ∂L/∂x = s (g − mean(g) − x̂ mean(g ⊙ x̂))
    public static func layerNormBackward(input x: [Double], outputGradient g: [Double], epsilon: Double) throws
        -> [Double]
    {
        throw NotStarted()
    }

    /// 14.6 The parameters of a pre-norm block: two LayerNorms (γ, β each D),
    /// W_Q, W_K, W_V, W_O (D x D) and b_O (D), a feed-forward block
    /// Dense(D → H) and Dense(H → D), both with biases.
    public static func transformerBlockParameterCount(features d: Int, hidden h: Int) throws -> Int {
        throw NotStarted()
    }

    /// 14.7 The sinusoidal encoding of position t, D features:
    ///
    ///     PE(t, 2i) = sin(t / 10000^(2i/D)),   PE(t, 2i+1) = cos(t / 10000^(2i/D))
    public static func sinusoidalEncoding(position t: Int, features d: Int) throws -> [Double] {
        throw NotStarted()
    }
}
