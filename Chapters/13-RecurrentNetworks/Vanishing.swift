// 13.3-13.5: vanishing and exploding gradients, clipping, the LSTM's cell path.
import DLMath
import DLPresentation
import Foundation

/// An RNN cell (F = 4, H = 16, seed 21) with W_h = σ·Q, Q orthogonal (the
/// eigenvectors of a random symmetric matrix), so that every singular value
/// of W_h is σ; the input weights are scaled by 0.01 to keep h near 0.
func scaledRNN(sigma: Double) -> RNNCell {
    var generator = SeededGenerator(seed: 21)
    let base = RNNCell(inputs: 4, hidden: 16, generator: &generator)
    let random = generator.normalMatrix(rows: 16, columns: 16)
    let orthogonal = try! (random + random.transposed).symmetricEigen().eigenvectors
    return RNNCell(inputWeights: base.inputWeights * 0.01, recurrentWeights: orthogonal * sigma, bias: base.bias)
}

/// One seeded input sequence of `steps` steps of 4 features.
func probeSequence(steps: Int, seed: UInt64 = 22) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return generator.normalMatrix(rows: 1, columns: 4 * steps)
}

let vanishingSigmas = [0.9, 1.0, 1.1]
let vanishingSteps = 60

func vanishingSection(_ chapter: inout Chapter) {
    chapter.section("Why gradients vanish or explode")
    chapter.say(
        "∂h_T/∂h_0 is a product of one Jacobian per step. Each is diag(1 − h_t²) W_hᵀ, and ‖diag(1 − h_t²)‖₂ ≤ 1, so the norm is bounded by the powers of σ_max(W_h), the largest singular value (from the symmetric eigendecomposition of W_hᵀW_h, chapter 1):"
    )
    chapter.formula(
        """
        ∂h_T/∂h_0 = diag(1 − h_T²) W_hᵀ · … · diag(1 − h_1²) W_hᵀ
        ‖∂h_T/∂h_0‖₂ ≤ Π_t ‖diag(1 − h_t²)‖₂ ‖W_h‖₂ ≤ σ_max(W_h)^T
        """)
    chapter.say(
        "Measured on one sequence (F = 4, H = 16, small inputs), with W_h = σ·Q for an orthogonal Q, so σ_max(W_h) = σ = 0.9, 1.0, 1.1:"
    )
    var table = TextTable(["σ_max(W_h)", "T = 10", "T = 30", "T = 60", "σ_max^60"])
    var curves: [(Double, [Double])] = []
    for sigma in vanishingSigmas {
        let cell = scaledRNN(sigma: sigma)
        let jacobians = hiddenStateJacobians(
            cell, input: probeSequence(steps: vanishingSteps), initialState: Matrix(rows: 1, columns: 16))
        let norms = jacobians.map(largestSingularValue)
        curves.append((sigma, norms))
        table.append([
            formatFixed(sigma, decimals: 1), formatScientific(norms[9], significantDigits: 3),
            formatScientific(norms[29], significantDigits: 3),
            formatScientific(norms[59], significantDigits: 3), formatScientific(pow(sigma, 60), significantDigits: 3)
        ])
        let within = zip(norms, 1...).allSatisfy { $0 <= pow(sigma, Double($1)) * (1 + 1e-9) }
        chapter.check(
            "σ_max = \(sigma): ‖∂h_t/∂h_0‖₂ ≤ σ_max^t for every t ≤ 60", holds: within, detail: "60 Jacobian products")
    }
    chapter.table(table)
    chapter.check(
        "below 1 the gradient to h_0 vanishes (‖∂h_60/∂h_0‖ < 0.01)", holds: curves[0].1[59] < 0.01,
        detail: formatScientific(curves[0].1[59], significantDigits: 3))
    chapter.check(
        "at 1 it stays within 5% of 1 for 60 steps", holds: curves[1].1.allSatisfy { $0 > 0.95 && $0 <= 1 + 1e-9 },
        detail: formatScientific(curves[1].1[59], significantDigits: 3))
    chapter.check(
        "above 1 it grows (‖∂h_60/∂h_0‖ > 10)", holds: curves[2].1[59] > 10,
        detail: formatScientific(curves[2].1[59], significantDigits: 3))
    chapter.say(
        "Near h = 0, tanh′ ≈ 1 and the product is close to its bound: σ^T shrinks, stays or grows. Once the growing states move away from 0, the factors 1 − h_t² < 1 pull the norm below the bound: saturation is what stops an explosion in a tanh RNN, at the price of a vanishing gradient."
    )
    drawJacobianFigure(chapter, curves)
}

