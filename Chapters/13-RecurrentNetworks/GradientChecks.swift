// 13.2: the gradient checks of one step and of a whole sequence for each cell.
import DLMath
import DLPresentation
import Foundation

/// The largest relative error of `layer`'s gradient check (input and every
/// parameter) on m = 2 sequences of `steps` steps of 3 features.
func worstGradientError(_ layer: some Layer, steps: Int, seed: UInt64) -> Double {
    var generator = SeededGenerator(seed: seed)
    let input = generator.normalMatrix(rows: 2, columns: 3 * steps)
    var probe = layer
    let target = generator.normalMatrix(rows: 2, columns: probe.forward(input).columns)
    let results = layerGradientChecks(
        layer, input: input,
        loss: { output in
            let d = output - target
            return 0.5 * (d .* d).sum
        }, lossGradient: { $0 - target }, tolerance: 1e-7)
    return results.map(\.maximumError).max() ?? 0
}

/// Prints the table of gradient-check errors and checks them; returns the worst per cell.
func gradientCheckSection(_ chapter: inout Chapter) -> [(cell: String, error: Double)] {
    chapter.say(
        "Each cell's backward step is written by hand beside its forward step (RNNCell.swift, LSTMCell.swift, GRUCell.swift). Central differences check them: one step, then a whole unrolled sequence of T = 8 with every h_t as output; the relative error is |analytic − numerical| / max(1, |analytic|, |numerical|), worst entry over the input and every parameter."
    )
    var generator = SeededGenerator(seed: 13)
    let rnn = RNNCell(inputs: 3, hidden: 4, generator: &generator)
    let lstm = LSTMCell(inputs: 3, hidden: 4, generator: &generator)
    let gru = GRUCell(inputs: 3, hidden: 4, generator: &generator)
    let rows: [(String, Double, Double)] = [
        (
            "RNN", worstGradientError(Recurrent(rnn), steps: 1, seed: 1),
            worstGradientError(Recurrent(rnn, returnSequences: true), steps: 8, seed: 2)
        ),
        (
            "LSTM", worstGradientError(Recurrent(lstm), steps: 1, seed: 3),
            worstGradientError(Recurrent(lstm, returnSequences: true), steps: 8, seed: 4)
        ),
        (
            "GRU", worstGradientError(Recurrent(gru), steps: 1, seed: 5),
            worstGradientError(Recurrent(gru, returnSequences: true), steps: 8, seed: 6)
        )
    ]
    var table = TextTable(["cell", "one step", "T = 8, every h_t"])
    for (name, one, whole) in rows {
        table.append([name, formatScientific(one, significantDigits: 2), formatScientific(whole, significantDigits: 2)])
    }
    chapter.table(table)
    for (name, one, whole) in rows {
        chapter.check(
            "\(name) gradient check below 1e-7", holds: max(one, whole) < 1e-7,
            detail: "worst \(formatScientific(max(one, whole), significantDigits: 2))")
    }
    var layer = Recurrent(gru, returnSequences: true, truncation: 8)
    var full = Recurrent(gru, returnSequences: true)
    let x = generator.normalMatrix(rows: 2, columns: 24)
    let g = generator.normalMatrix(rows: 2, columns: 32)
    _ = layer.forward(x); _ = full.forward(x)
    let truncatedGradient = layer.backward(g), fullGradient = full.backward(g)
    chapter.say(
        "Truncated BPTT (k steps) cuts the sequence into chunks of k and lets no gradient cross a cut; the forward pass is unchanged. With k ≥ T there is no cut:"
    )
    chapter.check(
        "truncated (k = 8) equals full BPTT at T = 8",
        holds: truncatedGradient == fullGradient && layer.parameterGradients == full.parameterGradients,
        detail: "input and parameter gradients identical")
    return rows.map { ($0.0, max($0.1, $0.2)) }
}
