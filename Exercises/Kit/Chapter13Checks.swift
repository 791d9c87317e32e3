import DLMath
import Foundation

/// The exercises of chapter 13 (recurrent networks). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter13Exercises {
    /// 13.1 One RNN step in the row-vector layout: h′ = tanh(x W_x + h W_h + b).
    static func rnnStep(
        input x: [Double], hidden h: [Double], inputWeights wx: [[Double]],
        recurrentWeights wh: [[Double]], bias b: [Double]
    ) throws -> [Double]
    /// 13.2 BPTT over two steps of a scalar RNN (h_0 = 0, b = 0, L = h_2): returns (∂L/∂w_x, ∂L/∂w_h).
    static func twoStepGradients(
        inputWeight wx: Double, recurrentWeight wh: Double,
        inputs x: [Double]
    ) throws -> (inputWeight: Double, recurrentWeight: Double)
    /// 13.3 ∂h_T/∂h_0 of a scalar RNN: Π_t w_h (1 − h_t²) over the states h_1 … h_T.
    static func jacobianProduct(recurrentWeight wh: Double, states h: [Double]) throws -> Double
    /// 13.4 A gradient matrix clipped to Frobenius norm at most c.
    static func clipByNorm(_ gradient: [[Double]], maximumNorm c: Double) throws -> [[Double]]
    /// 13.5 ∂c_t/∂a_f of an LSTM, f = σ(a_f), c_t = f c_{t−1} + i g.
    static func forgetGateDerivative(preactivation a: Double, previousCell c: Double) throws -> Double
    /// 13.6 The perplexity of a model that gave the true next characters the probabilities p.
    static func perplexity(probabilities p: [Double]) throws -> Double
    /// 13.7 The sampling probabilities softmax(z/τ), stable for large logits.
    static func temperatureProbabilities(logits z: [Double], temperature tau: Double) throws -> [Double]
}

/// The checks and hints of chapter 13, run against any conforming answers.
public enum Chapter13Checks {
    static let file = "Exercises/Workbook/Chapter13.swift"

