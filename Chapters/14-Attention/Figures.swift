// The figures of chapter 14 (nothing with --no-figures).
import DLMath
import DLPresentation
import Foundation

/// attention-weights.svg: the weights of each head for one held-out sequence, side by side.
func drawAttentionFigure(_ chapter: Chapter, weights: [Matrix], sequence: [Int]) {
    let steps = sequence.count
    // The heads side by side: columns 0…T−1 are head 1's keys, T…2T−1 head 2's, …
    var values: [[Double]] = Array(repeating: [], count: steps)
    var columnLabels: [String] = []
    for head in weights {
        for t in 0..<steps { values[t] += head.row(t) }
        columnLabels += (0..<steps).map { "\(sequence[$0])" }
    }
    var plot = Plot(
        title: "Attention weights, heads 1…\(weights.count), input \(sequence.map(String.init).joined())",
        x: "key: the digit at each step (head 1, then head 2)", y: "query step")
    plot.matrix(values, name: "weight", rowLabels: (0..<steps).map { "t=\($0)" }, columnLabels: columnLabels)
    plot.notes.append("one pre-norm block after training; query t must output the digit at step \(steps - 1) − t")
    chapter.figure(plot, name: "attention-weights")
}

/// reversal-loss.svg: the training cross-entropy per step.
func drawReversalLossFigure(_ chapter: Chapter, losses: [Double]) {
    var plot = Plot(
        title: "Reversal task: training cross-entropy per digit", x: "Adam step", y: .log("cross-entropy (nats)"))
    plot.line(Series("training batch", x: (1...losses.count).map(Double.init), y: losses))
    chapter.figure(plot, name: "reversal-loss")
}

/// gradient-flow.svg: ‖∂L/∂x₀‖ against depth, plain and residual (log y).
func drawGradientFlowFigure(_ chapter: Chapter, depths: [Int], plain: [Double], residual: [Double]) {
    var plot = Plot(
        title: "Gradient at the first layer of a deep stack", x: .log("depth (layers)"), y: .log("‖∂L/∂x₀‖"))
    plot.line(Series("plain stack tanh(x W)", x: depths.map(Double.init), y: plain))
    plot.line(Series("with residuals x + tanh(x W)", x: depths.map(Double.init), y: residual))
    plot.notes.append("D = 16, W ~ N(0, 0.25/D), L = u·y for a fixed random u, seed 1404")
    plot.legend = .outsideRight
    chapter.figure(plot, name: "gradient-flow")
}

/// attention-cost.svg: time of one forward and backward pass against T (log-log), with a T² guide.
func drawCostFigure(_ chapter: Chapter, rows: [(steps: Int, seconds: Double, weights: Int)]) {
    guard let last = rows.last else { return }
    var plot = Plot(
        title: "Cost of multi-head attention against sequence length", x: .log("T (steps)"), y: .log("time (ms)"))
    let steps = rows.map { Double($0.steps) }
    plot.line(Series("forward + backward", x: steps, y: rows.map { $0.seconds * 1000 }))
    plot.line(
        "∝ T², through the last point", x: steps,
        y: steps.map { last.seconds * 1000 * pow($0 / Double(last.steps), 2) },
        dashed: true, color: PlotColor(0x888888))
    plot.notes.append("D = 32, 2 heads, one sequence, best of 3; wall time on the machine that ran it")
    plot.legend = .outsideRight
    chapter.figure(plot, name: "attention-cost")
}
