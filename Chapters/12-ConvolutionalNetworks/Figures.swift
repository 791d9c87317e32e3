// The figures of chapter 12. Each function writes its SVG files (nothing with
// --no-figures); nothing is trained here.
import DLMath
import DLPresentation

/// Square images (each `side` x `side`, row-major in `images`) tiled `perRow` to a row with a grey gap (NaN) of one cell.
func tiled(_ images: [[Double]], side: Int, perRow: Int) -> [[Double]] {
    let rows = (images.count + perRow - 1) / perRow
    var grid = Array(
        repeating: Array(repeating: Double.nan, count: perRow * (side + 1) - 1), count: rows * (side + 1) - 1)
    for (index, image) in images.enumerated() {
        let top = (index / perRow) * (side + 1), left = (index % perRow) * (side + 1)
        for i in 0..<side {
            for j in 0..<side { grid[top + i][left + j] = image[i * side + j] }
        }
    }
    return grid
}

/// A heat map without tick labels (the tiles are not a matrix with meaningful indices).
func tileFigure(_ chapter: Chapter, _ values: [[Double]], title: String, name: String, note: String) {
    var plot = Plot.matrix(
        title: title, x: " ", y: " ", values, rowLabels: Array(repeating: "", count: values.count),
        columnLabels: Array(repeating: "", count: values[0].count))
    plot.notes.append(note + "; grey cells are the gaps between tiles")
    chapter.figure(plot, name: name)
}

/// batchnorm-activations.svg: the spread of each ReLU layer's outputs with and without BatchNorm (log y).
func drawBatchNormFigure(_ chapter: Chapter, without: [Double], with: [Double]) {
    let layers = (1...without.count).map(Double.init)
    var plot = Plot(
        title: "Activations through 12 ReLU layers, weights N(0, 0.05²)", x: "layer",
        y: .log("spread of the ReLU outputs"))
    plot.line(Series("without normalisation", x: layers, y: without))
    plot.line(Series("BatchNorm before each ReLU", x: layers, y: with))
    plot.notes.append("256 random inputs; spread = √(mean squared deviation from each unit's mean)")
    chapter.figure(plot, name: "batchnorm-activations")
}

/// digits-cnn-filters.svg, digits-cnn-input.svg, digits-cnn-feature-maps.svg and digits-cnn-confusion.svg.
func drawDigitsFigures(_ chapter: Chapter, network: Sequential, confusion: ConfusionMatrix, example: Matrix) {
    guard let conv = network.layers.first as? Conv2D else { return }
    let filters = (0..<conv.outputChannels).map { Array(conv.weights.elements[($0 * 9)..<($0 * 9 + 9)]) }
    tileFigure(
        chapter, tiled(filters, side: 3, perRow: 6), title: "The 24 learned 3x3 filters of the first layer",
        name: "digits-cnn-filters", note: "filter 0 at the top left, row by row; weights coloured on one shared scale")
    tileFigure(
        chapter, tiled([example.elements], side: 8, perRow: 1), title: "A test digit (pixels / 16)",
        name: "digits-cnn-input", note: "the image whose feature maps follow")
    let maps = conv(example)
    let perChannel = (0..<conv.outputChannels).map { Array(maps.elements[($0 * 64)..<($0 * 64 + 64)]) }
    tileFigure(
        chapter, tiled(perChannel, side: 8, perRow: 6), title: "Its 24 feature maps after the first convolution",
        name: "digits-cnn-feature-maps",
        note: "before pooling and ReLU; map k is the image correlated with filter k, plus its bias")
    let digits = (0..<confusion.classCount).map(String.init)
    var plot = Plot.matrix(
        title: "Digits, CNN (seed 1): confusion matrix of the test set", x: "predicted digit", y: "true digit",
        confusion.counts.map { $0.map(Double.init) }, rowLabels: digits, columnLabels: digits,
        valueScale: .log, showsValues: true)
    (plot.width, plot.height) = (600, 560)
    plot.notes.append("\(confusion.correct) of \(confusion.total) on the diagonal; colour by log₁₀ of the count")
    chapter.figure(plot, name: "digits-cnn-confusion")
}
