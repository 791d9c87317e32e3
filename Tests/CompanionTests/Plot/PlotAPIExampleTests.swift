import Foundation
import Testing

@testable import DLPresentation

/// The one-line calls of Plot/README.md, as a chapter writes them: each
/// writes its figure into the chapter's folder.
@Suite("Plot API as chapters use it")
struct PlotAPIExampleTests {
    @Test("the README's one-liners write seven figures and draw three charts")
    func readmeExamples() throws {
        let folder = scratchRoot.appendingPathComponent("plot-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter = Chapter(number: 2, title: "API", arguments: ["--figures", folder.path], printing: false)
        let train = [2.3, 1.1, 0.6, 0.3], test = [2.4, 1.3, 0.8, 0.6]
        let hs = [1e-8, 1e-6, 1e-4, 1e-2], forward = [1e-8, 1e-10, 1e-4, 1e-2], central = [1e-8, 1e-10, 1e-9, 1e-5]
        let xs = [0.0, 1, 2, 3], ys = [1.0, 0, 1, 0], labels = [0, 1, 0, 1]
        let samples = [-1.0, -0.5, 0, 0, 0.5, 1]
        let px = [-1.5, 0, 1], py = [2.0, 0.5, 1]
        func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

        chapter.figure(
            .lines(title: "Training loss", x: "epoch", y: "loss", [Series("train", y: train), Series("test", y: test)]),
            name: "loss")
        chapter.figure(
            .lines(
                title: "Finite-difference error", x: .log("step h"), y: .log("|error|"),
                [Series("forward", x: hs, y: forward), Series("central", x: hs, y: central)]), name: "fd-error")
        chapter.figure(
            .scatter(
                title: "Two classes", x: "x₁", y: "x₂", xValues: xs, yValues: ys, classes: labels,
                classNames: ["upper", "lower"]), name: "classes")
        chapter.figure(
            .histogram(
                title: "Samples vs. N(0, 1)", x: "x", samples, density: { exp(-$0 * $0 / 2) / (2 * .pi).squareRoot() }),
            name: "gaussian")
        chapter.figure(
            .contour(
                title: "Rosenbrock", x: "x", y: "y", xRange: -2...2, yRange: -1...3, valueScale: .log,
                paths: [Series("GD", x: px, y: py)]
            ) { x, y in rosenbrock(x, y) }, name: "rosenbrock")
        let digits = (0...2).map(String.init), counts: [[Double]] = [[5, 0, 1], [0, 7, 0], [2, 0, 6]]
        chapter.figure(
            .matrix(
                title: "Confusion matrix", x: "predicted digit", y: "true digit", counts,
                rowLabels: digits, columnLabels: digits, valueScale: .log, showsValues: true), name: "confusion")
        var plot = Plot(title: "Decision boundary", x: "x₁", y: "x₂")
        plot.equalAspect = true
        plot.function(x: -3...3, y: -3...3, style: .contours, levels: [0]) { x, y in x * x + y * y - 2 }
        plot.scatter(x: xs, y: ys, classes: labels)
        chapter.figure(plot, name: "boundary")

        chapter.chart(.lines([Series("train", y: train), Series("test", y: test)], title: "loss", yScale: .log))
        chapter.chart(.sparkline(train, label: "loss"))
        chapter.chart(
            .heatMap(title: "Rosenbrock", x: -2...2, y: -1...3, valueScale: .log, paths: [Series("GD", x: px, y: py)]) {
                x, y in rosenbrock(x, y)
            })

        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            written == [
                "boundary.svg", "classes.svg", "confusion.svg", "fd-error.svg", "gaussian.svg", "loss.svg",
                "rosenbrock.svg"
            ])
        for file in written {
            _ = try parsedSVG(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }
}
