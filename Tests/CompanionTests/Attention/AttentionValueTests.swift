import DLMath
import Foundation
import Testing

@Suite("Attention values")
struct AttentionValueTests {
    @Test("2x2 attention by hand")
    func byHand() {
        // Q = [[1, 0], [0, 1]], K = [[1, 0], [0, 1]] (d_k = 2), V = [[1, 2], [3, 4]].
        // S = Q Kᵀ / √2 = [[1/√2, 0], [0, 1/√2]].
        // Row 0: p = (e^(1/√2), 1) / (e^(1/√2) + 1) = (σ(1/√2), 1 − σ(1/√2)), σ(0.70710678) = 0.66976155.
        // O₀ = 0.66976155·(1, 2) + 0.33023845·(3, 4) = (1.66047690, 2.66047690); row 1 mirrored: p = (0.33023845, 0.66976155),
        // O₁ = 0.33023845·(1, 2) + 0.66976155·(3, 4) = (2.33952310, 3.33952310).
        let a = ScaledDotProductAttention(queries: [[1, 0], [0, 1]], keys: [[1, 0], [0, 1]], values: [[1, 2], [3, 4]])
        let p = 1 / (1 + exp(-1 / 2.0.squareRoot()))
        expectClose(p, 0.66976155, absolute: 1e-8)
        expectClose(a.weights.elements, [p, 1 - p, 1 - p, p], absolute: 1e-15)
        expectClose(
            a.output.elements, [p * 1 + (1 - p) * 3, p * 2 + (1 - p) * 4, (1 - p) * 1 + p * 3, (1 - p) * 2 + p * 4],
            absolute: 1e-14)
        expectClose(a.output.elements, [1.66047690, 2.66047690, 2.33952310, 3.33952310], absolute: 1e-8)
    }

    @Test("a query equal to no key weighs the values equally; a dominant key takes nearly all the weight")
    func lookup() {
        // q = (0, 0): every score is 0, so p = (1/2, 1/2) and O = the mean of the values.
        let even = ScaledDotProductAttention(queries: [[0, 0]], keys: [[1, 0], [0, 1]], values: [[1, 2], [3, 4]])
        #expect(even.output == Matrix([[2, 3]]))
        // q = (40, 0): scores (40/√2, 0) ≈ (28.28, 0): weight of key 1 is 1/(1 + e^28.28) ≈ 5.2e-13.
        let sharp = ScaledDotProductAttention(queries: [[40, 0]], keys: [[1, 0], [0, 1]], values: [[1, 2], [3, 4]])
        expectClose(sharp.weights[0, 1], 1 / (1 + exp(40 / 2.0.squareRoot())), absolute: 1e-20)
        #expect(sharp.weights[0, 1] < 1e-12)
    }

