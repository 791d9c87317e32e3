import DLMath

extension Plot {
    /// A matrix as a heat map: one square per entry, coloured through
    /// viridis by its value (t = (v − min) / (max − min), or the same in
    /// log₁₀ v with `valueScale: .log`), with a colour bar. Row 0 is at the
    /// top, as the matrix is printed: entry (r, c) fills x ∈ c ± ½ and
    /// y ∈ (rows − 1 − r) ± ½, and `rowLabels[r]` / `columnLabels[c]`
    /// (default "0", "1", …; keep them short) are written beside the rows and
    /// under the columns. The axes must be linear; their labels name rows and columns.
    ///
    /// Cells that cannot be coloured are grey: on a log scale a 0 is drawn
    /// grey without a note, and a grey square under the colour bar reads "0";
    /// NaN, ±∞ and negative values (on a log scale) are grey too, with a note
    /// ("n/a" under the bar). With `showsValues`, each coloured cell also
    /// shows its value (integers plainly, others to three significant
    /// digits), black or white, whichever contrasts more with the fill;
    /// grey cells show none.
    ///
    ///     plot.matrix(confusion.counts.map { $0.map(Double.init) }, valueScale: .log, showsValues: true)
    public mutating func matrix(
        _ values: [[Double]], name: String = "matrix", rowLabels: [String]? = nil,
        columnLabels: [String]? = nil, valueScale: AxisScale = .linear, showsValues: Bool = false
    ) {
        append(
            .matrix(
                MatrixHeatMap(
                    values: values, name: name, rowLabels: rowLabels, columnLabels: columnLabels,
                    valueScale: valueScale, showsValues: showsValues)))
    }

    /// A `Matrix` as a heat map: see `matrix(_:name:rowLabels:columnLabels:valueScale:showsValues:)`.
    public mutating func matrix(
        _ values: Matrix, name: String = "matrix", rowLabels: [String]? = nil,
        columnLabels: [String]? = nil, valueScale: AxisScale = .linear, showsValues: Bool = false
    ) {
        matrix(
            values.rowArrays, name: name, rowLabels: rowLabels, columnLabels: columnLabels,
            valueScale: valueScale, showsValues: showsValues)
    }
}

/// A matrix heat map as asked for (checked when the plot is rendered).
struct MatrixHeatMap: Sendable {
    let values: [[Double]]
    let name: String
    let rowLabels: [String]?
    let columnLabels: [String]?
    let valueScale: AxisScale
    let showsValues: Bool
}

/// A matrix heat map after checking: entries row-major, the colour scale,
/// and the text of each cell (nil: none, for grey cells or without values).
struct MatrixCells {
    let rows: Int
    let columns: Int
    let values: [Double]
    let scale: ValueScale
    let texts: [String?]

    /// The value at row r, column c.
    func value(_ r: Int, _ c: Int) -> Double { values[r * columns + c] }

    /// The y coordinate of row r's centre: row 0 at the top.
    func rowPosition(_ r: Int) -> Double { Double(rows - 1 - r) }

    /// A cell's text: an integer plainly (|v| < 10¹⁵), else three significant digits.
    static func text(_ value: Double, integers: Bool) -> String {
        integers ? String(Int64(value)) : formatCompact(value, significantDigits: 3)
    }
}