func clippingSection(_ chapter: inout Chapter) {
    chapter.section("Clipping an exploding gradient")
    chapter.say(
        "Clipping by global norm (chapter 10) rescales the whole gradient list when its norm exceeds c, keeping its direction: g ← g · c / ‖g‖. It tames a step, not the cause; and it does nothing for a vanishing gradient."
    )
    var layer = Recurrent(scaledRNN(sigma: 1.1))
    let input = probeSequence(steps: 40)
    _ = layer.forward(input)
    _ = layer.backward(Matrix(rows: 1, columns: 16, repeating: 1))
    var gradients = layer.parameterGradients
    let before = globalNorm(gradients)
    _ = clipByGlobalNorm(&gradients, maximumNorm: 1)
    let after = globalNorm(gradients)
    let cosine = zip(layer.parameterGradients, gradients).reduce(0.0) { $0 + ($1.0 .* $1.1).sum } / (before * after)
    chapter.show("‖∂L/∂θ‖ before clipping (σ_max = 1.1, T = 40)", before)
    chapter.check("after clipping to c = 1 the norm is 1", computed: after, byHand: 1)
    chapter.check("the direction is kept: cos(g, clipped g) = 1", computed: cosine, byHand: 1)
}

func survivalSection(_ chapter: inout Chapter) {
    chapter.section("The LSTM's additive cell path")
    chapter.say(
        "The LSTM's cell state is updated by addition, c_t = f ⊙ c_{t−1} + i ⊙ g, so ∂c_t/∂c_{t−1} = diag(f): no W_h and no tanh′ on that path. With the forget bias initialised to 1, f ≈ σ(1) ≈ 0.73 at the start instead of ½, and training can push it to 1. The same measurement for every cell: ‖∂L/∂x_1‖ for L = u·h_T, a fresh cell of each kind (F = 4, H = 16, default initialisation, seed 31)."
    )
    var generator = SeededGenerator(seed: 31)
    let rnn = RNNCell(inputs: 4, hidden: 16, generator: &generator)
    let lstm = LSTMCell(inputs: 4, hidden: 16, generator: &generator)
    let gru = GRUCell(inputs: 4, hidden: 16, generator: &generator)
    let direction = generator.normalMatrix(rows: 1, columns: 16)
    let lengths = [5, 10, 20, 40, 80]
    var table = TextTable(["T", "RNN", "LSTM", "GRU"])
    var series: [[Double]] = [[], [], []]
    for steps in lengths {
        let input = probeSequence(steps: steps, seed: 32)
        let norms = [
            firstStepGradientNorm(rnn, input: input, direction: direction),
            firstStepGradientNorm(lstm, input: input, direction: direction),
            firstStepGradientNorm(gru, input: input, direction: direction)
        ]
        for k in 0..<3 { series[k].append(norms[k]) }
        table.append(["\(steps)"] + norms.map { formatScientific($0, significantDigits: 3) })
    }
    chapter.table(table)
    chapter.check(
        "at T = 80 the LSTM's gradient to step 1 is over 100× the RNN's", holds: series[1][4] > 100 * series[0][4],
        detail:
            "LSTM \(formatScientific(series[1][4], significantDigits: 3)), RNN \(formatScientific(series[0][4], significantDigits: 3))"
    )
    chapter.say(
        "The fresh GRU loses its gradient fastest: with b = 0 its update gate starts at z ≈ ½, so the direct path h_{t−1} → h_t carries only about half per step. Its gates, like the LSTM's forget gate, are learnt; the recall task below shows what training makes of them."
    )
    drawSurvivalFigure(chapter, lengths: lengths, series: series)
}
