import DLMath
import Foundation
import Testing

@Suite("Attention gradients")
struct AttentionGradientTests {
    /// Every result of a layer's gradient check on m = 2 sequences of `steps`
    /// steps of `features` features, L = ½‖y − t‖².
    func checks(_ layer: some Layer, steps: Int, features: Int, seed: UInt64) -> [GradientCheckResult] {
        var generator = SeededGenerator(seed: seed)
        let input = generator.normalMatrix(rows: 2, columns: steps * features)
        var probe = layer
        let target = generator.normalMatrix(rows: 2, columns: probe.forward(input).columns)
        return layerGradientChecks(
            layer, input: input, loss: { halfSquaredError($0, target) },
            lossGradient: { $0 - target }, tolerance: 1e-7)
    }

    func expectPasses(_ results: [GradientCheckResult]) {
        #expect(!results.isEmpty)
        for result in results { #expect(result.passed, "\(result)") }
    }

    @Test(
        "scaled dot-product attention: ∂L/∂Q, ∂L/∂K, ∂L/∂V at 1e-7 (T_q = 3, T_k = 4, d_k = 2, d_v = 5), with and without a mask"
    )
    func scaledDotProduct() {
        var generator = SeededGenerator(seed: 1)
        let q = generator.normalMatrix(rows: 3, columns: 2), k = generator.normalMatrix(rows: 4, columns: 2)
        let v = generator.normalMatrix(rows: 4, columns: 5), target = generator.normalMatrix(rows: 3, columns: 5)
        // Keys 2 and 3 hidden from query 0, key 3 from query 1.
        let mask = Matrix([[0, 0, -.infinity, -.infinity], [0, 0, 0, -.infinity], [0, 0, 0, 0]])
        for m in [nil, mask] {
            let loss = { (q: Matrix, k: Matrix, v: Matrix) in
                halfSquaredError(ScaledDotProductAttention(queries: q, keys: k, values: v, mask: m).output, target)
            }
            let forward = ScaledDotProductAttention(queries: q, keys: k, values: v, mask: m)
            let gradients = forward.backward(forward.output - target, queries: q, keys: k, values: v)
            expectPasses([
                gradientCheck(gradients.queries, of: { loss($0, k, v) }, at: q, name: "∂L/∂Q", tolerance: 1e-7),
                gradientCheck(gradients.keys, of: { loss(q, $0, v) }, at: k, name: "∂L/∂K", tolerance: 1e-7),
                gradientCheck(gradients.values, of: { loss(q, k, $0) }, at: v, name: "∂L/∂V", tolerance: 1e-7)
            ])
        }
    }

    @Test("multi-head attention at 1e-7: D = 6, 1, 2 and 3 heads, T = 5, unmasked, causal and padded")
    func multiHead() {
        var generator = SeededGenerator(seed: 2)
        for heads in [1, 2, 3] {
            for mask in [AttentionMask.none, .causal, AttentionMask(causal: false, validLengths: [3, 5])] {
                var layer = MultiHeadAttention(features: 6, heads: heads, mask: mask, generator: &generator)
                layer.parameters[4] = generator.normalMatrix(rows: 1, columns: 6, standardDeviation: 0.3)
                expectPasses(checks(layer, steps: 5, features: 6, seed: UInt64(10 + heads)))
            }
        }
    }

    @Test("layer normalisation at 1e-7 (D = 5, T = 3, γ and β not 1 and 0)")
    func layerNorm() {
        var generator = SeededGenerator(seed: 3)
        let layer = LayerNorm(
            scale: 1 + generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3),
            shift: generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3))
        expectPasses(checks(layer, steps: 3, features: 5, seed: 4))
    }

    @Test("the position-wise feed-forward block at 1e-7 (D = 4 → 7 → 4, T = 3; GELU, smooth everywhere)")
    func feedForward() {
        var generator = SeededGenerator(seed: 5)
        let layer = PositionWise.feedForward(features: 4, hidden: 7, activation: .geluTanh, generator: &generator)
        expectPasses(checks(layer, steps: 3, features: 4, seed: 6))
        // A width-changing body: Dense(4 → 3) per step.
        expectPasses(
            checks(
                PositionWise(features: 4, Sequential([Dense(inputs: 4, outputs: 3, generator: &generator)])),
                steps: 3, features: 4, seed: 7))
    }

    @Test("a residual around a tanh Dense at 1e-7")
    func residual() {
        var generator = SeededGenerator(seed: 8)
        let body: [any Layer] = [
            PositionWise(
                features: 3,
                Sequential([
                    Dense(inputs: 3, outputs: 3, generator: &generator),
                    ActivationLayer(.tanh)
                ]))
        ]
        expectPasses(checks(Residual(body), steps: 4, features: 3, seed: 9))
    }

    @Test("positional encodings at 1e-7: sinusoidal (identity backward) and learned (T = 3 of 5 positions)")
    func positionalEncodings() {
        var generator = SeededGenerator(seed: 10)
        expectPasses(checks(SinusoidalPositionalEncoding(features: 4), steps: 3, features: 4, seed: 11))
        expectPasses(
            checks(
                LearnedPositionalEncoding(maxSteps: 5, features: 4, generator: &generator), steps: 3, features: 4,
                seed: 12))
    }

    @Test("a pre-norm transformer block at 1e-7 (D = 6, 2 heads, FFN 10 with GELU, T = 4, causal)")
    func transformerBlock() {
        var generator = SeededGenerator(seed: 13)
        let attention = MultiHeadAttention(features: 6, heads: 2, mask: .causal, generator: &generator)
        let block = TransformerBlock(
            firstNorm: LayerNorm(features: 6), attention: attention, secondNorm: LayerNorm(features: 6),
            feedForward: PositionWise.feedForward(features: 6, hidden: 10, activation: .geluTanh, generator: &generator)
        )
        expectPasses(checks(block, steps: 4, features: 6, seed: 14))
    }
}
