import DLMath
import Foundation

extension FormulaCatalog {
    /// Every gradient of `layer` (input first, then each parameter) on m = 2 sequences of
    /// `steps` x `features`, L = ½‖y − t‖², beside central differences of L.
    private static func layerAgainstDifferences(_ layer: some Layer, steps: Int, features: Int, seed: UInt64) -> (
        [Double], [Double]
    ) {
        var generator = SeededGenerator(seed: seed)
        let input = generator.normalMatrix(rows: 2, columns: steps * features)
        var differentiated = layer
        let target = generator.normalMatrix(rows: 2, columns: differentiated.forward(input).columns)
        func loss(_ parameters: [Matrix], _ x: Matrix) -> Double {
            var copy = layer
            copy.parameters = parameters
            let d = copy.forward(x) - target
            return 0.5 * (d .* d).sum
        }
        var analytic = differentiated.backward(differentiated.forward(input) - target).elements
        var numeric = numericalGradient(
            of: { loss(layer.parameters, Matrix(rows: input.rows, columns: input.columns, elements: $0)) },
            at: input.elements)
        for (index, parameter) in layer.parameters.enumerated() {
            analytic += differentiated.parameterGradients[index].elements
            numeric += numericalGradient(
                of: { values in
                    var changed = layer.parameters
                    changed[index] = Matrix(rows: parameter.rows, columns: parameter.columns, elements: values)
                    return loss(changed, input)
                }, at: parameter.elements)
        }
        return (analytic, numeric)
    }

