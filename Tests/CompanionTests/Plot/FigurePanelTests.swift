import Foundation
import Testing

@testable import DLPresentation

/// Small multiples (`Figure`): panels in a grid of one SVG, sharing ranges.
@Suite("Figures of several panels")
struct FigurePanelTests {
    static func panel(_ title: String, _ ys: [Double]) -> Plot {
        Plot.lines(title: title, x: "x", y: "y", [Series("", y: ys)])
    }

    @Test("panels sit in a grid under one title, each in its own translated group with its own clip path")
    func grid() throws {
        let figure = Figure(
            title: "three", columns: 2,
            panels: [Self.panel("a", [0, 1]), Self.panel("b", [0, 2]), Self.panel("c", [1, 0])])
        let svg = try parsedSVG(figure.svg())
        #expect(svg.texts(class: "title") == ["three"])
        #expect(svg.texts(class: "panel-title") == ["a", "b", "c"])
        // 360 × 270 panels, 2 columns and 2 rows, under a 40-px header.
        #expect(
            svg.all("g", class: "panel").map { $0.attributes["transform"]! } == [
                "translate(0 40)", "translate(360 40)", "translate(0 310)"
            ])
        #expect(svg.elements[0].attributes["width"] == "720" && svg.elements[0].attributes["height"] == "580")
        let clips = svg.all("clipPath").compactMap { $0.attributes["id"] }
        #expect(clips == ["panel1-plot-area", "panel2-plot-area", "panel3-plot-area"])
    }

    @Test("shared axes: every panel gets the union of the ranges, so equal values sit at equal heights")
    func sharedRanges() throws {
        let figure = Figure(
            title: "shared", columns: 2, panels: [Self.panel("small", [0, 1]), Self.panel("large", [0, 4])])
        let svg = try parsedSVG(figure.svg())
        let lines = svg.all("polyline").map(ParsedSVG.points)
        // Both start at y = 0: the same pixel row in both panels.
        #expect(lines.count == 2 && lines[0][0].1 == lines[1][0].1)
        // The y tick labels agree (right-aligned ones are the y axis's).
        let ticks = svg.elements.indices.filter {
            svg.elements[$0].classes == "tick-label" && svg.elements[$0].attributes["text-anchor"] == "end"
        }
        let perPanel = Dictionary(grouping: ticks) {
            svg.ancestors(of: $0).first { svg.elements[$0].classes == "panel" }!
        }
        .values.map { $0.map { svg.elements[$0].text } }
        #expect(perPanel.count == 2 && perPanel[0] == perPanel[1] && perPanel[0].last == "4")
    }

    @Test("no panels, no columns, mixed scales on a shared axis: PlotError")
    func errors() throws {
        #expect(throws: PlotError.self) { try Figure(title: "none", columns: 1, panels: []).render() }
        #expect(throws: PlotError.self) {
            try Figure(title: "zero", columns: 0, panels: [Self.panel("a", [1, 2])]).render()
        }
        let logPanel = Plot.lines(title: "log", x: "x", y: .log("y"), [Series("", y: [1, 10])])
        #expect(throws: PlotError.self) {
            try Figure(title: "mixed", columns: 2, panels: [Self.panel("a", [1, 2]), logPanel]).render()
        }
    }
}
