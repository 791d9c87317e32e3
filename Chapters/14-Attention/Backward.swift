// 14.3: the softmax Jacobian, the backward pass of attention, the gradient checks.
import DLMath
import DLPresentation
import Foundation

/// The largest relative error of `layer`'s gradient check on m = 2 sequences of `steps` steps of `features` features.
func worstGradientError(_ layer: some Layer, steps: Int, features: Int, seed: UInt64) -> Double {
    var generator = SeededGenerator(seed: seed)
    let input = generator.normalMatrix(rows: 2, columns: steps * features)
    var probe = layer
    let target = generator.normalMatrix(rows: 2, columns: probe.forward(input).columns)
    let results = layerGradientChecks(
        layer, input: input,
        loss: { output in
            let d = output - target
            return 0.5 * (d .* d).sum
        }, lossGradient: { $0 - target }, tolerance: 1e-7)
    return results.map(\.maximumError).max() ?? 0
}

/// The worst error of ∂L/∂Q, ∂L/∂K, ∂L/∂V of one masked attention (T_q = 3, T_k = 4, d_k = 2, d_v = 5).
func scaledDotProductError(seed: UInt64) -> Double {
    var generator = SeededGenerator(seed: seed)
    let q = generator.normalMatrix(rows: 3, columns: 2), k = generator.normalMatrix(rows: 4, columns: 2)
    let v = generator.normalMatrix(rows: 4, columns: 5), target = generator.normalMatrix(rows: 3, columns: 5)
    let mask = Matrix([[0, 0, -.infinity, -.infinity], [0, 0, 0, -.infinity], [0, 0, 0, 0]])
    func loss(_ q: Matrix, _ k: Matrix, _ v: Matrix) -> Double {
        let d = ScaledDotProductAttention(queries: q, keys: k, values: v, mask: mask).output - target
        return 0.5 * (d .* d).sum
    }
    let forward = ScaledDotProductAttention(queries: q, keys: k, values: v, mask: mask)
    let g = forward.backward(forward.output - target, queries: q, keys: k, values: v)
    return [
        gradientCheck(g.queries, of: { loss($0, k, v) }, at: q, tolerance: 1e-7),
        gradientCheck(g.keys, of: { loss(q, $0, v) }, at: k, tolerance: 1e-7),
        gradientCheck(g.values, of: { loss(q, k, $0) }, at: v, tolerance: 1e-7)
    ].map(\.maximumError).max()!
}

/// Prints the Jacobian by hand and the table of gradient checks; returns the worst error per layer.
func backwardSection(_ chapter: inout Chapter) -> [(layer: String, error: Double)] {
    chapter.section("The softmax Jacobian and the backward pass of attention")
    chapter.say("Each row of P = softmax(S) is a softmax of its own row of scores, so its Jacobian is chapter 5's:")
    chapter.formula("∂p_i/∂s_j = p_i (δ_ij − p_j),     J = diag(p) − p pᵀ   (symmetric, each row sums to 0)")
    chapter.say(
        "By hand, s = (0, ln 3): p = (1/4, 3/4), J = [[1/4 − 1/16, −3/16], [−3/16, 3/4 − 9/16]] = [[3/16, −3/16], [−3/16, 3/16]]."
    )
    let jacobian = softmaxJacobian(probabilities: softmax([0, log(3)]))
    chapter.check(
        "J by hand", computed: jacobian, byHand: [[3.0 / 16, -3.0 / 16], [-3.0 / 16, 3.0 / 16]], tolerance: .tight)
    chapter.say(
        "The backward pass never forms J: for G = ∂L/∂O it runs the forward pass's three steps in reverse (ScaledDotProductAttention.swift, written beside the forward pass):"
    )
    chapter.formula(
        """
        ∂L/∂V = Pᵀ G,    ∂L/∂P = G Vᵀ
        ∂L/∂S = P ⊙ (∂L/∂P − rowsum(P ⊙ ∂L/∂P))        (row t: J_t ∂L/∂p_t)
        ∂L/∂Q = ∂L/∂S K / √d_k,    ∂L/∂K = (∂L/∂S)ᵀ Q / √d_k
        """)
    chapter.say(
        "Every layer of this chapter against central differences (relative error |analytic − numerical| / max(1, |analytic|, |numerical|), worst entry over the input and every parameter; m = 2 sequences, non-square shapes, smooth activations so that no kink sits within a step):"
    )
    var generator = SeededGenerator(seed: 1401)
    let d = 6
    let layers: [(String, any Layer, Int, Int)] = [
        ("MultiHeadAttention (3 heads, T = 5)", MultiHeadAttention(features: d, heads: 3, generator: &generator), 5, d),
        (
            "MultiHeadAttention, causal",
            MultiHeadAttention(features: d, heads: 2, mask: .causal, generator: &generator), 5, d
        ),
        (
            "LayerNorm (D = 5)",
            LayerNorm(
                scale: 1 + generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3),
                shift: generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3)), 3, 5
        ),
        (
            "Residual(Dense, tanh)",
            Residual([Dense(inputs: d, outputs: d, generator: &generator), ActivationLayer(.tanh)]), 1, d
        ),
        (
            "feed-forward (6 → 10 → 6, GELU)",
            PositionWise.feedForward(features: d, hidden: 10, activation: .geluTanh, generator: &generator), 4, d
        ),
        ("SinusoidalPositionalEncoding", SinusoidalPositionalEncoding(features: d), 4, d),
        (
            "LearnedPositionalEncoding (4 of 7)",
            LearnedPositionalEncoding(maxSteps: 7, features: d, generator: &generator), 4, d
        ),
        (
            "TransformerBlock (causal, GELU)",
            TransformerBlock(
                firstNorm: LayerNorm(features: d),
                attention: MultiHeadAttention(features: d, heads: 2, mask: .causal, generator: &generator),
                secondNorm: LayerNorm(features: d),
                feedForward: PositionWise.feedForward(
                    features: d, hidden: 10, activation: .geluTanh, generator: &generator)), 4, d
        )
    ]
    var worst: [(layer: String, error: Double)] = [
        ("attention softmax(QKᵀ/√d_k + M) V, masked", scaledDotProductError(seed: 1409))
    ]
    var table = TextTable(["layer", "worst relative error"])
    table.append([worst[0].layer, formatScientific(worst[0].error, significantDigits: 2)])
    for (index, (name, layer, steps, features)) in layers.enumerated() {
        let error = worstGradientError(layer, steps: steps, features: features, seed: 1410 + UInt64(index))
        worst.append((name, error))
        table.append([name, formatScientific(error, significantDigits: 2)])
    }
    chapter.table(table)
    chapter.check(
        "every gradient check below 1e-7", holds: worst.allSatisfy { $0.error < 1e-7 },
        detail: "worst \(formatScientific(worst.map(\.error).max() ?? 0, significantDigits: 2))")
    return worst
}
