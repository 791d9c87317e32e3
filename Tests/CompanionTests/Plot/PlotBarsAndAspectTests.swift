import Foundation
import Testing

@testable import DLPresentation

/// Category bars mapped to pixels, equal-aspect heat maps that fill the plot
/// area, and terminal heat maps with several paths.
@Suite("Plot bars, equal-aspect heat maps, terminal paths")
struct PlotBarsAndAspectTests {
    static func bars(_ svg: ParsedSVG) -> [(x: Double, y: Double, width: Double, height: Double)] {
        svg.all("rect", class: "bar").map { bar in
            (
                Double(bar.attributes["x"]!)!, Double(bar.attributes["y"]!)!,
                Double(bar.attributes["width"]!)!, Double(bar.attributes["height"]!)!
            )
        }
    }

    @Test("bars on a linear axis: one per category, heights in pixels by hand, names as ticks")
    func linearBars() throws {
        var plot = Plot(title: "bars", x: "layer", y: Axis("value", range: 0...4))
        plot.bars(categories: ["a", "b", "c"], values: [1, 3, 2])
        let svg = try parsedSVG(plot.svg())
        let bars = PlotBarsAndAspectTests.bars(svg)
        #expect(bars.count == 3)
        // Plot area 80…616 × 48…380. y: 332 px for 4 units, 83 a unit; bar b reaches
        // 380 − 3 · 83 = 131, height 249. x: −0.5…2.5 over 536 px, 178.67 a unit; bar b
        // spans 1 ± 0.4: from 80 + 1.1 · 536/3 = 276.53, width 0.8 · 536/3 = 142.93.
        expectClose(bars[1].y, 131, absolute: 0.01, relative: 0)
        expectClose(bars[1].height, 249, absolute: 0.01, relative: 0)
        expectClose(bars[1].x, 80 + 1.1 * 536 / 3, absolute: 0.01, relative: 0)
        expectClose(bars[1].width, 0.8 * 536 / 3, absolute: 0.01, relative: 0)
        // Bar a: 83 high, from 380 − 83 = 297.
        expectClose(bars[0].y, 297, absolute: 0.01, relative: 0)
        #expect(svg.texts(class: "tick-label").prefix(3) == ["a", "b", "c"])
    }

    @Test("bars on a log axis start at its bottom; a value ≤ 0 gets no bar and a note")
    func logBars() throws {
        var plot = Plot(title: "errors", x: "layer", y: .log("error", range: 1e-10...1e-2))
        plot.bars(categories: ["W1", "b1", "W2", "b2"], values: [1e-8, 1e-6, 0, 1e-4])
        let svg = try parsedSVG(plot.svg())
        let bars = PlotBarsAndAspectTests.bars(svg)
        #expect(bars.count == 3)
        #expect(svg.texts(class: "note") == ["Note: bars: 1 bar skipped (≤ 0 on a log axis)"])
        // One note: plot bottom 440 − 60 − 16 = 364, height 316 for 8 decades (39.5 px each).
        // 1e-8 is 2 decades up: top 364 − 79 = 285; 1e-6: 364 − 158 = 206; 1e-4: 364 − 237 = 127.
        for (bar, top) in zip(bars, [285.0, 206, 127]) {
            expectClose(bar.y, top, absolute: 0.01, relative: 0)
            expectClose(bar.y + bar.height, 364, absolute: 0.01, relative: 0)
        }
    }

    @Test("two bar layers stand side by side; different categories or lengths throw")
    func groupedBars() throws {
        var plot = Plot(title: "two", x: "k", y: Axis("v", range: 0...2))
        plot.bars("first", categories: ["p", "q"], values: [1, 2])
        plot.bars("second", categories: ["p", "q"], values: [2, 1])
        let bars = PlotBarsAndAspectTests.bars(try parsedSVG(plot.svg()))
        // x: −0.5…1.5 over 536 px = 268 a unit; each bar 0.4 wide = 107.2 px. Category p:
        // first from −0.4 (80 + 0.1 · 268 = 106.8), second from 0 (80 + 0.5 · 268 = 214).
        #expect(bars.count == 4)
        expectClose(bars[0].x, 106.8, absolute: 0.01, relative: 0)
        expectClose(bars[2].x, 214, absolute: 0.01, relative: 0)
        expectClose(bars[0].width, 107.2, absolute: 0.01, relative: 0)
        var wrong = plot
        wrong.bars("third", categories: ["p", "r"], values: [1, 1])
        #expect(throws: PlotError.self) { try wrong.svg() }
        var short = Plot(title: "short", x: "k", y: "v")
        short.bars(categories: ["p", "q"], values: [1])
        #expect(throws: PlotError.self) { try short.svg() }
    }

