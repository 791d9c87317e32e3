import DLMath
import Foundation

/// The exercises of chapter 14 (attention). The workbook and the solutions
/// each provide a type conforming to this protocol.
public protocol Chapter14Exercises {
    /// 14.1 The attention weights of one query over the keys: softmax(q · k_s / √d_k).
    static func attentionWeights(query q: [Double], keys: [[Double]]) throws -> [Double]
    /// 14.2 Var(q · k), or Var(q · k / √d) when `scaled`, for independent zero-mean entries of the given variances.
    static func scoreVariance(dimension d: Int, queryVariance vq: Double, keyVariance vk: Double, scaled: Bool) throws
        -> Double
    /// 14.3 The additive causal mask for T steps: 0 where key s ≤ query t, −∞ where s > t (rows are queries).
    static func causalMask(steps: Int) throws -> [[Double]]
    /// 14.4 The softmax Jacobian J = diag(p) − p pᵀ at the softmax output p.
    static func softmaxJacobian(probabilities p: [Double]) throws -> [[Double]]
    /// 14.5 ∂L/∂x of layer normalisation (γ = 1, β = 0) of one token x, given g = ∂L/∂y.
    static func layerNormBackward(input x: [Double], outputGradient g: [Double], epsilon: Double) throws -> [Double]
    /// 14.6 The number of parameters of this chapter's pre-norm transformer block (width D, feed-forward H).
    static func transformerBlockParameterCount(features d: Int, hidden h: Int) throws -> Int
    /// 14.7 The sinusoidal positional encoding PE(t) for D features.
    static func sinusoidalEncoding(position t: Int, features d: Int) throws -> [Double]
}

/// The checks and hints of chapter 14, run against any conforming answers.
public enum Chapter14Checks {
    static let file = "Exercises/Workbook/Chapter14.swift"

