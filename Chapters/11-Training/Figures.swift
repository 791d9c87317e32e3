// The figures of chapter 11. Each function writes its SVG files (nothing with
// --no-figures) and prints any terminal chart. The data are the runs'
// `TrainingHistory` records; nothing is trained here.
import DLMath
import DLPresentation
import Foundation

/// The epochs of a history, 1, 2, …, as x values.
func epochAxis(_ history: TrainingHistory) -> [Double] {
    history.records.map { Double($0.epoch) }
}

/// A horizontal dashed reference line at `value` over the epochs 1…`epochs`,
/// dark grey in every figure (a reference, not a run).
func floorLine(_ name: String, value: Double, epochs: Int) -> Series {
    Series(name, x: [1, Double(max(epochs, 2))], y: [value, value], color: PlotColor(0x444444))
}

/// A vertical grey line at `epoch` spanning `low`…`high`: the epoch whose
/// weights early stopping restored (grey in every figure, a reference, not a run).
func restoredEpochLine(_ epoch: Int, low: Double, high: Double) -> Series {
    Series(
        "weights restored (epoch \(epoch))", x: [Double(epoch), Double(epoch)], y: [low, high],
        color: PlotColor(0x777777))
}

/// book-loss.svg and a terminal sparkline: the training MSE of the book's run
/// per epoch (log y) with the least-squares MSE, the floor, dashed.
func drawBookLossFigure(_ chapter: Chapter, _ history: TrainingHistory, floor: Double) {
    var plot = Plot(title: "The book's example: training loss per epoch", x: "epoch", y: .log("training MSE"))
    plot.line(
        Series("Dense(2)-Dense(2)-Dense(1), Adam lr 0.001, batch 32", x: epochAxis(history), y: history.trainingLosses))
    plot.line(floorLine("least-squares plane (the floor)", value: floor, epochs: history.epochsRun), dashed: true)
    plot.notes.append(
        "the floor: MSE \(formatFixed(floor, decimals: 5)) of the least-squares plane (normal equations); noise σ² = 0.01"
    )
    chapter.figure(plot, name: "book-loss")
    chapter.chart(.sparkline(history.trainingLosses, label: "MSE per epoch"))
}

/// book-longer-runs.svg: the training MSE per epoch of the book's network
/// given more epochs or a larger rate (log x: the runs are 100 to 2000 epochs
/// long). The book's run (the first) is the start of the longer one: it is
/// drawn as a wide light band, so that the longer run shows running through it.
func drawLongerRunsFigure(_ chapter: Chapter, names: [String], histories: [TrainingHistory], floor: Double) {
    var plot = Plot(
        title: "The book's network, given more steps or a larger rate", x: .log("epoch"), y: .log("training MSE"))
    for (index, (name, history)) in zip(names, histories).enumerated() {
        plot.line(
            Series(
                name, x: epochAxis(history), y: history.trainingLosses,
                color: index == 0 ? Palette.color(0).lightened(0.55) : Palette.color(index), width: index == 0 ? 8 : 2))
    }
    plot.line(
        floorLine("least-squares plane (the floor)", value: floor, epochs: histories.map(\.epochsRun).max() ?? 2),
        dashed: true)
    plot.notes.append(
        "same data, starting weights (seed 1) and batches in every run; only the epochs or Adam's rate differ")
    if histories.count > 2 {
        plot.notes.append(
            "the book's run (wide, light) is the first 100 epochs of the 20× longer one, which runs through it")
    }
    chapter.figure(plot, name: "book-longer-runs")
}

/// digits-loss.svg, digits-accuracy.svg and a terminal chart: training and
/// validation loss (log y) and accuracy per epoch, the restored epoch marked.
func drawDigitsCurves(_ chapter: Chapter, _ history: TrainingHistory) {
    let epochs = epochAxis(history)
    let training = history.trainingLosses, validation = history.validationLosses
    var loss = Plot(title: "Digits: training and validation loss", x: "epoch", y: .log("cross-entropy"))
    loss.line(Series("training", x: epochs, y: training))
    loss.line(Series("validation", x: epochs, y: validation))
    if let restored = history.restoredEpoch {
        loss.line(
            restoredEpochLine(restored, low: (training + validation).min()!, high: (training + validation).max()!),
            dashed: true)
    }
    loss.notes.append(
        "evaluated after each epoch with dropout off; early stopping with patience 10 on the validation loss")
    chapter.figure(loss, name: "digits-loss")

    var accuracy = Plot(title: "Digits: training and validation accuracy", x: "epoch", y: "accuracy (%)")
    let trainingAccuracy = history.records.map { 100 * ($0.trainingAccuracy ?? .nan) }
    let validationAccuracy = history.records.map { 100 * ($0.validationAccuracy ?? .nan) }
    accuracy.line(Series("training", x: epochs, y: trainingAccuracy))
    accuracy.line(Series("validation", x: epochs, y: validationAccuracy))
    if let restored = history.restoredEpoch {
        let shown = (trainingAccuracy + validationAccuracy).filter(\.isFinite)
        accuracy.line(restoredEpochLine(restored, low: shown.min()!, high: shown.max()!), dashed: true)
    }
    chapter.figure(accuracy, name: "digits-accuracy")

    chapter.chart(
        .lines(
            [Series("training", x: epochs, y: training), Series("validation", x: epochs, y: validation)],
            title: "digits: cross-entropy per epoch (log scale)", yScale: .log, height: 10))
}

