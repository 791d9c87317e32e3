import Foundation
import Testing

@testable import DLPresentation

@Suite("Plot degenerate input")
struct PlotDegenerateInputTests {
    /// No attribute that holds a number may say nan or inf.
    func expectFiniteNumbers(_ svg: ParsedSVG, sourceLocation: SourceLocation = #_sourceLocation) {
        for value in svg.numericAttributeValues {
            #expect(
                !value.lowercased().contains("nan") && !value.lowercased().contains("inf"),
                "non-finite number in the SVG: \(value)", sourceLocation: sourceLocation)
        }
    }

    @Test("a constant series gets a range around its value and finite coordinates")
    func constantSeries() throws {
        let plot = Plot.lines(title: "constant", x: "t", y: "y", [Series("c", y: [3, 3, 3, 3])])
        let svg = try parsedSVG(plot.svg())
        expectFiniteNumbers(svg)
        // y range 3 ± 0.3 → the line sits half way up: 380 − 166 = 214.
        let points = ParsedSVG.points(of: svg.all("polyline")[0])
        #expect(points.count == 4 && points.allSatisfy { $0.1 == 214 })
        // The y ticks of 2.7…3.3 (0.6/10 = 0.06 → step 0.1, 7 ticks): 2.7, 2.8, …, 3.3.
        #expect(svg.texts(class: "tick-label").suffix(7) == ["2.7", "2.8", "2.9", "3", "3.1", "3.2", "3.3"])
    }

    @Test("a single point, at zero, on a log axis and in a histogram")
    func singlePoint() throws {
        // At 0 the range is −1…1 on both axes: the point lands in the centre (348, 214).
        var plot = Plot(title: "origin", x: "x", y: "y")
        plot.scatter(x: [0], y: [0])
        let circle = try parsedSVG(plot.svg()).all("circle", class: "point")[0]
        #expect(circle.attributes["cx"] == "348" && circle.attributes["cy"] == "214")
        // On log axes one decade either side: 10⁻⁴ in 10⁻⁵…10⁻³ is again the centre.
        var logPlot = Plot(title: "one", x: .log("h"), y: .log("e"))
        logPlot.line("only", x: [1e-4], y: [1e-4])
        let lone = try parsedSVG(logPlot.svg()).all("circle", class: "lone-point")
        #expect(lone.count == 1 && lone[0].attributes["cx"] == "348" && lone[0].attributes["cy"] == "214")
        let histogram = try parsedSVG(Plot.histogram(title: "one value", x: "x", [2, 2, 2]).svg())
        expectFiniteNumbers(histogram)
        #expect(histogram.all("rect", class: "bar").count == 1)
    }

    @Test("NaN and infinite values are skipped, the line breaks, and a note says so")
    func nonFiniteSkipped() throws {
        var plot = Plot(title: "gaps", x: "x", y: "y")
        plot.line("f", x: [0, 1, 2, 3, 4, 5], y: [0, 1, .nan, 3, .infinity, 5])
        let rendered = try plot.render()
        #expect(rendered.notes == ["'f': 2 points skipped (NaN or infinite)"])
        let svg = try parsedSVG(rendered.svg)
        expectFiniteNumbers(svg)
        // The note says "NaN" in words; no attribute holds one.
        #expect(!rendered.svg.contains("\"nan") && !rendered.svg.contains("\"-nan") && !rendered.svg.contains("\"inf"))
        // Runs [0, 1], [3], [5]: one polyline of two points and two lone points.
        #expect(svg.all("polyline").map { ParsedSVG.points(of: $0).count } == [2])
        #expect(svg.all("circle", class: "lone-point").count == 2)
        #expect(svg.texts(class: "note") == ["Note: 'f': 2 points skipped (NaN or infinite)"])
    }

    @Test("values ≤ 0 on a log axis are skipped and reported")
    func nonPositiveOnLog() throws {
        var plot = Plot(title: "errors", x: .log("h"), y: .log("error"))
        plot.line("central", x: [1e-3, 1e-2, 1e-1], y: [0, 1e-8, 1e-6])
        let rendered = try plot.render()
        #expect(rendered.notes == ["'central': 1 point skipped (≤ 0 on a log axis)"])
        expectFiniteNumbers(try parsedSVG(rendered.svg))
    }

    @Test("a function with NaN values: grey cells, a note, no NaN in the file")
    func functionWithHoles() throws {
        var plot = Plot(title: "log", x: "x", y: "y")
        plot.function(x: -1...1, y: -1...1, resolution: 10) { x, _ in log(x) }
        let rendered = try plot.render()
        #expect(rendered.notes.count == 1 && rendered.notes[0].contains("not finite"))
        let svg = try parsedSVG(rendered.svg)
        expectFiniteNumbers(svg)
        #expect(svg.all("rect", class: "cell").contains { $0.attributes["fill"] == "#DDDDDD" })
    }

    @Test("empty data and impossible input throw a clear PlotError")
    func emptyThrows() {
        #expect(throws: PlotError.emptyData("series 'loss' has no points")) {
            try Plot.lines(title: "t", x: "x", y: "y", [Series("loss", y: [])]).svg()
        }
        #expect(throws: PlotError.emptyData("the figure 'nothing' has no layers")) {
            try Plot(title: "nothing", x: "x", y: "y").svg()
        }
        #expect(throws: PlotError.self) { try Plot.histogram(title: "h", x: "x", []).svg() }
        #expect(throws: PlotError.self) {
            try Plot.lines(title: "t", x: "x", y: "y", [Series("nan", y: [.nan, .nan])]).svg()
        }
        #expect(throws: PlotError.self) {
            try Plot.lines(title: "t", x: "x", y: "y", [Series("m", x: [1, 2], y: [1])]).svg()
        }
        #expect(throws: PlotError.self) {
            try Plot.lines(title: "t", x: Axis("x", range: 1...1), y: "y", [Series("a", y: [1])]).svg()
        }
        #expect(throws: PlotError.self) {
            try Plot.contour(title: "c", x: "x", y: "y", xRange: 0...1, yRange: 0...1) { _, _ in .nan }.svg()
        }
        // The message names what is empty.
        #expect(
            "\(PlotError.emptyData("series 'loss' has no points"))" == "nothing to plot: series 'loss' has no points")
    }
}
