// The figures of chapter 6, drawn from the losses of DLMath. Each function
// writes its SVG files (nothing with --no-figures) and prints any terminal chart.
import DLMath
import DLPresentation
import Foundation

/// One loss on a single residual r (prediction r, target 0): its value and slope.
private func lossOnResidual(_ loss: (Matrix, Matrix) -> LossResult, _ r: Double) -> (value: Double, slope: Double) {
    let result = loss([[r]], [[0]])
    return (result.value, result.gradient[0, 0])
}

/// regression-losses.svg and loss-gradients.svg: MSE, MAE and Huber (δ from
/// `huberCurve`) against the residual r = ŷ − y, and their derivatives.
func drawRegressionLossFigures(
    _ chapter: Chapter, huberCurve: [(r: Double, value: Double, slope: Double)], delta: Double
) {
    let r = huberCurve.map(\.r)
    let mse = r.map { lossOnResidual(meanSquaredError(predictions:targets:), $0) }
    let mae = r.map { lossOnResidual(meanAbsoluteError(predictions:targets:), $0) }
    let huberName = "Huber, δ = \(formatCompact(delta))"
    var values = Plot.lines(
        title: "Regression losses against the residual", x: "residual r = ŷ − y", y: "loss on one element",
        [
            Series("MSE: r²", x: r, y: mse.map(\.value)),
            Series("MAE: |r|", x: r, y: mae.map(\.value)),
            Series(huberName, x: r, y: huberCurve.map(\.value))
        ])
    values.line("δ·MAE − ½δ² (Huber's linear piece)", x: r, y: r.map { delta * (abs($0) - 0.5 * delta) }, dashed: true)
    values.notes.append(
        "Huber: ½r² up to |r| = δ, then the dashed line; they touch at ½δ² = \(formatCompact(0.5 * delta * delta))")
    chapter.figure(values, name: "regression-losses")
    var slopes = Plot.lines(
        title: "Gradients of the regression losses", x: "residual r = ŷ − y", y: "∂loss/∂ŷ",
        [
            Series("MSE: 2r", x: r, y: mse.map(\.slope)),
            Series("MAE: sign(r)", x: r, y: mae.map(\.slope)),
            Series(huberName + ": clip(r, −δ, δ)", x: r, y: huberCurve.map(\.slope))
        ])
    slopes.notes.append("MAE jumps at r = 0 (sign(0) = 0); Huber's slope is continuous")
    chapter.figure(slopes, name: "loss-gradients")
}

/// binary-cross-entropy.svg: −log p (y = 1) and −log(1 − p) (y = 0) over p.
func drawBinaryCrossEntropyFigure(_ chapter: Chapter) {
    let p = (1...99).map { Double($0) / 100 }
    func loss(_ target: Double) -> [Double] {
        p.map { binaryCrossEntropy(probabilities: [[$0]], targets: [[target]]).value }
    }
    var plot = Plot.lines(
        title: "Binary cross-entropy against the predicted probability", x: "predicted probability p",
        y: "loss", [Series("y = 1: −log p", x: p, y: loss(1)), Series("y = 0: −log(1 − p)", x: p, y: loss(0))])
    plot.notes.append("a confident wrong answer costs without bound: −log p → ∞ as p → 0")
    chapter.figure(plot, name: "binary-cross-entropy")
}

/// logits-vs-probabilities.svg and a terminal chart: the loss of target 0
/// against the logit z, three ways. The naive form overflows to ∞ once σ(z)
/// rounds to 1 (z ≳ 37; those points are skipped and the figure says so), the
/// clamped form saturates at −log ε ≈ 27.6, the logits form stays exact.
func drawLogitStabilityFigures(_ chapter: Chapter) {
    let z = (0...100).map { Double($0) * 0.5 }
    let fromLogits = z.map { binaryCrossEntropy(logits: [[$0]], targets: [[0]]).value }
    let clamped = z.map { binaryCrossEntropy(probabilities: [[logistic($0)]], targets: [[0]]).value }
    let naive = z.map { naiveBinaryCrossEntropy(logit: $0, target: 0) }
    let series = [
        Series("from logits: softplus(z)", x: z, y: fromLogits),
        Series("from σ(z), clamped", x: z, y: clamped),
        Series("naive −log(1 − σ(z))", x: z, y: naive)
    ]
    var plot = Plot(title: "Cross-entropy of target 0 against the logit", x: "logit z", y: "loss")
    for (index, one) in series.enumerated() { plot.line(one, dashed: index == 2) }
    plot.notes.append("σ(z) rounds to 1 for z ≳ 37: naive → ∞, clamped stops at −log 10⁻¹² ≈ 27.6")
    chapter.figure(plot, name: "logits-vs-probabilities")
    chapter.chart(.lines(series, title: "loss of target 0 against the logit z ∈ [0, 50]", height: 10))
}

/// gradient-check-errors.svg: the largest gradient-check error of each loss
/// (log scale), one point per loss on a categorical x axis named by the losses.
func drawGradientCheckFigure(_ chapter: Chapter, errors: [(name: String, error: Double)]) {
    var plot = Plot(
        title: "Gradient checks of the losses", x: "loss",
        y: .log("largest relative error", range: logRangeBelowTolerance(errors.map(\.error))))
    plot.xCategories = errors.map(\.name)
    plot.scatter("largest relative error", x: errors.indices.map(Double.init), y: errors.map(\.error))
    plot.line("tolerance 10⁻⁶", x: [-0.5, Double(errors.count) - 0.5], y: [1e-6, 1e-6], dashed: true)
    chapter.figure(plot, name: "gradient-check-errors")
}

/// A log axis range from a decade below the smallest positive error up to
/// 1e-4, leaving room for the legend above the tolerance 1e-6.
private func logRangeBelowTolerance(_ errors: [Double]) -> ClosedRange<Double> {
    let smallest = errors.filter { $0 > 0 }.min() ?? 1e-12
    return pow(10, floor(log10(min(smallest, 1e-7))) - 1)...1e-4
}