    @Test("a masked position gets exactly zero weight; the rest still sum to 1")
    func maskSemantics() {
        var generator = SeededGenerator(seed: 1)
        let x = generator.normalMatrix(rows: 2, columns: 4 * 6)
        var causal = MultiHeadAttention(features: 6, heads: 2, mask: .causal, generator: &generator)
        _ = causal.forward(x)
        for example in causal.lastWeights {
            for head in example {
                for t in 0..<4 {
                    for s in 0..<4 where s > t { #expect(head[t, s] == 0) }
                    expectClose(head.row(t).reduce(0, +), 1, absolute: 1e-15)
                }
            }
        }
        var padded = causal
        padded.mask = AttentionMask(validLengths: [2, 4])
        _ = padded.forward(x)
        for head in padded.lastWeights[0] {
            for t in 0..<4 { #expect(head[t, 2] == 0 && head[t, 3] == 0) }
        }
        #expect(padded.lastWeights[1].allSatisfy { $0.elements.allSatisfy { $0 > 0 } })
        // Causal: step 0's output depends on step 0 only, so changing step 3 leaves it unchanged.
        var changed = x
        for f in 0..<6 { changed[0, 3 * 6 + f] += 1 }
        var other = causal
        let before = causal.forward(x), after = other.forward(changed)
        for j in 0..<(3 * 6) { #expect(before[0, j] == after[0, j]) }
        #expect(before[0, 3 * 6] != after[0, 3 * 6])
    }

    @Test("without a positional encoding, self-attention is permutation-equivariant; with one it is not")
    func equivariance() {
        var generator = SeededGenerator(seed: 2)
        let (steps, d) = (5, 4)
        let x = generator.normalMatrix(rows: 1, columns: steps * d)
        let permutation = [3, 0, 4, 1, 2]
        let permute = { (m: Matrix) in
            Matrix(rows: 1, columns: steps * d) { _, j in m[0, permutation[j / d] * d + j % d] }
        }
        var block = TransformerBlock(features: d, heads: 2, hidden: 8, generator: &generator)
        let y = block.forward(x), yPermuted = block.forward(permute(x))
        for j in 0..<(steps * d) { expectClose(yPermuted[0, j], permute(y)[0, j], absolute: 1e-12) }
        var encoded = Sequential([SinusoidalPositionalEncoding(features: d), block])
        let z = encoded.forward(x), zPermuted = encoded.forward(permute(x))
        #expect((0..<(steps * d)).map { abs(zPermuted[0, $0] - permute(z)[0, $0]) }.max()! > 0.01)
    }

    @Test("layer norm: each token has mean β and variance γ²·σ²/(σ² + ε); the examples are not mixed")
    func layerNormValues() {
        // x = (1, 2, 3): μ = 2, σ² = 2/3, x̂ = (−1, 0, 1)/√(2/3 + ε).
        var layer = LayerNorm(features: 3)
        let y = layer.forward([[1, 2, 3, 10, 10, 13]])
        let s = 1 / (2.0 / 3 + 1e-5).squareRoot()
        expectClose([y[0, 0], y[0, 1], y[0, 2]], [-s, 0, s], absolute: 1e-15)
        // (10, 10, 13): μ = 11, σ² = (1 + 1 + 4)/3 = 2, x̂ = (−1, −1, 2)/√(2 + ε).
        let s2 = 1 / (2 + 1e-5).squareRoot()
        expectClose([y[0, 3], y[0, 4], y[0, 5]], [-s2, -s2, 2 * s2], absolute: 1e-14)
    }

    @Test("sinusoidal values: PE(0) = (0, 1, 0, 1), PE(1, 0) = sin 1, PE(1, 2) = sin(1/100) for D = 4")
    func sinusoidalValues() {
        let table = SinusoidalPositionalEncoding.table(steps: 3, features: 4)
        #expect(table.row(0) == [0, 1, 0, 1])
        // D = 4: frequencies 1/10000^(0/4) = 1 and 1/10000^(2/4) = 1/100.
        expectClose(table.row(1), [sin(1), cos(1), sin(0.01), cos(0.01)], absolute: 1e-15)
        expectClose(table.row(2), [sin(2), cos(2), sin(0.02), cos(0.02)], absolute: 1e-15)
    }

    @Test("residual: y = x + f(x) and ∂L/∂x = g + f′ᵀ g")
    func residualValues() {
        // f = Dense with W = [[2]], b = [[1]]: y = x + 2x + 1 = 3x + 1, ∂y/∂x = 3.
        var layer = Residual([Dense(weights: [[2]], bias: [[1]])])
        #expect(layer.forward([[1], [2]]) == Matrix([[4], [7]]))
        #expect(layer.backward([[1], [1]]) == Matrix([[3], [3]]))
    }

    @Test("parameter counts: 4D² + D for attention, 4D² + 2DH + 6D + H for a block")
    func parameterCounts() {
        var generator = SeededGenerator(seed: 3)
        // D = 8, H = 32: attention 4·64 + 8 = 264; block 256 + 512 + 48 + 32 = 848.
        #expect(MultiHeadAttention(features: 8, heads: 2, generator: &generator).parameterCount == 264)
        #expect(TransformerBlock(features: 8, heads: 2, hidden: 32, generator: &generator).parameterCount == 848)
    }
}
