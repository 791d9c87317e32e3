import Foundation
import Testing

@testable import DLPresentation

/// `.best` never covers data: a free corner when there is one, else outside
/// the plot area with the figure widened; and the geometric check the chapter
/// figure tests use (`legendOverlaps`) does see a legend put over data.
@Suite("Legend placement never covers data")
struct LegendPlacementTests {
    /// Points in all four corners and at the top centre of the plot area: no candidate place is free.
    static var crowded: Plot {
        var plot = Plot(title: "crowded", x: Axis("x", range: 0...1), y: Axis("y", range: 0...1))
        plot.scatter("data", x: [0.02, 0.98, 0.02, 0.98, 0.5], y: [0.98, 0.98, 0.02, 0.02, 0.98])
        return plot
    }

    @Test(
        "no free corner: the legend goes right of the plot area, the SVG grows by its width, the plot area keeps its size"
    )
    func outsideWhenCrowded() throws {
        let svg = try parsedSVG(Self.crowded.svg())
        let legend = try #require(svg.all("g", class: "legend").first)
        #expect(legend.attributes["data-position"] == "outsideRight")
        // Legend width 44 + 7.2 · 4 ("data": 4 characters at 0.6 · 12 px) = 72.8; gap 10.
        #expect(svg.elements[0].attributes["width"] == "722.8")
        // The plot area: 640 − 80 − 24 = 536 wide, as without a legend.
        #expect(svg.all("rect", class: "frame").first?.attributes["width"] == "536")
        #expect(legendOverlaps(svg).isEmpty)
    }

    @Test("a free corner is used and the figure keeps its width")
    func insideWhenFree() throws {
        let rising = Plot.lines(title: "up", x: "x", y: "y", [Series("up", x: [0, 1], y: [0, 1])])
        let svg = try parsedSVG(rising.svg())
        #expect(svg.all("g", class: "legend").first?.attributes["data-position"] == "topLeft")
        #expect(svg.elements[0].attributes["width"] == "640")
        #expect(legendOverlaps(svg).isEmpty)
    }

    @Test("a heat map counts as data: a legend of paths over it goes outside")
    func heatMapIsData() throws {
        var plot = Plot(title: "bowl", x: "x", y: "y")
        plot.function(x: -1...1, y: -1...1) { $0 * $0 + $1 * $1 }
        plot.path("descent", x: [0.9, 0.5, 0.2], y: [0.9, 0.4, 0.1])
        let svg = try parsedSVG(plot.svg())
        #expect(svg.all("g", class: "legend").first?.attributes["data-position"] == "outsideRight")
        #expect(legendOverlaps(svg).isEmpty)
    }

    @Test("the check finds a legend forced over a line, a dot and a bar")
    func checkSeesOverlaps() throws {
        var line = Plot.lines(title: "up", x: "x", y: "y", [Series("up", x: [0, 1], y: [0, 1])])
        line.legend = .topRight  // the line ends in the top-right corner
        #expect(!legendOverlaps(try parsedSVG(line.svg())).isEmpty)
        var dots = Self.crowded
        dots.legend = .topLeft
        #expect(legendOverlaps(try parsedSVG(dots.svg())).contains { $0.contains("point") })
        var bars = Plot(title: "bars", x: "category", y: "value")
        bars.bars("value", categories: ["a", "b", "c"], values: [1, 1, 1])
        bars.legend = .topLeft
        #expect(legendOverlaps(try parsedSVG(bars.svg())).contains { $0.contains("bar") })
    }

    @Test("the check ignores what the plot area clips away")
    func clippedIsNotCovered() throws {
        // The line leaves the plot area to the right (x axis held to 0…1); an outside legend sits where the clipped part would be.
        var plot = Plot(title: "clipped", x: Axis("x", range: 0...1), y: Axis("y", range: 0...1))
        plot.line("beyond", x: [0, 3], y: [0.5, 0.5])
        plot.legend = .outsideRight
        #expect(legendOverlaps(try parsedSVG(plot.svg())).isEmpty)
    }
}

@Suite("One colour per series name")
struct LegendColourTests {
    @Test("legend entries are read with their colours, and a name drawn in two colours is reported")
    func mixedColours() throws {
        let first = Plot.lines(title: "a", x: "x", y: "y", [Series("train", y: [1, 2]), Series("test", y: [2, 1])])
        // The same names, the other way round: each takes the other's sequence colour.
        let second = Plot.lines(title: "b", x: "x", y: "y", [Series("test", y: [1, 2]), Series("train", y: [2, 1])])
        let a = try parsedSVG(first.svg()), b = try parsedSVG(second.svg())
        #expect(legendColours(a).map(\.label) == ["train", "test"])
        #expect(legendColours(a).map(\.colour) == ["#0072B2", "#E69F00"])
        #expect(inconsistentColours(["a": a, "b": b]).count == 2)
        #expect(inconsistentColours(["a": a, "a again": a]).isEmpty)
    }
}
