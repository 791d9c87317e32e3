// The figures of chapter 7. Each function writes its SVG files (nothing with
// --no-figures) and prints any terminal chart.
import DLMath
import DLPresentation
import Foundation

/// weights-NAME.svg: a histogram of sampled initial weights against the
/// density they were drawn from (normal, or uniform on (−a, a)).
func drawWeightHistogram(_ chapter: Chapter, weights: Matrix, initializer: WeightInitializer, fanIn: Int, fanOut: Int) {
    let variance = initializer.variance(fanIn: fanIn, fanOut: fanOut)
    let density: (Double) -> Double
    if let limit = initializer.uniformLimit(fanIn: fanIn, fanOut: fanOut) {
        density = { abs($0) <= limit ? 1 / (2 * limit) : 0 }
    } else {
        density = { exp(-$0 * $0 / (2 * variance)) / (2 * .pi * variance).squareRoot() }
    }
    let name = initializer.name
    var plot = Plot.histogram(
        title: "\(name) weights, \(fanIn) x \(fanOut)", x: "weight w", weights.elements,
        bins: 40, density: density, densityName: "density, variance \(formatCompact(variance, significantDigits: 3))")
    plot.notes.append("\(weights.count) weights drawn with SeededGenerator(seed: 7)")
    let fileName = "weights-" + name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    chapter.figure(plot, name: fileName)
}

/// activation-spread.svg and a terminal chart: the standard deviation of the
/// activations after each block, one curve per study (tanh dashed, ReLU
/// solid), on a log axis because the bad initialisations move by decades.
func drawDepthFigures(_ chapter: Chapter, studies: [DepthStudy]) {
    func series(_ study: DepthStudy) -> Series {
        Series(
            "\(study.activation.name), \(study.initializer.name)",
            x: study.standardDeviations.indices.map { Double($0 + 1) }, y: study.standardDeviations)
    }
    var plot = Plot(
        title: "Spread of the activations through depth", x: "layer", y: .log("standard deviation of the activations"))
    for study in studies { plot.line(series(study), dashed: study.activation == .tanh) }
    plot.notes.append("Dense(128 → 128) + activation per layer, biases 0, 256 inputs from N(0, 1); tanh dashed")
    chapter.figure(plot, name: "activation-spread")
    let relu = studies.filter { $0.activation == .relu }
    chapter.chart(
        .lines(relu.map(series), title: "ReLU: std of the activations after each layer", yScale: .log, height: 10))
}
