// Chapter 7, 7.6: the forward and the backward variance arguments, and Xavier's compromise between them.
import DLMath
import DLPresentation
import Foundation

func forwardAndBackwardVariance(_ chapter: inout Chapter, generator: inout SeededGenerator) {
    chapter.say(
        "Where 2/(fan_in + fan_out) comes from. Forward, z = Σₖ wₖ xₖ over fan_in terms: Var(z) = fan_in · Var(w) · "
            + "Var(x), which keeps the variance when Var(w) = 1/fan_in (LeCun). Backward, ∂L/∂xₖ = Σⱼ wₖⱼ ∂L/∂zⱼ over "
            + "fan_out terms: Var(∂L/∂x) = fan_out · Var(w) · Var(∂L/∂z), which needs Var(w) = 1/fan_out. Both hold only "
            + "when fan_in = fan_out; Glorot and Bengio take the harmonic mean, Var(w) = 2/(fan_in + fan_out), which "
            + "gives up a little of each. Measured on a 256 → 128 layer, inputs and upstream gradients standard normal:"
    )
    let (fanIn, fanOut) = (256, 128)
    let inputs = generator.normalMatrix(rows: 256, columns: fanIn)
    let upstream = generator.normalMatrix(rows: 256, columns: fanOut)
    let meanSquare = { (m: Matrix) in m.elements.dot(m.elements) / Double(m.count) }
    var table = TextTable(
        [
            "Var(w)", "forward Var(z)/Var(x)", "by hand fan_in·Var(w)", "backward Var(∂x)/Var(∂z)",
            "by hand fan_out·Var(w)"
        ],
        alignments: [.left, .right, .right, .right, .right])
    let choices: [(String, Double)] = [
        ("1/fan_in (LeCun)", 1.0 / 256), ("2/(fan_in + fan_out) (Xavier)", 2.0 / 384), ("1/fan_out", 1.0 / 128)
    ]
    var measured: [(forward: Double, backward: Double)] = []
    for (name, variance) in choices {
        var layer = Dense(
            weights: generator.normalMatrix(rows: fanIn, columns: fanOut, standardDeviation: variance.squareRoot()),
            bias: Matrix(rows: 1, columns: fanOut))
        let forward = meanSquare(layer.forward(inputs)) / meanSquare(inputs)
        let backward = meanSquare(layer.backward(upstream)) / meanSquare(upstream)
        measured.append((forward, backward))
        table.append([
            name, formatFixed(forward, decimals: 3), formatFixed(256 * variance, decimals: 3),
            formatFixed(backward, decimals: 3), formatFixed(128 * variance, decimals: 3)
        ])
    }
    chapter.table(table)
    // 256 · 2/384 = 4/3 forward and 128 · 2/384 = 2/3 backward for Xavier; LeCun 1 and ½; 1/fan_out 2 and 1.
    // Each ratio is a mean over 256 · 128 (or 256 · 256) terms: a few percent of sampling error; 5% allowed.
    let tolerance = Tolerance(absolute: 0, relative: 0.05)
    chapter.check(
        "forward ratios fan_in · Var(w): LeCun, Xavier, 1/fan_out", computed: measured.map(\.forward),
        byHand: [1, 4.0 / 3, 2], derivation: "256/256, 256 · 2/384, 256/128", tolerance: tolerance)
    chapter.check(
        "backward ratios fan_out · Var(w)", computed: measured.map(\.backward),
        byHand: [0.5, 2.0 / 3, 1], derivation: "128/256, 128 · 2/384, 128/128", tolerance: tolerance)
}
