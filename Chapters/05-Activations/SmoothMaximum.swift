// 5.11 Log-sum-exp as a smooth maximum, and the temperature of softmax.
import DLMath
import DLPresentation
import Foundation

func smoothMaximumAndTemperature(_ chapter: inout Chapter) {
    chapter.section("Log-sum-exp, the smooth maximum, and temperature")
    chapter.say(
        "log Σ e^zⱼ is a smooth version of max z: the largest term dominates the sum, the others add at most log n. Dividing the logits by a temperature T sharpens or flattens it: T · LSE(z/T) tends to max z as T → 0. Its gradient is softmax, so softmax is the smooth arg max: softmax(z/T) tends to the one-hot vector of the largest logit as T → 0 and to the uniform distribution as T → ∞. Sampling from a language model at temperature T (chapter 13) is exactly this."
    )
    chapter.formula(
        """
        max z ≤ LSE(z) = log Σⱼ e^zⱼ ≤ max z + log n        ∇ LSE(z) = softmax(z)
        max z ≤ T · LSE(z/T) ≤ max z + T log n              softmax(z/T) → one-hot(arg max z) as T → 0, uniform as T → ∞
        """)
    let z = [1.0, 2, 3]
    chapter.show("z", z)
    let lse = logSumExp(z)
    chapter.check(
        "LSE([1, 2, 3])", computed: lse, byHand: 3 + log(1 + exp(-1.0) + exp(-2.0)),
        derivation: "3 + log(1 + e^−1 + e^−2) = 3 + 0.4076", tolerance: .tight)
    chapter.check(
        "max z ≤ LSE(z) ≤ max z + log 3", holds: 3 <= lse && lse <= 3 + log(3.0),
        detail: "3 ≤ \(formatFixed(lse, decimals: 4)) ≤ \(formatFixed(3 + log(3.0), decimals: 4))")
    let temperatureLSE = 0.1 * logSumExp(z.map { $0 / 0.1 })
    chapter.check(
        "T · LSE(z/T) at T = 0.1", computed: temperatureLSE, byHand: 3 + 0.1 * log(1 + exp(-10.0) + exp(-20.0)),
        derivation: "3 + 0.1 log(1 + e^−10 + e^−20) = 3 + 4.5e-6", tolerance: .tight)
    let total = exp(1.0) + exp(2.0) + exp(3.0)
    chapter.check(
        "∇ LSE([1, 2, 3]) (central differences) = softmax", computed: numericalGradient(of: logSumExp, at: z),
        byHand: [exp(1.0) / total, exp(2.0) / total, exp(3.0) / total], derivation: "e^zᵢ/(e + e² + e³)",
        tolerance: .numerical)
    var table = TextTable(
        ["T", "softmax(z/T)", "largest p", "entropy (nats)"], alignments: [.right, .left, .right, .right])
    var entropies: [Double] = []
    for t in [0.1, 0.5, 1, 2, 10, 100] {
        let p = softmax(z.map { $0 / t })
        let h = -p.map { $0 > 0 ? $0 * log($0) : 0 }.reduce(0, +)
        entropies.append(h)
        table.append([
            formatCompact(t), arrayText(p, significantDigits: 4), formatFixed(p.max() ?? .nan, decimals: 4),
            formatFixed(h, decimals: 4)
        ])
    }
    chapter.table(table)
    chapter.check(
        "softmax(z/0.1), the top probability", computed: softmax(z.map { $0 / 0.1 })[2],
        byHand: 1 / (1 + exp(-10.0) + exp(-20.0)),
        derivation: "1/(1 + e^−10 + e^−20) = 0.99995", tolerance: .tight)
    chapter.check(
        "softmax(z/100) is nearly uniform", computed: softmax(z.map { $0 / 100 }),
        byHand: [exp(-0.02), exp(-0.01), 1].map { $0 / (exp(-0.02) + exp(-0.01) + 1) },
        derivation: "[e^−0.02, e^−0.01, 1]/(e^−0.02 + e^−0.01 + 1)", tolerance: .tight)
    chapter.check(
        "the entropy rises with T, towards log 3 = 1.0986",
        holds: zip(entropies, entropies.dropFirst()).allSatisfy { $0 < $1 } && entropies.last! < log(3.0),
        detail: arrayText(entropies, significantDigits: 4))
}