    public static func exercises<Answers: Chapter14Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "14.1", title: "Attention weights by hand",
                task: "Scores s_j = q · k_j / √d_k (d_k = the length of q), then the weights softmax(s).",
                file: file, function: "attentionWeights(query:keys:)",
                hints: [
                    "Divide every dot product by √d_k before the softmax; the weights are positive and sum to 1.",
                    "For each key, the score is the dot product with the query over √d_k (d_k is the query's length); subtract the largest score before exponentiating, then divide each exponential by their sum."
                ],
                check: {
                    // q = (2, 0), keys (1, 0), (0, 1): s = (2/√2, 0) = (√2, 0) → (σ(√2), 1 − σ(√2)) (without √2: σ(2) = 0.881).
                    try expect(
                        try Answers.attentionWeights(query: [2, 0], keys: [[1, 0], [0, 1]]),
                        equals: [0.8044296825069569, 0.1955703174930431], "weights for q = (2, 0)")
                    // q = (1, 1), keys (1, 1), (−1, −1), (1, −1): s = (√2, −√2, 0) → e^s / (e^√2 + e^−√2 + 1).
                    try expect(
                        try Answers.attentionWeights(query: [1, 1], keys: [[1, 1], [-1, -1], [1, -1]]),
                        equals: [0.7679179361387025, 0.04538836291379464, 0.18669370094750282], "weights for q = (1, 1)"
                    )
                }),
            Exercise(
                id: "14.2", title: "The variance of a score",
                task:
                    "q and k have d independent zero-mean entries, of variances v_q and v_k. Return Var(q · k), or Var(q · k / √d) when scaled.",
                file: file, function: "scoreVariance(dimension:queryVariance:keyVariance:scaled:)",
                hints: [
                    "Var(q_i k_i) = E[q_i²] E[k_i²] for independent zero-mean factors; the d terms are independent, so their variances add.",
                    "Dividing by √d divides the variance by d: d·v_q·v_k, or v_q·v_k scaled."
                ],
                check: {
                    // d = 64, unit variances: 64 unscaled (the standard deviation is 8), 1 scaled.
                    try expect(
                        try Answers.scoreVariance(dimension: 64, queryVariance: 1, keyVariance: 1, scaled: false),
                        equals: 64, "d = 64, unscaled")
                    try expect(
                        try Answers.scoreVariance(dimension: 64, queryVariance: 1, keyVariance: 1, scaled: true),
                        equals: 1, "d = 64, scaled")
                    // d = 16, v_q = 4, v_k = 0.5: 16·4·0.5 = 32 unscaled, 2 scaled.
                    try expect(
                        try Answers.scoreVariance(dimension: 16, queryVariance: 4, keyVariance: 0.5, scaled: false),
                        equals: 32, "d = 16, v_q = 4, v_k = ½")
                    try expect(
                        try Answers.scoreVariance(dimension: 16, queryVariance: 4, keyVariance: 0.5, scaled: true),
                        equals: 2, "d = 16, scaled")
                }),
            Exercise(
                id: "14.3", title: "A causal mask",
                task: "Row t (the query), column s (the key): 0 when s ≤ t, −∞ (-.infinity) when s > t, for T steps.",
                file: file, function: "causalMask(steps:)",
                hints: [
                    "A query may look at itself and the past, never the future: the −∞ entries sit above the diagonal.",
                    "Row t, column s of the mask is 0 when s ≤ t and minus infinity when s > t; a T x T mask has T(T − 1)/2 infinite entries."
                ],
                check: {
                    // T = 3: [[0, −∞, −∞], [0, 0, −∞], [0, 0, 0]].
                    let mask = try Answers.causalMask(steps: 3)
                    try expect(mask.count == 3, "3 rows expected, got \(mask.count)")
                    try expect(
                        mask.flatMap { $0 }, equals: [0, -.infinity, -.infinity, 0, 0, -.infinity, 0, 0, 0],
                        "the T = 3 mask, row by row")
                    try expect(try Answers.causalMask(steps: 1).flatMap { $0 }, equals: [0], "T = 1")
                }),
            Exercise(
                id: "14.4", title: "The softmax Jacobian",
                task: "J[i][j] = ∂p_i/∂z_j = p_i (δ_ij − p_j): J = diag(p) − p pᵀ.",
                file: file, function: "softmaxJacobian(probabilities:)",
                hints: [
                    "The off-diagonal entries are not 0: raising z_j takes probability from every other p_i.",
                    "Entry (i, j) is pᵢ(δᵢⱼ − pⱼ): pᵢ − pᵢ² on the diagonal, −pᵢpⱼ off it; every row sums to 0, which is a good test of your answer."
                ],
                check: {
                    // p = (1/4, 3/4): [[1/4 − 1/16, −3/16], [−3/16, 3/4 − 9/16]] = [[3/16, −3/16], [−3/16, 3/16]].
                    try expect(
                        try Answers.softmaxJacobian(probabilities: [0.25, 0.75]).flatMap { $0 },
                        equals: [0.1875, -0.1875, -0.1875, 0.1875], "J at p = (¼, ¾)")
                    // p = (0.5, 0.3, 0.2): diagonal p(1 − p) = (0.25, 0.21, 0.16); off-diagonal −p_i p_j = −0.15, −0.1, −0.06.
                    try expect(
                        try Answers.softmaxJacobian(probabilities: [0.5, 0.3, 0.2]).flatMap { $0 },
                        equals: [0.25, -0.15, -0.1, -0.15, 0.21, -0.06, -0.1, -0.06, 0.16], "J at p = (0.5, 0.3, 0.2)")
                }),
            Exercise(
                id: "14.5", title: "Layer normalisation backward",
                task:
                    "x̂ = (x − μ)·s, s = 1/√(σ² + ε), y = x̂ (γ = 1, β = 0). Return ∂L/∂x = s (g − mean(g) − x̂ mean(g ⊙ x̂)).",
                file: file, function: "layerNormBackward(input:outputGradient:epsilon:)",
                hints: [
                    "μ and σ² depend on every x_f: the two means are the gradient flowing through μ and through σ².",
                    "μ = mean x, σ² = mean (x − μ)² (divide by D, not D − 1), s = 1/√(σ² + ε), x̂ = (x − μ)s, then the formula."
                ],
                check: {
                    // x = (1, 2, 3), ε = 0: μ = 2, σ² = 2/3, s = √1.5, x̂ = (−√1.5, 0, √1.5). g = (1, 0, 0):
                    // mean g = 1/3, mean(g x̂) = −√1.5/3 → ∂L/∂x = √1.5 (1/6, −1/3, 1/6) (without the σ² path: √1.5 (2/3, −1/3, −1/3)).
                    try expect(
                        try Answers.layerNormBackward(input: [1, 2, 3], outputGradient: [1, 0, 0], epsilon: 0),
                        equals: [0.20412414523193148, -0.40824829046386296, 0.20412414523193148], "g = (1, 0, 0)")
                    // A gradient along (1, 1, 1) is a shift of the input, which layer norm removes: ∂L/∂x = 0.
                    try expect(
                        try Answers.layerNormBackward(input: [1, 2, 3], outputGradient: [1, 1, 1], epsilon: 0),
                        equals: [0, 0, 0], "g = (1, 1, 1)", tolerance: .numerical)
                }),
            Exercise(
                id: "14.6", title: "Parameters of a transformer block",
                task:
                    "Count: LayerNorm γ, β (twice); W_Q, W_K, W_V, W_O (D x D, no biases on Q, K, V) and b_O; the feed-forward block D → H → D with both biases.",
                file: file, function: "transformerBlockParameterCount(features:hidden:)",
                hints: [
                    "Attention 4D² + D, feed-forward (D·H + H) + (H·D + D), each LayerNorm 2D.",
                    "4D² + 2DH + 6D + H."
                ],
                check: {
                    // D = 8, H = 32: 256 + 8 + (256 + 32) + (256 + 8) + 32 = 848.
                    try expect(
                        try Answers.transformerBlockParameterCount(features: 8, hidden: 32), equals: 848,
                        "D = 8, H = 32")
                    // D = 512, H = 2048 (the 2017 base model's sizes): 1,048,576 + 2,097,152 + 3,072 + 2,048.
                    try expect(
                        try Answers.transformerBlockParameterCount(features: 512, hidden: 2048), equals: 3_150_848,
                        "D = 512, H = 2048")
                }),
            Exercise(
                id: "14.7", title: "Positional encoding values",
                task:
                    "PE(t, 2i) = sin(t / 10000^(2i/D)), PE(t, 2i + 1) = cos(t / 10000^(2i/D)): both features of a pair share one frequency.",
                file: file, function: "sinusoidalEncoding(position:features:)",
                hints: [
                    "Feature f belongs to the pair i = f / 2 (integer division); the exponent is 2i/D, the same for f = 2i and f = 2i + 1.",
                    "The angle of feature f is t / 10000^(2i/D) with i = ⌊f/2⌋; even features take its sine, odd features its cosine. At t = 0 the encoding is 0, 1, 0, 1, …"
                ],
                check: {
                    // D = 4, t = 1: frequencies 1 and 1/10000^(2/4) = 1/100 → (sin 1, cos 1, sin 0.01, cos 0.01).
                    try expect(
                        try Answers.sinusoidalEncoding(position: 1, features: 4),
                        equals: [0.8414709848078965, 0.5403023058681398, 0.009999833334166664, 0.9999500004166653],
                        "PE(1), D = 4")
                    // t = 2: (sin 2, cos 2, sin 0.02, cos 0.02); t = 0: (0, 1, 0, 1).
                    try expect(
                        try Answers.sinusoidalEncoding(position: 2, features: 4),
                        equals: [0.9092974268256817, -0.4161468365471424, 0.01999866669333308, 0.9998000066665778],
                        "PE(2), D = 4")
                    try expect(try Answers.sinusoidalEncoding(position: 0, features: 4), equals: [0, 1, 0, 1], "PE(0)")
                })
        ]
    }
}