extension PreparedPlot {
    /// Checks a matrix (rectangular, not empty, labels matching, linear axes),
    /// notes grey cells other than zeros on a log scale, and sets the row and
    /// column names and the colour bar.
    mutating func addMatrix(_ heatMap: MatrixHeatMap, xScale: AxisScale, yScale: AxisScale) throws {
        let label = "the matrix '\(heatMap.name)'"
        guard xScale == .linear, yScale == .linear else {
            throw PlotError.invalidRange("\(label) needs linear axes (its value scale may be log)")
        }
        let rows = heatMap.values.count, columns = heatMap.values.first?.count ?? 0
        guard rows > 0, columns > 0 else { throw PlotError.emptyData("\(label) has no entries") }
        guard heatMap.values.allSatisfy({ $0.count == columns }) else {
            throw PlotError.mismatchedLengths(
                "\(label) has rows of different lengths (\(Set(heatMap.values.map(\.count)).sorted()))")
        }
        let rowNames = heatMap.rowLabels ?? (0..<rows).map(String.init)
        let columnNames = heatMap.columnLabels ?? (0..<columns).map(String.init)
        guard rowNames.count == rows, columnNames.count == columns else {
            throw PlotError.mismatchedLengths(
                "\(label) is \(rows) × \(columns) but has \(rowNames.count) row and \(columnNames.count) column labels")
        }
        if let categories, categories != columnNames {
            throw PlotError.mismatchedLengths("\(label) has other columns than the layer before it")
        }
        if let rowCategories, rowCategories != rowNames {
            throw PlotError.mismatchedLengths("\(label) has other rows than the layer before it")
        }
        let values = heatMap.values.flatMap { $0 }
        let scale = try ValueScale(values: values, scale: heatMap.valueScale, what: label)
        let zeros = heatMap.valueScale == .log ? values.filter { $0 == 0 }.count : 0
        let unshown = values.filter { !heatMap.valueScale.accepts($0) }.count - zeros
        if unshown > 0 {
            let what = heatMap.valueScale == .log ? "not finite or < 0" : "not finite"
            notes.append("'\(heatMap.name)': \(unshown) of \(values.count) entries \(what) (grey)")
        }
        let integers = values.allSatisfy { !$0.isFinite || ($0 == $0.rounded() && abs($0) < 1e15) }
        let texts = values.map { value in
            heatMap.showsValues && heatMap.valueScale.accepts(value) ? MatrixCells.text(value, integers: integers) : nil
        }
        layers.append(.matrix(MatrixCells(rows: rows, columns: columns, values: values, scale: scale, texts: texts)))
        categories = columnNames
        rowCategories = rowNames
        xValues += [-0.5, Double(columns) - 0.5]
        yValues += [-0.5, Double(rows) - 0.5]
        tight = true
        if colourBar == nil {
            colourBar = scale
            colourBarMissing = zeros + unshown == 0 ? nil : unshown == 0 ? "0" : zeros == 0 ? "n/a" : "0, n/a"
        }
    }
}

extension PlotFrame {
    /// One rectangle per entry (class `cell`, thin white borders), coloured
    /// by viridis at the entry's fraction of the scale, grey when it has
    /// none; then each cell's text (class `cell-value`), centred, at the
    /// largest size up to 12 px that fits the longest text in a cell
    /// (`TextMetrics`), black or white by `PlotColor.readableText`.
    func drawMatrix(_ cells: MatrixCells, into document: inout SVGDocument) {
        let longest = cells.texts.compactMap { $0 }.map { TextMetrics.width($0, fontSize: 1) }.max() ?? 0
        // The white border of every cell is set once, on the group (a tiled image has thousands of cells).
        document.open("g", ["class": "matrix", "stroke": "#FFFFFF", "stroke-width": "1"])
        for r in 0..<cells.rows {
            let middle = cells.rowPosition(r)
            let y0 = y.pixel(middle - 0.5), y1 = y.pixel(middle + 0.5)
            for c in 0..<cells.columns {
                let x0 = x.pixel(Double(c) - 0.5), x1 = x.pixel(Double(c) + 0.5)
                let fill = cells.scale.fraction(cells.value(r, c)).map(Palette.viridis) ?? Palette.missing
                document.element(
                    "rect",
                    [
                        "class": "cell", "data-row": String(r), "data-column": String(c),
                        "x": SVGDocument.number(min(x0, x1)), "y": SVGDocument.number(min(y0, y1)),
                        "width": SVGDocument.number(abs(x1 - x0)), "height": SVGDocument.number(abs(y1 - y0)),
                        "fill": fill.description
                    ])
                guard let text = cells.texts[r * cells.columns + c] else { continue }
                let size = min(PlotLayout.tickFontSize, 0.5 * abs(y1 - y0), 0.85 * abs(x1 - x0) / longest)
                document.element(
                    "text",
                    [
                        "class": "cell-value", "x": SVGDocument.number((x0 + x1) / 2),
                        "y": SVGDocument.number((y0 + y1) / 2 + 0.35 * size), "text-anchor": "middle", "stroke": "none",
                        "font-size": SVGDocument.number(size), "fill": fill.readableText.description
                    ],
                    text: text)
            }
        }
        document.close("g")
    }
}
