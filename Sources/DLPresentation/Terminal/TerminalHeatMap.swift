extension TerminalChart {
    /// One shade per grid cell (top row = largest y), cells that cannot be
    /// shown as `·`, paths drawn over the cells (path k with marker
    /// `pathMarkers[k]`, cycling; ○ start, ● end), then a legend line naming
    /// the shades and each path's marker.
    func renderHeatMap(_ grid: FunctionGrid, paths: [Series], valueScale: AxisScale) throws -> [String] {
        let cellValues = grid.cellValues
        let scale = try ValueScale(values: cellValues, scale: valueScale, what: "the heat map")
        var canvas = TerminalCanvas(width: grid.columns, height: grid.rows)
        let top = TerminalChart.shades.count - 1
        for j in 0..<grid.rows {
            for i in 0..<grid.columns {
                let mark =
                    scale.fraction(grid.cellValue(i, j)).map {
                        TerminalChart.shades[min(Int($0 * Double(top + 1)), top)]
                    } ?? "·"
                canvas.set(i, grid.rows - 1 - j, mark)
            }
        }
        let xRange = grid.xs.first!...grid.xs.last!, yRange = grid.ys.first!...grid.ys.last!
        let columns = AxisMapping(scale: .linear, range: xRange, start: 0, end: Double(grid.columns))
        let rows = AxisMapping(scale: .linear, range: yRange, start: Double(grid.rows), end: 0)
        var notes: [String] = []
        for (index, path) in paths.enumerated() {
            let mark = TerminalChart.pathMarker(index)
            let cleaned = try path.cleaned(xScale: .linear, yScale: .linear)
            notes += cleaned.notes
            func cell(_ point: PlotPoint) -> (Int, Int) {
                (
                    min(Int(columns.pixel(point.x).rounded(.down)), grid.columns - 1),
                    min(Int(rows.pixel(point.y).rounded(.down)), grid.rows - 1)
                )
            }
            for run in cleaned.runs {
                let cells = run.map(cell)
                for (a, b) in zip(cells, cells.dropFirst()) { canvas.segment(from: a, to: b, mark) }
            }
            let all = cleaned.points
            canvas.set(cell(all.first!).0, cell(all.first!).1, "○")
            canvas.set(cell(all.last!).0, cell(all.last!).1, "●")
        }
        var lines = title.map { [$0] } ?? []
        lines += canvas.framed(
            top: label(yRange.upperBound), middle: nil, bottom: label(yRange.lowerBound),
            xLow: label(xRange.lowerBound), xHigh: label(xRange.upperBound))
        let shadeKey = String(TerminalChart.shades.dropFirst())
        lines.append(
            "shade \(shadeKey): low → high, \(label(scale.range.lowerBound)) … \(label(scale.range.upperBound))"
                + (valueScale == .log ? " (log scale)" : "")
                + pathLegend(paths))
        let hidden = cellValues.filter { scale.fraction($0) == nil }.count
        if hidden > 0 {
            notes.insert(
                "\(hidden) of \(cellValues.count) cells not finite\(valueScale == .log ? " or ≤ 0" : "") (shown ·)",
                at: 0)
        }
        lines += notes.map { "note: " + $0 }
        return lines
    }

    /// Path markers: ○ and ● are kept for the start and end of every path.
    static let pathMarkers: [Character] = ["•", "×", "+", "◆", "▲", "■"]

    static func pathMarker(_ index: Int) -> Character { pathMarkers[index % pathMarkers.count] }

    /// `   path: ○ start • … ● end` for one unnamed path, else
    /// `   paths: ○ start, ● end; • SGD  × momentum` (an unnamed path is called `path k`).
    func pathLegend(_ paths: [Series]) -> String {
        if paths.isEmpty { return "" }
        if paths.count == 1 && paths[0].name.isEmpty { return "   path: ○ start • … ● end" }
        let names = paths.enumerated().map { index, path in
            "\(TerminalChart.pathMarker(index)) \(path.name.isEmpty ? "path \(index + 1)" : path.name)"
        }
        return "   paths: ○ start, ● end; " + names.joined(separator: "  ")
    }
}
