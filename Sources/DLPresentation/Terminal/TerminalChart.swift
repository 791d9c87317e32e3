import DLMath

/// A compact chart for the terminal, printed inline by `chapter.chart(_:)`:
/// a line chart of one or more series, a one-line sparkline, or a heat map
/// of a function of two variables (with paths on top).
///
///     chapter.chart(.lines([Series("train", y: train), Series("test", y: test)], title: "loss", yScale: .log))
///     chapter.chart(.sparkline(losses, label: "loss"))
///     chapter.chart(.heatMap(title: "f(x, y)", x: -2...2, y: -1...3, paths: [adamPath]) { x, y in rosenbrock(x, y) })
///
/// `render()` returns the lines; it throws `PlotError` for empty data, and
/// skips NaN, ±∞ (and values ≤ 0 on a log scale) with a note line saying so.
public struct TerminalChart: Sendable {
    enum Content: Sendable {
        case lines([Series], yScale: AxisScale)
        case sparkline([Double], label: String?)
        case heatMap(Result<FunctionGrid, PlotError>, paths: [Series], valueScale: AxisScale)
    }

    let content: Content
    public var title: String?
    /// Columns and rows of the drawing area (frame and labels come on top).
    public var width: Int
    public var height: Int

    /// Series markers, in order.
    static let markers: [Character] = ["•", "○", "×", "+", "◆", "▲"]
    /// Heat-map shades from low to high.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    /// Sparkline bars from low to high.
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A line chart: each series drawn with its own marker (• ○ × + ◆ ▲),
    /// consecutive points joined; x from the data's extent, y too (or log₁₀ of y).
    public static func lines(
        _ series: [Series], title: String? = nil, yScale: AxisScale = .linear,
        width: Int = 60, height: Int = 12
    ) -> TerminalChart {
        TerminalChart(content: .lines(series, yScale: yScale), title: title, width: width, height: height)
    }

    /// One line: `label ▇▅▃▂▁▁  min … max`; at most `width` bars (longer
    /// series are averaged in equal buckets).
    public static func sparkline(_ values: [Double], label: String? = nil, width: Int = 60) -> TerminalChart {
        TerminalChart(content: .sparkline(values, label: label), title: nil, width: width, height: 1)
    }

    /// A heat map of f over `x` × `y`: one character per cell, shaded
    /// ` ░▒▓█` from low to high (by log₁₀ with `valueScale: .log`), paths
    /// marked ○ (start), ● (end) and each its own marker (• × + ◆ ▲ ■) between,
    /// named on the legend line.
    public static func heatMap(
        title: String? = nil, x: ClosedRange<Double>, y: ClosedRange<Double>,
        width: Int = 48, height: Int = 16, valueScale: AxisScale = .linear,
        paths: [Series] = [], _ function: (Double, Double) -> Double
    ) -> TerminalChart {
        let grid: Result<FunctionGrid, PlotError>
        do {
            grid = .success(
                try FunctionGrid(x: x, y: y, columns: max(width, 1), rows: max(height, 1), function: function))
        } catch {
            grid = .failure(error as? PlotError ?? .invalidRange("\(error)"))
        }
        return TerminalChart(
            content: .heatMap(grid, paths: paths, valueScale: valueScale), title: title, width: width, height: height)
    }

    /// The chart as lines of text.
    public func render() throws -> [String] {
        guard width >= 2, height >= 1 else {
            throw PlotError.invalidRange("a terminal chart needs at least 2 × 1 cells, not \(width) × \(height)")
        }
        switch content {
        case .lines(let series, let yScale):
            return try renderLines(series, yScale: yScale)
        case .sparkline(let values, let label):
            return [try renderSparkline(values, label: label)]
        case .heatMap(let grid, let paths, let valueScale):
            return try renderHeatMap(try grid.get(), paths: paths, valueScale: valueScale)
        }
    }

    private func renderLines(_ series: [Series], yScale: AxisScale) throws -> [String] {
        guard !series.isEmpty else { throw PlotError.emptyData("a terminal line chart needs at least one series") }
        let cleaned = try series.map { try $0.cleaned(xScale: .linear, yScale: yScale) }
        let points = cleaned.flatMap(\.points)
        let xRange = try resolvedRange(points.map(\.x), scale: .linear, given: nil, padding: 0, axisName: "x")
        let yRange = try resolvedRange(points.map(\.y), scale: yScale, given: nil, padding: 0, axisName: "y")
        let columns = AxisMapping(scale: .linear, range: xRange, start: 0, end: Double(width - 1))
        let rows = AxisMapping(scale: yScale, range: yRange, start: Double(height - 1), end: 0)
        var canvas = TerminalCanvas(width: width, height: height)
        for (index, one) in cleaned.enumerated() {
            let mark = TerminalChart.markers[index % TerminalChart.markers.count]
            for run in one.runs {
                let cells = run.map { (Int(columns.pixel($0.x).rounded()), Int(rows.pixel($0.y).rounded())) }
                for (a, b) in zip(cells, cells.dropFirst()) { canvas.segment(from: a, to: b, mark) }
                if cells.count == 1 { canvas.set(cells[0].0, cells[0].1, mark) }
            }
        }
        let middleValue =
            yScale == .linear
            ? (yRange.lowerBound + yRange.upperBound) / 2
            : (yRange.lowerBound * yRange.upperBound).squareRoot()
        var lines = title.map { [$0] } ?? []
        lines += canvas.framed(
            top: label(yRange.upperBound), middle: label(middleValue), bottom: label(yRange.lowerBound),
            xLow: label(xRange.lowerBound), xHigh: label(xRange.upperBound))
        let named = cleaned.enumerated().filter { !$0.element.name.isEmpty }
        if !named.isEmpty {
            lines.append(
                named.map { "\(TerminalChart.markers[$0.offset % TerminalChart.markers.count]) \($0.element.name)" }
                    .joined(separator: "   ") + (yScale == .log ? "   (log scale)" : ""))
        }
        lines += cleaned.flatMap(\.notes).map { "note: " + $0 }
        return lines
    }

    private func renderSparkline(_ values: [Double], label: String?) throws -> String {
        guard !values.isEmpty else { throw PlotError.emptyData("a sparkline needs at least one value") }
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            throw PlotError.emptyData("a sparkline of \(values.count) values has no finite one")
        }
        // Equal buckets of the series when it is longer than the width; a bucket's bar is its finite mean.
        let count = min(values.count, width)
        let buckets = (0..<count).map { k -> Double in
            let slice = values[(k * values.count / count)..<((k + 1) * values.count / count)].filter(\.isFinite)
            return slice.isEmpty ? .nan : slice.reduce(0, +) / Double(slice.count)
        }
        let top = TerminalChart.bars.count - 1
        let line = String(
            buckets.map { value -> Character in
                guard value.isFinite else { return " " }
                let t = high > low ? (value - low) / (high - low) : 0.5
                return TerminalChart.bars[min(max(Int((t * Double(top)).rounded()), 0), top)]
            })
        let skipped = values.count - finite.count
        return (label.map { $0 + "  " } ?? "") + line + "  min \(self.label(low)) · max \(self.label(high))"
            + (skipped > 0 ? "  (\(skipped) NaN or infinite skipped)" : "")
    }

    func label(_ value: Double) -> String {
        formatCompact(value, significantDigits: 3)
    }
}