    public static func exercises<Answers: Chapter13Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "13.1", title: "One RNN step",
                task: "h′_j = tanh(Σ_f x_f W_x[f][j] + Σ_k h_k W_h[k][j] + b_j): row vectors times matrices, as Dense.",
                file: file, function: "rnnStep(input:hidden:inputWeights:recurrentWeights:bias:)",
                hints: [
                    "Row-vector layout: W_h[k][j] connects old unit k to new unit j, so sum over the rows k.",
                    "For each new unit j: start from the bias bⱼ, add the input's contribution and the old state's, then apply tanh."
                ],
                check: {
                    // x = (1), h = (0.5, −1), W_x = [[1, 2]], W_h = [[2, 0], [1, 1]], b = (−1, 0):
                    // a_0 = 1 + 0.5·2 − 1·1 − 1 = 0,  a_1 = 2 + 0.5·0 − 1·1 + 0 = 1  →  h′ = (0, tanh 1).
                    let h = try Answers.rnnStep(
                        input: [1], hidden: [0.5, -1], inputWeights: [[1, 2]],
                        recurrentWeights: [[2, 0], [1, 1]], bias: [-1, 0])
                    try expect(h, equals: [0, 0.7615941559557649], "h′ (x W_x + h W_h + b, then tanh)")
                }),
            Exercise(
                id: "13.2", title: "BPTT over two steps by hand",
                task:
                    "h_1 = tanh(w_x x_1), h_2 = tanh(w_x x_2 + w_h h_1), L = h_2. Return ∂L/∂w_x and ∂L/∂w_h, every path included.",
                file: file, function: "twoStepGradients(inputWeight:recurrentWeight:inputs:)",
                hints: [
                    "δa_2 = 1 − h_2²; the gradient reaches step 1 through h_1: δa_1 = δa_2 · w_h · (1 − h_1²).",
                    "∂L/∂w_x = x_1 δa_1 + x_2 δa_2 (both uses of w_x); ∂L/∂w_h = h_0 δa_1 + h_1 δa_2 with h_0 = 0."
                ],
                check: {
                    // w_x = 0.5, w_h = −1, x = (1, 2): h_1 = tanh 0.5, h_2 = tanh(1 − h_1);
                    // δa_2 = 1 − h_2², δa_1 = −δa_2 (1 − h_1²): ∂L/∂w_x = 0.92053045…, ∂L/∂w_h = h_1 δa_2 = 0.35053530…
                    let g = try Answers.twoStepGradients(inputWeight: 0.5, recurrentWeight: -1, inputs: [1, 2])
                    try expect(g.inputWeight, equals: 0.9205304534381441, "∂L/∂w_x (two paths)")
                    try expect(g.recurrentWeight, equals: 0.3505353068589004, "∂L/∂w_h")
                }),
            Exercise(
                id: "13.3", title: "The Jacobian product",
                task: "∂h_T/∂h_0 = Π_{t=1…T} w_h (1 − h_t²) for a scalar RNN whose states were h_1 … h_T.",
                file: file, function: "jacobianProduct(recurrentWeight:states:)",
                hints: [
                    "Each step contributes its own factor: the weight times tanh′ at that step.",
                    "Start from 1 and multiply in one factor w_h (1 − h_t²) per step; the factors use the states after each step."
                ],
                check: {
                    // w_h = 2, states (0, 0.5, 0.5): 2·1 · 2·0.75 · 2·0.75 = 4.5 (|w_h|^T = 8 is only the bound).
                    try expect(
                        try Answers.jacobianProduct(recurrentWeight: 2, states: [0, 0.5, 0.5]), equals: 4.5,
                        "Π w_h (1 − h_t²)")
                    // w_h = −0.5 over 4 steps at h = 0: (−0.5)^4 = 0.0625.
                    try expect(
                        try Answers.jacobianProduct(recurrentWeight: -0.5, states: [0, 0, 0, 0]), equals: 0.0625,
                        "vanishing at h = 0")
                }),
            Exercise(
                id: "13.4", title: "Clipping an exploding gradient",
                task:
                    "If ‖G‖_F = √(Σ G_ij²) exceeds c, return G · c/‖G‖_F; otherwise G unchanged. The direction must not change.",
                file: file, function: "clipByNorm(_:maximumNorm:)",
                hints: [
                    "By norm, not by value: every entry is scaled by the same factor.",
                    "One norm over every entry of G; if it exceeds c, multiply every entry by the same factor c/‖G‖."
                ],
                check: {
                    // ‖[[30, 0], [0, −40]]‖ = 50 > 5: scale by 1/10 → [[3, 0], [0, −4]] (clipping by value would give 5, −5).
                    let clipped = try Answers.clipByNorm([[30, 0], [0, -40]], maximumNorm: 5)
                    try expect(clipped.flatMap { $0 }, equals: [3, 0, 0, -4], "clipped to norm 5")
                    try expect(
                        try Answers.clipByNorm([[0.3, -0.4]], maximumNorm: 5).flatMap { $0 }, equals: [0.3, -0.4],
                        "under the limit: unchanged")
                }),
            Exercise(
                id: "13.5", title: "An LSTM gate's derivative",
                task: "c_t = f c_{t−1} + i g with f = σ(a_f). Return ∂c_t/∂a_f.",
                file: file, function: "forgetGateDerivative(preactivation:previousCell:)",
                hints: [
                    "Chain rule: ∂c_t/∂f = c₍t−1₎, and σ′(a) = σ(a)(1 − σ(a)).",
                    "Multiply three things: the old cell state, the gate's value f = σ(a), and 1 − f."
                ],
                check: {
                    // a = 0: f = ½, σ′ = ¼, c = 2 → 0.5.  a = ln 3: f = ¾, σ′ = 3/16, c = 2 → 0.375.
                    try expect(
                        try Answers.forgetGateDerivative(preactivation: 0, previousCell: 2), equals: 0.5,
                        "a_f = 0, c = 2")
                    try expect(
                        try Answers.forgetGateDerivative(preactivation: log(3), previousCell: 2), equals: 0.375,
                        "a_f = ln 3, c = 2")
                }),
            Exercise(
                id: "13.6", title: "Perplexity from a cross-entropy",
                task: "H = −(1/N) Σ ln p_i (nats per character); perplexity = exp(H).",
                file: file, function: "perplexity(probabilities:)",
                hints: [
                    "The exponential of the mean negative log-probability: a geometric mean of 1/p, not an arithmetic one.",
                    "Perplexity is e to the mean of −ln pᵢ: average the negative logarithms, then exponentiate once."
                ],
                check: {
                    // p = (½, ¼, ⅛): H = (ln 2 + 2 ln 2 + 3 ln 2)/3 = 2 ln 2, perplexity 4 (the mean of 1/p would be 14/3).
                    try expect(
                        try Answers.perplexity(probabilities: [0.5, 0.25, 0.125]), equals: 4, "perplexity of (½, ¼, ⅛)")
                    // A uniform guess among 23 characters: perplexity 23.
                    try expect(
                        try Answers.perplexity(probabilities: [1.0 / 23, 1.0 / 23]), equals: 23, "uniform over 23")
                }),
            Exercise(
                id: "13.7", title: "Sampling with a temperature",
                task: "p_i = exp(z_i/τ) / Σ_j exp(z_j/τ), computed stably (subtract the largest z/τ first).",
                file: file, function: "temperatureProbabilities(logits:temperature:)",
                hints: [
                    "Divide by τ: τ < 1 sharpens, τ > 1 flattens. The log-odds (z_i − z_j)/τ scale by 1/τ.",
                    "Divide every logit by τ first, then take the stable softmax of the result (subtract its maximum before exponentiating)."
                ],
                check: {
                    // z = (0, ln 2): τ = ½ squares the odds 2 : 1 to 4 : 1 → (1/5, 4/5).
                    try expect(
                        try Answers.temperatureProbabilities(logits: [0, log(2)], temperature: 0.5), equals: [0.2, 0.8],
                        "τ = ½")
                    // Large logits need the stable form: (1000, 1000 + ln 2) at τ = 1 is (1/3, 2/3).
                    try expect(
                        try Answers.temperatureProbabilities(logits: [1000, 1000 + log(2)], temperature: 1),
                        equals: [1.0 / 3, 2.0 / 3], "logits near 1000")
                })
        ]
    }
}
