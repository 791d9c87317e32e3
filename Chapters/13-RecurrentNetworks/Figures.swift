// The figures of chapter 13 (nothing with --no-figures).
import DLMath
import DLPresentation
import Foundation

/// jacobian-norms.svg: ‖∂h_T/∂h_0‖₂ against T (log y), with the bounds σ_max^T dashed.
func drawJacobianFigure(_ chapter: Chapter, _ curves: [(Double, [Double])]) {
    var plot = Plot(title: "‖∂h_T/∂h_0‖₂ of a plain RNN against T", x: "T (steps)", y: .log("‖∂h_T/∂h_0‖₂"))
    for (index, (sigma, norms)) in curves.enumerated() {
        let steps = (1...norms.count).map(Double.init)
        plot.line("σ_max(W_h) = \(formatFixed(sigma, decimals: 1))", x: steps, y: norms, color: Palette.color(index))
        plot.line(
            "bound \(formatFixed(sigma, decimals: 1))^T", x: steps, y: steps.map { pow(sigma, $0) }, dashed: true,
            color: Palette.color(index))
    }
    plot.notes.append(
        "one seeded sequence, F = 4, H = 16, inputs scaled by 0.1; Wₕ rescaled to the given largest singular value")
    chapter.figure(plot, name: "jacobian-norms")
}

/// gradient-survival.svg: ‖∂L/∂x_1‖ against T for the three cells (log x and y).
func drawSurvivalFigure(_ chapter: Chapter, lengths: [Int], series: [[Double]]) {
    var plot = Plot(title: "How much gradient reaches the first step", x: .log("T (steps)"), y: .log("‖∂L/∂x_1‖"))
    for (name, values) in zip(["RNN", "LSTM (forget bias 1)", "GRU"], series) {
        plot.line(Series(name, x: lengths.map(Double.init), y: values))
    }
    plot.notes.append("L = u·h_T for a fixed random u; fresh cells, F = 4, H = 16, seed 31")
    chapter.figure(plot, name: "gradient-survival")
}

/// memory-task.svg: test accuracy per epoch of each cell at each T.
func drawMemoryFigure(_ chapter: Chapter, runs: [(name: String, accuracies: [Double])], chance: Double) {
    var plot = Plot(title: "Recall the first symbol after T steps: test accuracy", x: "epoch", y: "test accuracy")
    // One colour per cell; the short sequences dashed, the long ones solid.
    for (index, run) in runs.enumerated() {
        plot.line(
            run.name, x: (1...run.accuracies.count).map(Double.init), y: run.accuracies,
            dashed: index < runs.count / 2, color: Palette.color(index % (runs.count / 2)))
    }
    let epochs = Double(runs.map(\.accuracies.count).max() ?? 2)
    // Chance in grey, so that it is not read as a fourth blue run.
    plot.line("chance", x: [1, max(epochs, 2)], y: [chance, chance], dashed: true, color: PlotColor(0x888888))
    // The curves fill every corner (the long RNN run ends at the bottom right): the legend goes outside.
    plot.legend = .outsideRight
    chapter.figure(plot, name: "memory-task")
}

/// language-model.svg: the training cross-entropy per step of the character model.
func drawLanguageFigure(_ chapter: Chapter, losses: [Double]) {
    var plot = Plot(
        title: "Character model: cross-entropy per character", x: "training step", y: "cross-entropy (nats)")
    plot.line(Series("training batch", x: (1...losses.count).map(Double.init), y: losses))
    chapter.figure(plot, name: "language-model")
}
