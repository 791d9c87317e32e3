// 14.4: the causal mask; permutation equivariance and what positions add.
import DLMath
import DLPresentation
import Foundation

func maskingSection(_ chapter: inout Chapter) {
    chapter.section("Causal masking")
    chapter.say(
        "A model that predicts step t + 1 from steps 0…t must not read the future. The causal mask adds −∞ to every score of a key after the query, e^−∞ = 0, and the row's remaining weights still sum to 1:"
    )
    chapter.formula("M_ts = 0 for s ≤ t,  −∞ for s > t        P = softmax(Q Kᵀ/√d_k + M) is lower triangular")
    var generator = SeededGenerator(seed: 1402)
    let steps = 4, d = 4
    let x = generator.normalMatrix(rows: 1, columns: steps * d)
    var layer = MultiHeadAttention(features: d, heads: 1, mask: .causal, generator: &generator)
    let y = layer.forward(x)
    let weights = layer.lastWeights[0][0]
    chapter.show("P (one head, T = 4, seeded)", weights)
    let upper = (0..<steps).flatMap { t in ((t + 1)..<steps).map { weights[t, $0] } }
    chapter.check(
        "every weight above the diagonal is exactly 0", holds: upper.allSatisfy { $0 == 0 },
        detail: "\(upper.count) entries")
    chapter.check("row 0 puts weight 1 on key 0", computed: weights[0, 0], byHand: 1, tolerance: .tight)
    var changed = x
    for f in 0..<d { changed[0, 3 * d + f] += 1 }
    var other = layer
    let yChanged = other.forward(changed)
    chapter.check(
        "changing the last step leaves the outputs of steps 0…2 unchanged",
        holds: (0..<(3 * d)).allSatisfy { y[0, $0] == yChanged[0, $0] },
        detail: "bit for bit")
    chapter.say(
        "A padding mask is the same device for batches of unequal lengths: AttentionMask(validLengths:) masks the keys from each example's length on, for every query."
    )

    chapter.section("Order: permutation equivariance and positional encoding")
    chapter.say(
        "Self-attention compares every step with every step, and nothing in Q Kᵀ says which step came first. Permute the input steps (a permutation matrix Π on the T x D matrix of one example) and the output is permuted the same way:"
    )
    chapter.formula("f(Π X) = Π f(X)     since (Π Q)(Π K)ᵀ = Π Q Kᵀ Πᵀ, softmax acts row-wise, and Π Πᵀ = I")
    let permutation = [3, 0, 4, 1, 2]
    let t5 = permutation.count
    let permute = { (m: Matrix) in Matrix(rows: 1, columns: t5 * d) { _, j in m[0, permutation[j / d] * d + j % d] } }
    let input = generator.normalMatrix(rows: 1, columns: t5 * d)
    var block = TransformerBlock(features: d, heads: 2, hidden: 8, generator: &generator)
    let plainGap = (permute(block.forward(input)) - block.forward(permute(input))).elements.map(abs).max()!
    var encoded = Sequential([SinusoidalPositionalEncoding(features: d), block])
    let encodedGap = (permute(encoded.forward(input)) - encoded.forward(permute(input))).elements.map(abs).max()!
    var table = TextTable(["model", "max |f(ΠX) − Π f(X)|"])
    table.append(["transformer block alone", formatScientific(plainGap, significantDigits: 2)])
    table.append(["sinusoidal encoding, then the block", formatScientific(encodedGap, significantDigits: 2)])
    chapter.say("Measured for one seeded sequence of T = 5 steps, D = 4, Π = (3 0 4 1 2):")
    chapter.table(table)
    chapter.check(
        "without positions the block is equivariant (to rounding)", holds: plainGap < 1e-12,
        detail: formatScientific(plainGap, significantDigits: 2))
    chapter.check(
        "with the encoding it is not", holds: encodedGap > 0.01,
        detail: formatScientific(encodedGap, significantDigits: 2))
    chapter.say(
        "The encoding adds a different vector at each step, so the same digit at two steps gives two different tokens. Sinusoidal: each pair of features rotates at its own frequency, so PE(t + k) is a fixed rotation of PE(t); learned: a free vector per position (this chapter's transformer uses one)."
    )
    chapter.formula("PE(t, 2i) = sin(t / 10000^(2i/D)),   PE(t, 2i+1) = cos(t / 10000^(2i/D))")
    let table4 = SinusoidalPositionalEncoding.table(steps: 3, features: 4)
    chapter.check(
        "PE(1) for D = 4 = (sin 1, cos 1, sin 0.01, cos 0.01)", computed: table4.row(1),
        byHand: [0.8414709848078965, 0.5403023058681398, 0.009999833334166664, 0.9999500004166653])
}
