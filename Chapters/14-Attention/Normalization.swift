// 14.5 - 14.6: layer normalisation against batch normalisation; residual connections and gradient flow.
import DLMath
import DLPresentation
import Foundation

func layerNormSection(_ chapter: inout Chapter) {
    chapter.section("Layer normalisation, not batch normalisation")
    chapter.say(
        "Chapter 12's batch normalisation standardises each feature over the examples of the batch; layer normalisation standardises each token over its own D features. Same formula, other axis:"
    )
    chapter.formula(
        """
        batch norm:  μ_f = mean over the batch of x_if           (one μ per feature; running averages for inference)
        layer norm:  μ_i = (1/D) Σ_f x_if,  σ_i² = (1/D) Σ_f (x_if − μ_i)²,  y_i = γ ⊙ (x_i − μ_i)/√(σ_i² + ε) + β
        """)
    chapter.say(
        "A sequence model wants the second: sequences differ in length and are padded, batches at inference are often a single sequence, and a token's output should not depend on which other sequences share its batch. Measured: two batches that differ only in example 1, the largest change of example 0's output:"
    )
    var generator = SeededGenerator(seed: 1403)
    let a = generator.normalMatrix(rows: 4, columns: 6)
    var b = a
    for j in 0..<6 { b[1, j] += 3 }
    var batchA = BatchNorm(features: 6), batchB = BatchNorm(features: 6)
    var layerA = LayerNorm(features: 6), layerB = LayerNorm(features: 6)
    let batchGap = (0..<6).map { abs(batchA.forward(a)[0, $0] - batchB.forward(b)[0, $0]) }.max()!
    let layerGap = (0..<6).map { abs(layerA.forward(a)[0, $0] - layerB.forward(b)[0, $0]) }.max()!
    var table = TextTable(["normalisation", "max change of example 0"])
    table.append(["BatchNorm (training mode)", formatFixed(batchGap, decimals: 4)])
    table.append(["LayerNorm", formatFixed(layerGap, decimals: 4)])
    chapter.table(table)
    chapter.check("layer norm: example 0 does not see example 1", holds: layerGap == 0, detail: "exactly 0")
    chapter.check("batch norm: it does", holds: batchGap > 0.01, detail: formatFixed(batchGap, decimals: 4))
    chapter.say(
        "The backward pass (LayerNorm.swift) is batch norm's with the roles of the axes swapped; with s = 1/√(σ² + ε) and ĝ = γ ⊙ g per token:"
    )
    chapter.formula("∂L/∂x = s (ĝ − mean_f ĝ − x̂ mean_f(ĝ ⊙ x̂)),   ∂L/∂γ = Σ_tokens g ⊙ x̂,   ∂L/∂β = Σ_tokens g")
}

/// ‖∂L/∂x‖ at the input of a stack of `depth` layers tanh(x W), W ~ N(0, 0.5²/D), with or without residuals.
func inputGradientNorm(depth: Int, residual: Bool, seed: UInt64) -> Double {
    let d = 16
    var generator = SeededGenerator(seed: seed)
    var layers: [any Layer] = []
    for _ in 0..<depth {
        let body: [any Layer] = [
            Dense(
                weights: generator.normalMatrix(rows: d, columns: d, standardDeviation: 0.5 / Double(d).squareRoot()),
                bias: Matrix(rows: 1, columns: d)), ActivationLayer(.tanh)
        ]
        if residual { layers.append(Residual(body)) } else { layers += body }
    }
    var network = Sequential(layers)
    let x = generator.normalMatrix(rows: 1, columns: d)
    let u = generator.normalMatrix(rows: 1, columns: d)
    _ = network.forward(x)
    let g = network.backward(u)  // L = u · y
    return (g .* g).sum.squareRoot()
}

func residualSection(_ chapter: inout Chapter) {
    chapter.section("Residual connections and gradient flow")
    chapter.say(
        "A residual block outputs x + f(x). Its Jacobian is I + ∂f/∂x, so through L blocks the gradient at the input is"
    )
    chapter.formula(
        "∂L/∂x₀ = ∂L/∂x_L · Π_l (I + J_l)  =  ∂L/∂x_L · (I + Σ_l J_l + …)     against  ∂L/∂x_L · Π_l J_l  without the skips"
    )
    chapter.say(
        "The identity term carries the output's gradient to the first layer whatever the J_l are. Measured: stacks of tanh(x W), D = 16, W ~ N(0, 0.25/D) (each J_l shrinks a typical vector by about half), L = u · y for a fixed random u, ‖∂L/∂x₀‖ at the first layer:"
    )
    let depths = [1, 2, 4, 8, 16, 32, 64]
    let plain = depths.map { inputGradientNorm(depth: $0, residual: false, seed: 1404) }
    let skipped = depths.map { inputGradientNorm(depth: $0, residual: true, seed: 1404) }
    var table = TextTable(["depth", "plain stack", "with residuals"])
    for (index, depth) in depths.enumerated() {
        table.append([
            "\(depth)", formatScientific(plain[index], significantDigits: 2),
            formatScientific(skipped[index], significantDigits: 2)
        ])
    }
    chapter.table(table)
    chapter.check(
        "at depth 64 the plain stack's gradient has vanished (< 1e-12)", holds: plain.last! < 1e-12,
        detail: formatScientific(plain.last!, significantDigits: 2))
    chapter.check(
        "with residuals it has not (> 0.5)", holds: skipped.last! > 0.5,
        detail: formatScientific(skipped.last!, significantDigits: 2))
    drawGradientFlowFigure(chapter, depths: depths, plain: plain, residual: skipped)
    chapter.say(
        "A transformer block has two residuals (attention, feed-forward). Pre-norm, the form used here, normalises the input of each branch and leaves the identity path untouched: x + MHA(LN(x)). Post-norm, the 2017 original, normalises after the sum, LN(x + MHA(x)), which puts a LayerNorm on the identity path of every block: it trains, but deep post-norm stacks need a learning-rate warm-up."
    )
}