    /// Chapter 14: attention and the transformer block.
    static var chapter14: [Formula] {
        [
            Formula(
                "14.1",
                "attention as a soft look-up: q = (2, 0), k = (1, 0), (0, 1), v = 10, 20 gives 10 σ(√2) + 20 (1 − σ(√2))",
                method: "by hand with the scalar logistic function", tolerance: .tight,
                scalar: {
                    let attention = ScaledDotProductAttention(
                        queries: [[2, 0]], keys: [[1, 0], [0, 1]], values: [[10], [20]])
                    let s = 1 / (1 + exp(-2.0.squareRoot()))
                    return (attention.output[0, 0], 10 * s + 20 * (1 - s))
                }),
            Formula(
                "14.2", "Var(q · k) = d_k for independent unit-variance q, k  (d_k = 16, 40,000 seeded pairs)",
                method: "sample variance of a seeded simulation, within 3%",
                tolerance: Tolerance(absolute: 0, relative: 0.03),
                scalar: {
                    var generator = SeededGenerator(seed: 142)
                    var sum = 0.0, sumOfSquares = 0.0
                    let n = 40000
                    for _ in 0..<n {
                        var dot = 0.0
                        for _ in 0..<16 { dot += generator.normal() * generator.normal() }
                        sum += dot
                        sumOfSquares += dot * dot
                    }
                    return (sumOfSquares / Double(n) - pow(sum / Double(n), 2), 16)
                }),
            Formula(
                "14.3",
                "attention backward: ∂L/∂S = P ⊙ (∂L/∂P − rowsum(P ⊙ ∂L/∂P)), ∂L/∂Q = ∂L/∂S K/√d_k  (T_q = 3, T_k = 4, d_k = 2, d_v = 3)",
                method: "central differences of L(Q, K, V)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 143)
                    let q = generator.normalMatrix(rows: 3, columns: 2), k = generator.normalMatrix(rows: 4, columns: 2)
                    let v = generator.normalMatrix(rows: 4, columns: 3), t = generator.normalMatrix(rows: 3, columns: 3)
                    let forward = ScaledDotProductAttention(queries: q, keys: k, values: v)
                    let g = forward.backward(forward.output - t, queries: q, keys: k, values: v)
                    func loss(_ q: Matrix, _ k: Matrix, _ v: Matrix) -> Double {
                        let d = ScaledDotProductAttention(queries: q, keys: k, values: v).output - t
                        return 0.5 * (d .* d).sum
                    }
                    let numeric =
                        numericalGradient(of: { loss(Matrix(rows: 3, columns: 2, elements: $0), k, v) }, at: q.elements)
                        + numericalGradient(
                            of: { loss(q, Matrix(rows: 4, columns: 2, elements: $0), v) }, at: k.elements)
                        + numericalGradient(
                            of: { loss(q, k, Matrix(rows: 4, columns: 3, elements: $0)) }, at: v.elements)
                    return (g.queries.elements + g.keys.elements + g.values.elements, numeric)
                }),
            Formula(
                "14.4", "causal mask: M_ts = −∞ for s > t gives weight exactly 0 above the diagonal  (T = 4)",
                method: "the weights above the diagonal against 0", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 144)
                    var layer = MultiHeadAttention(features: 4, heads: 2, mask: .causal, generator: &generator)
                    _ = layer.forward(generator.normalMatrix(rows: 1, columns: 16))
                    let upper = layer.lastWeights[0].flatMap { p in
                        (0..<4).flatMap { t in ((t + 1)..<4).map { p[t, $0] } }
                    }
                    return (upper, Array(repeating: 0, count: upper.count))
                }),
            Formula(
                "14.5",
                "multi-head self-attention backward: ∂L/∂X, ∂L/∂W_Q, ∂L/∂W_K, ∂L/∂W_V, ∂L/∂W_O, ∂L/∂b_O  (D = 4, 2 heads, T = 3)",
                method: "central differences of L(X, θ)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 145)
                    return layerAgainstDifferences(
                        MultiHeadAttention(features: 4, heads: 2, generator: &generator), steps: 3, features: 4,
                        seed: 146)
                }),
            Formula(
                "14.6", "layer norm backward: ∂L/∂x = s (ĝ − mean ĝ − x̂ mean(ĝ ⊙ x̂)), s = 1/√(σ² + ε)  (D = 5, T = 2)",
                method: "central differences of L(x, γ, β)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 147)
                    let layer = LayerNorm(
                        scale: 1 + generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3),
                        shift: generator.normalMatrix(rows: 1, columns: 5, standardDeviation: 0.3))
                    return layerAgainstDifferences(layer, steps: 2, features: 5, seed: 148)
                }),
            Formula(
                "14.7", "sinusoidal encoding: PE(1) = (sin 1, cos 1, sin 1/100, cos 1/100) for D = 4",
                method: "by hand: 10000^(2/4) = 100", tolerance: .tight,
                evaluate: {
                    (
                        SinusoidalPositionalEncoding.table(steps: 2, features: 4).row(1),
                        [sin(1), cos(1), sin(0.01), cos(0.01)]
                    )
                }),
            Formula(
                "14.8",
                "self-attention without positions is permutation-equivariant: f(ΠX) = Π f(X)  (a pre-norm block, T = 5, D = 4)",
                method: "the block on the permuted input against the permuted output", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 149)
                    var block = TransformerBlock(features: 4, heads: 2, hidden: 8, generator: &generator)
                    let x = generator.normalMatrix(rows: 1, columns: 20)
                    let order = [3, 0, 4, 1, 2]
                    let permute = { (m: Matrix) in
                        Matrix(rows: 1, columns: 20) { _, j in m[0, order[j / 4] * 4 + j % 4] }
                    }
                    return (block.forward(permute(x)).elements, permute(block.forward(x)).elements)
                }),
            Formula(
                "14.9", "transformer block parameters: 4D² + 2DH + 6D + H  (D = 8, H = 32: 848)",
                method: "by hand: 256 + 512 + 48 + 32", tolerance: .tight,
                scalar: {
                    var generator = SeededGenerator(seed: 150)
                    return (
                        Double(
                            TransformerBlock(features: 8, heads: 2, hidden: 32, generator: &generator).parameterCount),
                        848
                    )
                })
        ]
    }
}