/// digits-confusion.svg: the confusion matrix as a heat map, one square per
/// (true, predicted) pair, true digits down the side (0 at the top, as the
/// table prints it), coloured by log₁₀ of its count and labelled with it;
/// empty pairs are grey (the grey square under the colour bar reads "0").
func drawConfusionFigure(_ chapter: Chapter, _ confusion: ConfusionMatrix) {
    let digits = (0..<confusion.classCount).map(String.init)
    var plot = Plot.matrix(
        title: "Digits: confusion matrix of the test set", x: "predicted digit", y: "true digit",
        confusion.counts.map { $0.map(Double.init) }, rowLabels: digits, columnLabels: digits,
        valueScale: .log, showsValues: true)
    (plot.width, plot.height) = (600, 560)  // a plot area about square, beside the colour bar
    plot.notes.append("\(confusion.correct) of \(confusion.total) on the diagonal; colour by log₁₀ of the count")
    chapter.figure(plot, name: "digits-confusion")
}

/// overfitting-NAME.svg for each run (training and validation loss on the
/// same log scale for all, the restored epoch marked where early stopping
/// restored one), overfitting-validation.svg (the validation losses side by
/// side), and a terminal chart of the unregularised run.
func drawOverfittingFigures(_ chapter: Chapter, names: [String], files: [String], histories: [TrainingHistory]) {
    let every = histories.flatMap { $0.trainingLosses + $0.validationLosses }.filter { $0.isFinite && $0 > 0 }
    let shared = every.min()!...every.max()!
    // One x range for all: early stopping's shorter run is not stretched to look as long as the others.
    let longest = Double(histories.map(\.epochsRun).max() ?? 2)
    let epochRange = 1...(longest + 0.04 * (longest - 1))
    for (name, (file, history)) in zip(names, zip(files, histories)) {
        let epochs = epochAxis(history)
        var plot = Plot(
            title: "100 digits, regularisation: \(name)", x: Axis("epoch", range: epochRange),
            y: .log("cross-entropy", range: shared))
        plot.line(Series("training", x: epochs, y: history.trainingLosses))
        plot.line(Series("validation", x: epochs, y: history.validationLosses))
        if let restored = history.restoredEpoch {
            plot.line(restoredEpochLine(restored, low: shared.lowerBound, high: shared.upperBound), dashed: true)
        }
        let lossNote =
            file == "l2"
            ? "training loss: the cross-entropy alone, without the L2 penalty it was trained with"
            : file == "dropout"
                ? "both losses evaluated with dropout off" : "training and validation cross-entropy after each epoch"
        plot.notes.append("\(lossNote); the same x and y ranges in every overfitting figure")
        chapter.figure(plot, name: "overfitting-\(file)")
    }

    var validation = Plot(
        title: "100 digits: validation loss with and without regularisation", x: "epoch",
        y: .log("validation cross-entropy"))
    for (name, history) in zip(names, histories) {
        validation.line(Series(name, x: epochAxis(history), y: history.validationLosses))
    }
    for history in histories {
        guard let restored = history.restoredEpoch else { continue }
        let values = histories.flatMap(\.validationLosses)
        validation.line(restoredEpochLine(restored, low: values.min()!, high: values.max()!), dashed: true)
    }
    chapter.figure(validation, name: "overfitting-validation")

    let baseline = histories[0]
    chapter.chart(
        .lines(
            [
                Series("training", x: epochAxis(baseline), y: baseline.trainingLosses),
                Series("validation", x: epochAxis(baseline), y: baseline.validationLosses)
            ],
            title: "no regularisation: cross-entropy per epoch (log scale)", yScale: .log, height: 10))
}
