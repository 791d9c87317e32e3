// 14.1 - 14.2: attention as a soft dictionary look-up; why divide by √d_k.
import DLMath
import DLPresentation
import Foundation

func lookupSection(_ chapter: inout Chapter) {
    chapter.section("Attention as a soft dictionary look-up")
    chapter.say(
        "A dictionary returns the value whose key equals the query. Attention returns every value, weighted by how well its key matches the query: a look-up that is differentiable in the query, the keys and the values."
    )
    chapter.formula(
        """
        Attention(Q, K, V) = softmax(Q Kᵀ / √d_k + M) V        Q: T_q x d_k, K: T_k x d_k, V: T_k x d_v
        row t: weights p_t = softmax(q_t · k_s / √d_k over the keys s), output o_t = Σ_s p_ts v_s
        """)
    chapter.say(
        "By hand, d_k = 2, one query q = (2, 0), keys k_1 = (1, 0), k_2 = (0, 1), values v_1 = 10, v_2 = 20. Scores q·k/√2 = (√2, 0); weights (σ(√2), 1 − σ(√2)) with σ the logistic function, since e^a/(e^a + e^0) = σ(a)."
    )
    let soft = ScaledDotProductAttention(queries: [[2, 0]], keys: [[1, 0], [0, 1]], values: [[10], [20]])
    let sigmaRoot2 = 1 / (1 + exp(-2.0.squareRoot()))
    chapter.check("weight of k_1 = σ(√2)", computed: soft.weights[0, 0], byHand: sigmaRoot2)
    chapter.check(
        "output = 10 σ(√2) + 20 (1 − σ(√2))", computed: soft.output[0, 0],
        byHand: 10 * sigmaRoot2 + 20 * (1 - sigmaRoot2))
    let hard = ScaledDotProductAttention(queries: [[60, 0]], keys: [[1, 0], [0, 1]], values: [[10], [20]])
    chapter.say(
        "Scale the query up and the look-up hardens: q = (60, 0) gives scores (42.4, 0), the weight of k_2 is 1/(1 + e^42.4) ≈ 4e-19 and the output is v_1 to every digit printed."
    )
    chapter.check("q = (60, 0): output = v_1 = 10", computed: hard.output[0, 0], byHand: 10, tolerance: .tight)
}

func scalingSection(_ chapter: inout Chapter, quick: Bool) {
    chapter.section("Why divide by √d_k")
    chapter.say(
        "Let q and k have independent entries of mean 0 and variance 1. Each product q_i k_i has mean 0 and variance E[q_i²] E[k_i²] = 1, and the d_k products are independent, so"
    )
    chapter.formula("Var(q · k) = Σ_i Var(q_i k_i) = d_k,     Var(q · k / √d_k) = 1")
    let samples = quick ? 2000 : 20000
    var generator = SeededGenerator(seed: 14)
    var table = TextTable(["d_k", "Var(q·k) measured", "d_k (derived)", "Var(q·k/√d_k)"])
    var ratios: [Double] = []
    for dk in [4, 16, 64, 256] {
        var products: [Double] = []
        products.reserveCapacity(samples)
        for _ in 0..<samples {
            var dot = 0.0
            for _ in 0..<dk { dot += generator.normal() * generator.normal() }
            products.append(dot)
        }
        let variance =
            products.map { $0 * $0 }.reduce(0, +) / Double(samples) - pow(products.reduce(0, +) / Double(samples), 2)
        ratios.append(variance / Double(dk))
        table.append([
            "\(dk)", formatFixed(variance, decimals: 2), "\(dk)", formatFixed(variance / Double(dk), decimals: 3)
        ])
    }
    chapter.say("Measured on \(samples) seeded pairs (seed 14) per d_k:")
    chapter.table(table)
    chapter.check(
        "measured Var(q·k)/d_k within 0.9…1.1 at every d_k", holds: ratios.allSatisfy { abs($0 - 1) < 0.1 },
        detail: ratios.map { formatFixed($0, decimals: 3) }.joined(separator: ", "))
    chapter.say(
        "Without the division the scores of d_k = 256 have standard deviation 16, and softmax of such logits is nearly one-hot. In chapter 5's terms, dividing by √d_k is softmax at temperature τ = √d_k; without it τ = 1 is 16 times too cold. Its Jacobian diag(p) − p pᵀ then nearly vanishes (a one-hot p makes it exactly 0), so almost no gradient reaches Q and K. Over 500 seeded rows of 16 keys, d_k = 256:"
    )
    var scaledMax = 0.0, rawMax = 0.0, scaledJacobian = 0.0, rawJacobian = 0.0
    let rows = 500
    for _ in 0..<rows {
        let q = generator.normalMatrix(rows: 1, columns: 256), k = generator.normalMatrix(rows: 16, columns: 256)
        let raw = q.timesTransposed(k)
        for (scores, isScaled) in [(raw * (1.0 / 16), true), (raw, false)] {
            let p = softmax(scores.row(0))
            let jacobian = softmaxJacobian(probabilities: p)
            let norm = (jacobian .* jacobian).sum.squareRoot()
            if isScaled {
                scaledMax += p.max()!; scaledJacobian += norm
            } else {
                rawMax += p.max()!; rawJacobian += norm
            }
        }
    }
    var saturation = TextTable(["scores", "mean largest weight", "mean ‖diag(p) − p pᵀ‖_F"])
    saturation.append([
        "q·k/√d_k", formatFixed(scaledMax / Double(rows), decimals: 3),
        formatFixed(scaledJacobian / Double(rows), decimals: 3)
    ])
    saturation.append([
        "q·k (not scaled)", formatFixed(rawMax / Double(rows), decimals: 3),
        formatFixed(rawJacobian / Double(rows), decimals: 3)
    ])
    chapter.table(saturation)
    chapter.check(
        "unscaled scores saturate: mean largest weight above 0.9, and the Jacobian is less than half the scaled one's",
        holds: rawMax / Double(rows) > 0.9 && rawJacobian < 0.5 * scaledJacobian,
        detail:
            "\(formatFixed(rawMax / Double(rows), decimals: 3)); \(formatFixed(rawJacobian / Double(rows), decimals: 3)) against \(formatFixed(scaledJacobian / Double(rows), decimals: 3))"
    )
}