    @Test("equal aspect: the heat map is sampled over the widened range and fills the plot area")
    func equalAspectHeatMap() throws {
        var plot = Plot(title: "round", x: "x", y: "y")
        plot.equalAspect = true
        plot.function(x: -1...1, y: -1...1, style: .heatMap) { x, y in x * x + y * y }
        plot.notes.append("a note added afterwards narrows the plot area a little")
        let svg = try parsedSVG(plot.svg())
        let cells = svg.all("rect", class: "cell")
        let left = cells.map { Double($0.attributes["x"]!)! }.min()!
        let right = cells.map { Double($0.attributes["x"]!)! + Double($0.attributes["width"]!)! }.max()!
        let top = cells.map { Double($0.attributes["y"]!)! }.min()!
        let bottom = cells.map { Double($0.attributes["y"]!)! + Double($0.attributes["height"]!)! }.max()!
        // Plot area: 80 … 640 − 24 − 76 = 540 across, 48 … 440 − 60 − 16 = 364 down.
        // x is widened (2/460 < 2/316 units a pixel): the cells must still reach both sides.
        #expect(left <= 80 && right >= 540 && top <= 48 && bottom >= 364)
        #expect(!cells.contains { $0.attributes["fill"] == "#DDDDDD" })
        // The x axis shows the widened range: 460 px at 316/2 = 158 px a unit is ±1.456,
        // so the ticks (step 0.5) reach ±1.
        let frame = svg.all("rect", class: "frame")[0]
        #expect(frame.attributes["width"] == "460")
    }

    @Test("terminal heat map: each path its own marker, named on the legend line")
    func terminalPaths() throws {
        // f = x + y on 0…1 × 0…1, 8 × 4 cells. Path a along the top row, b along the bottom.
        let a = Series("a", x: [0.05, 0.5, 0.95], y: [0.9, 0.9, 0.9])
        let b = Series("b", x: [0.05, 0.5, 0.95], y: [0.1, 0.1, 0.1])
        let lines = try TerminalChart.heatMap(x: 0...1, y: 0...1, width: 8, height: 4, paths: [a, b]) { x, y in x + y }
            .render()
        let rows = lines.prefix(4).map { Array($0.dropFirst(3)) }
        #expect(rows[0].first == "○" && rows[0].last == "●" && rows[0].dropFirst().dropLast().allSatisfy { $0 == "•" })
        #expect(rows[3].first == "○" && rows[3].last == "●" && rows[3].dropFirst().dropLast().allSatisfy { $0 == "×" })
        #expect(lines[6].contains("• a") && lines[6].contains("× b"))
    }
}

@Suite("Plot bars shortcut")
struct PlotBarsShortcutTests {
    @Test("Plot.bars: the one-liner draws the same bars as the layer, in the README's log form")
    func shortcut() throws {
        let plot = Plot.bars(
            title: "Gradient check per layer", x: "layer", y: .log("relative error"),
            categories: ["Linear", "tanh", "softmax"], values: [3e-9, 2e-10, 5e-8])
        let svg = try parsedSVG(plot.svg())
        #expect(svg.all("rect", class: "bar").map { $0.attributes["data-category"]! } == ["Linear", "tanh", "softmax"])
        // Bars grow with their values on the log axis: the tallest is softmax's 5e-8.
        let heights = svg.all("rect", class: "bar").map { Double($0.attributes["height"]!)! }
        #expect(heights[2] > heights[0] && heights[0] > heights[1] && heights[1] > 0)
        #expect(svg.texts(class: "tick-label").prefix(3) == ["Linear", "tanh", "softmax"])
    }
}
