import Testing

@testable import DLPresentation

@Suite("Terminal charts")
struct TerminalChartTests {
    @Test("a line chart: height + 2 lines of equal width, a legend, the marker on the diagonal")
    func lineChart() throws {
        let xs = (0...9).map(Double.init)
        let lines = try TerminalChart.lines([Series("y = x", x: xs, y: xs)], width: 10, height: 10).render()
        // 10 grid rows, the x axis, the x labels, the legend.
        #expect(lines.count == 13)
        let frame = lines.prefix(12)
        #expect(Set(frame.map(\.count)).count == 1, "ragged chart: \(frame)")
        // Gutter: labels 9, 4.5, 0 are at most 3 wide, then " ┤" or " │": 5 characters.
        #expect(frame.map(\.count).first == 5 + 10)
        // y = x on a 10 × 10 grid: column c holds the marker in row 9 − c.
        for row in 0..<10 {
            let cells = Array(lines[row].dropFirst(5))
            #expect(cells.indices.filter { cells[$0] == "•" } == [9 - row], "row \(row): \(lines[row])")
        }
        #expect(lines[0].hasPrefix("  9 ┤") && lines[9].hasPrefix("  0 ┤"))
        #expect(lines[10] == "    └" + String(repeating: "─", count: 10))
        #expect(lines[12] == "• y = x")
    }

    @Test("two series get different markers; NaN is skipped and noted")
    func twoSeries() throws {
        let lines = try TerminalChart.lines(
            [Series("a", y: [0, 1, 2]), Series("b", y: [2, .nan, 0])],
            title: "two", width: 12, height: 5
        ).render()
        #expect(lines.first == "two")
        let grid = lines[1...5].joined()
        #expect(grid.contains("•") && grid.contains("○"))
        #expect(lines.contains("• a   ○ b"))
        #expect(lines.last == "note: 'b': 1 point skipped (NaN or infinite)")
    }

    @Test("a sparkline: one bar per value from ▁ to █, NaN as a gap")
    func sparkline() throws {
        // 0…7 maps t = k/7 onto the eight bars exactly.
        let line = try TerminalChart.sparkline((0...7).map(Double.init), label: "k").render()
        #expect(line == ["k  ▁▂▃▄▅▆▇█  min 0 · max 7"])
        let gap = try TerminalChart.sparkline([1, .nan, 3]).render()[0]
        #expect(gap.hasPrefix("▁ █") && gap.hasSuffix("(1 NaN or infinite skipped)"))
        // A constant series sits in the middle; 120 values fold into 60 bars.
        #expect(try TerminalChart.sparkline([5, 5, 5]).render()[0].hasPrefix("▅▅▅"))
        #expect(try TerminalChart.sparkline((0..<120).map(Double.init)).render()[0].prefix(60).count == 60)
        #expect(throws: PlotError.self) { try TerminalChart.sparkline([]).render() }
    }

    @Test("a heat map: one shade per cell, low at the bottom left, paths marked")
    func heatMap() throws {
        // f = x + y on 0…1 × 0…1 with 8 × 4 cells: the smallest cell is bottom left,
        // the largest top right.
        let path = Series("p", x: [0.05, 0.95], y: [0.9, 0.9])
        let lines = try TerminalChart.heatMap(x: 0...1, y: 0...1, width: 8, height: 4, paths: [path]) { x, y in x + y }
            .render()
        #expect(lines.count == 4 + 2 + 1)
        #expect(Set(lines.prefix(6).map(\.count)).count == 1)
        let rows = lines.prefix(4).map { Array($0.dropFirst(3)) }  // gutter "1 ┤" is 3 wide
        #expect(rows[3][0] == " ")  // lowest value: blank
        #expect(rows[1][7] == "█")  // near the top right: full
        // The path runs along the top row from ○ to ●.
        #expect(rows[0].first == "○" && rows[0].last == "●")
        #expect(lines[6].contains("low → high"))
    }

    @Test("degenerate series: constant, a single point, all NaN, none")
    func degenerate() throws {
        // A constant 2 gets the range 2 ± 0.2: the line runs along the middle row (5 of 0…10).
        let constant = try TerminalChart.lines([Series("c", y: [2, 2, 2])], width: 9, height: 11).render()
        #expect(Array(constant[5].suffix(9)) == Array(repeating: "•", count: 9))
        // One point at x = 0 (range ±1) lands in the middle column and row.
        let single = try TerminalChart.lines([Series("p", x: [0], y: [0])], width: 9, height: 5).render()
        #expect(single[2].hasSuffix("┤    •    "))
        #expect(throws: PlotError.self) { try TerminalChart.lines([Series("n", y: [.nan])]).render() }
        #expect(throws: PlotError.self) { try TerminalChart.lines([]).render() }
        #expect(throws: PlotError.self) { try TerminalChart.heatMap(x: 0...1, y: 0...1) { _, _ in .infinity }.render() }
    }
}
