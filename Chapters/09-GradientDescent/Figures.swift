// The figures of chapter 9. Each function writes its SVG files (nothing with
// --no-figures) and prints any terminal chart.
import DLMath
import DLPresentation
import Foundation

/// quadratic-iterates.svg and quadratic-steps.svg: xₖ against k for each
/// learning rate on f(x) = a x²/2 (titled with its coefficient, 2x² for
/// a = 4), and the first steps drawn on the parabola. The y axis is held to
/// [−2, 2]: the divergent run leaves it.
func drawQuadraticFigures(_ chapter: Chapter, curvature a: Double, learningRates: [Double], runs: [[Double]]) {
    let shown = 20
    let function = "f(x) = \(a == 2 ? "" : formatCompact(a / 2))x²"
    let series = zip(learningRates, runs).map { lr, xs in
        Series(
            "lr = \(formatCompact(lr)), 1 − lr·a = \(formatCompact(1 - lr * a).replacingOccurrences(of: "-", with: "−"))",
            x: (0...shown).map(Double.init), y: Array(xs.prefix(shown + 1)))
    }
    var iterates = Plot(title: "Gradient descent on \(function)", x: "step k", y: Axis("iterate xₖ", range: -2...2))
    for (index, one) in series.enumerated() {
        // Points on every step as well as the line: the iterates are the data, the line only joins them.
        var marked = one
        marked.color = Palette.color(index)
        marked.marksPoints = true
        iterates.line(marked)
    }
    iterates.notes.append(
        "xₖ = (1 − lr·a)ᵏ x₀ with a = \(formatCompact(a)) converges iff 0 < lr < 2/a = \(formatCompact(2 / a))")
    chapter.figure(iterates, name: "quadratic-iterates")

    var parabola = Plot(title: "The first steps on the parabola \(function)", x: "x", y: "f(x)")
    let xs = (0...100).map { -1.6 + 3.2 * Double($0) / 100 }
    parabola.line("f", x: xs, y: xs.map { a * $0 * $0 / 2 }, dashed: true)
    for (lr, run) in zip(learningRates, runs) where lr != 0.25 {
        let steps = Array(run.prefix(lr > 2 / a ? 4 : 7))
        parabola.path("lr = \(formatCompact(lr))", x: steps, y: steps.map { a * $0 * $0 / 2 })
    }
    parabola.notes.append("○ start x₀ = 1, ● after the last step drawn; lr = 0.25 jumps straight to 0")
    chapter.figure(parabola, name: "quadratic-steps")
}

/// batch-sizes.svg and terminal sparklines: L − L(w*) per epoch for each
/// form of gradient descent (log axis), and the weight paths over the loss
/// contours (weight-paths.svg: w₁, w₂ with the intercept held at w*₀).
func drawBatchSizeFigures(
    _ chapter: Chapter, runs: [GradientDescentRun], optimum: Double, exact: [Double],
    features x: Matrix, targets y: Matrix
) {
    let excess = runs.map { run in Series(run.variant.description, y: run.losses.map { $0 - optimum }) }
    var curves = Plot.lines(
        title: "Batch, mini-batch and stochastic descent", x: "epoch",
        y: .log("excess loss L − L(w*)"), excess)
    curves.notes.append("lr 0.2, start w = 0, 200 examples; the smaller the batch, the higher the noise floor")
    chapter.figure(curves, name: "batch-sizes")
    let labelWidth = excess.map(\.name.count).max() ?? 0
    for run in excess {
        let label = run.name.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        chapter.chart(.sparkline(run.y.map { $0 > 0 ? log10($0) : .nan }, label: label))
    }
    chapter.say("(sparklines of log₁₀(L − L(w*)) per epoch, each from its own min to max)")

    let paths = runs.map { run in
        // Every update of the first epoch, then one point per epoch.
        let perEpoch = run.updatesPerEpoch
        let shown = Array(0...perEpoch) + Array(stride(from: 2 * perEpoch, to: run.weightPath.count, by: perEpoch))
        return Series(
            run.variant.description, x: shown.map { run.weightPath[$0][1] }, y: shown.map { run.weightPath[$0][2] })
    }
    let loss = { (w1: Double, w2: Double) -> Double in
        LinearRegression(weights: Matrix(column: [exact[0], w1, w2])).loss(features: x, targets: y)
    }
    var plot = Plot(title: "Weight paths over the loss", x: "w₁", y: "w₂")
    let (xs, ys) = (paths.flatMap(\.x), paths.flatMap(\.y))
    plot.function(
        x: (xs.min()! - 0.1)...(xs.max()! + 0.1), y: (ys.min()! - 0.1)...(ys.max()! + 0.1), name: "L",
        valueScale: .log, resolution: 80, loss)
    for path in paths { plot.path(path) }
    plot.marker("minimum w*", x: exact[1], y: exact[2])
    plot.notes.append(
        "each update of epoch 1, then one point per epoch; L with the intercept at w*₀ = \(formatCompact(exact[0], significantDigits: 3))"
    )
    chapter.figure(plot, name: "weight-paths")
}

/// decaying-rate.svg: L − L(w*) over 300 epochs of mini-batch descent (B = 8)
/// with a constant and a decaying learning rate.
func drawDecayFigure(_ chapter: Chapter, constant: GradientDescentRun, decaying: GradientDescentRun, optimum: Double) {
    var plot = Plot.lines(
        title: "Constant against decaying learning rate (B = 8)", x: "epoch", y: .log("excess loss L − L(w*)"),
        [
            Series("constant lr 0.2", y: constant.losses.map { $0 - optimum }),
            Series("lr 0.2 · 0.5^(epoch/30)", y: decaying.losses.map { $0 - optimum })
        ])
    plot.notes.append("with a constant rate the weights keep hopping around w*; a shrinking rate lets them settle")
    chapter.figure(plot, name: "decaying-rate")
}
