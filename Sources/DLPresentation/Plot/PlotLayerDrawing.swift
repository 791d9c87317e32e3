/// Drawing the prepared layers, the legend and the colour bar into SVG.
/// Every element that carries data has a `class` naming what it is
/// (`series`, `point`, `bar`, `cell`, `cell-value`, `contour`, `path`,
/// `path-start`, `path-end`), so tests and readers of the SVG can find it.
extension PlotFrame {
    func draw(_ layer: PreparedPlot.Layer, into document: inout SVGDocument) {
        switch layer {
        case .function(let grid, let scale, let heatMap, let levels):
            if heatMap { drawCells(grid, scale, into: &document) }
            drawContours(grid, levels: levels, onHeatMap: heatMap, into: &document)
        case .matrix(let cells):
            drawMatrix(cells, into: &document)
        case .bars(let bins, let heights, let color):
            for k in heights.indices where heights[k] > 0 {
                let x0 = x.pixel(bins.edges[k]), x1 = x.pixel(bins.edges[k + 1])
                let y0 = y.pixel(0), y1 = y.pixel(heights[k])
                document.element(
                    "rect",
                    [
                        "class": "bar", "x": SVGDocument.number(min(x0, x1)), "y": SVGDocument.number(min(y0, y1)),
                        "width": SVGDocument.number(abs(x1 - x0)), "height": SVGDocument.number(abs(y1 - y0)),
                        "fill": color.description, "fill-opacity": "0.55",
                        "stroke": "#FFFFFF", "stroke-width": "0.5"
                    ])
            }
        case .categoryBars(let name, let values, let slot, let slots, let color):
            document.open("g", ["class": "bars", "data-name": name])
            for (k, rectangle) in categoryBarRectangles(values, slot: slot, slots: slots) {
                document.element(
                    "rect",
                    [
                        "class": "bar", "data-category": categories.map { $0[k] } ?? "",
                        "x": SVGDocument.number(rectangle.left), "y": SVGDocument.number(rectangle.top),
                        "width": SVGDocument.number(rectangle.width), "height": SVGDocument.number(rectangle.height),
                        "fill": color.description, "fill-opacity": "0.8", "stroke": "#FFFFFF", "stroke-width": "0.5"
                    ])
            }
            document.close("g")
        case .line(let cleaned, let color, let dash, let width, let dots):
            document.open("g", ["class": "series", "data-name": cleaned.name])
            for run in cleaned.runs {
                if run.count == 1 {
                    let (px, py) = pixel(run[0])
                    document.element(
                        "circle",
                        [
                            "class": "lone-point", "cx": SVGDocument.number(px), "cy": SVGDocument.number(py),
                            "r": "2.5", "fill": color.description
                        ])
                } else {
                    document.element(
                        "polyline",
                        [
                            "points": SVGDocument.pointList(run.map(pixel)), "fill": "none",
                            "stroke": color.description, "stroke-width": SVGDocument.number(width),
                            "stroke-linejoin": "round", "stroke-dasharray": dash.dashArray
                        ])
                }
            }
            if dots {
                for point in cleaned.points {
                    let (px, py) = pixel(point)
                    document.element(
                        "circle",
                        [
                            "class": "point", "cx": SVGDocument.number(px), "cy": SVGDocument.number(py), "r": "3",
                            "fill": color.description, "stroke": "#FFFFFF", "stroke-width": "0.5"
                        ])
                }
            }
            document.close("g")
        case .points(let points, let colors):
            for (point, color) in zip(points, colors) {
                let (px, py) = pixel(point)
                document.element(
                    "circle",
                    [
                        "class": "point", "cx": SVGDocument.number(px), "cy": SVGDocument.number(py),
                        "r": "3.5", "fill": color.description, "fill-opacity": "0.85",
                        "stroke": "#FFFFFF", "stroke-width": "0.5"
                    ])
            }
        case .path(let cleaned, let color):
            document.open("g", ["class": "path", "data-name": cleaned.name])
            for run in cleaned.runs where run.count > 1 {
                let points = SVGDocument.pointList(run.map(pixel))
                document.element(
                    "polyline",
                    [
                        "points": points, "fill": "none", "stroke": "#FFFFFF", "stroke-opacity": "0.8",
                        "stroke-width": "4.5", "stroke-linejoin": "round"
                    ])
                document.element(
                    "polyline",
                    [
                        "points": points, "fill": "none", "stroke": color.description,
                        "stroke-width": "2", "stroke-linejoin": "round"
                    ])
            }
            let all = cleaned.points
            if all.count > 2 && all.count <= Plot.maximumStepMarks {
                // One dot per step, as round caps of zero-length strokes: "M x y h0" per point keeps the file small.
                let dots = all.dropFirst().dropLast().map { point -> String in
                    let (px, py) = pixel(point)
                    return "M\(SVGDocument.number(px)) \(SVGDocument.number(py))h0"
                }.joined()
                document.element(
                    "path",
                    [
                        "class": "path-steps", "d": dots, "stroke": color.description, "stroke-width": "4",
                        "stroke-linecap": "round"
                    ])
            }
            for (point, kind) in [(all.first!, "path-start"), (all.last!, "path-end")] {
                let (px, py) = pixel(point)
                document.element(
                    "circle",
                    [
                        "class": kind, "cx": SVGDocument.number(px), "cy": SVGDocument.number(py), "r": "4.5",
                        "fill": kind == "path-end" ? color.description : "#FFFFFF",
                        "stroke": color.description, "stroke-width": "2"
                    ])
            }
            document.close("g")
        case .marker(let point):
            drawMarker(at: pixel(point), into: &document)
        }
    }

    /// A ring with a cross at `centre` (pixels): the mark of `Plot.marker`, in the plot and in the legend.
    func drawMarker(at centre: (Double, Double), into document: inout SVGDocument) {
        let (cx, cy) = centre
        document.element(
            "circle",
            [
                "class": "marker", "cx": SVGDocument.number(cx), "cy": SVGDocument.number(cy), "r": "5",
                "fill": "#FFFFFF", "fill-opacity": "0.7", "stroke": "#000000", "stroke-width": "1.5"
            ])
        document.element(
            "path",
            [
                "class": "marker-cross",
                "d": "M\(SVGDocument.number(cx - 3.5)) \(SVGDocument.number(cy))h7"
                    + "M\(SVGDocument.number(cx)) \(SVGDocument.number(cy - 3.5))v7", "stroke": "#000000",
                "stroke-width": "1.5"
            ])
    }

    /// The pixel rectangles of category bars, with their category index. The
    /// layer's bar k spans x = k − 0.4 + 0.8 · slot/slots … plus 0.8/slots,
    /// and y from its value to 0 (linear axis) or to the bottom of the axis (log).
    func categoryBarRectangles(_ values: [Double?], slot: Int, slots: Int)
        -> [(Int, (left: Double, top: Double, width: Double, height: Double))]
    {
        let base = y.pixel(y.scale == .log ? y.range.lowerBound : 0)
        let share = 0.8 / Double(max(slots, 1))
        return values.enumerated().compactMap { k, value in
            guard let value else { return nil }
            let x0 = x.pixel(Double(k) - 0.4 + share * Double(slot)),
                x1 = x.pixel(Double(k) - 0.4 + share * Double(slot + 1))
            let top = y.pixel(value)
            return (k, (min(x0, x1), min(top, base), abs(x1 - x0), abs(base - top)))
        }
    }

    /// Steps of viridis a heat map's cells are quantised to: runs of equal
    /// cells merge into one rectangle, so a fine grid stays a small file.
    static let heatMapShades = 40

    /// One rectangle per run of equally coloured cells in a row (colours
    /// quantised to `heatMapShades` steps of viridis); cells that cannot be coloured are grey.
    private func drawCells(_ grid: FunctionGrid, _ scale: ValueScale, into document: inout SVGDocument) {
        let top = Double(PlotFrame.heatMapShades - 1)
        func shade(_ value: Double) -> Int { scale.fraction(value).map { Int(($0 * top).rounded()) } ?? -1 }
        // Cells wholly outside the plot area (a grid sampled wider for equal aspect) are clipped anyway: skip them.
        func outside(_ a: Double, _ b: Double, _ low: Double, _ high: Double) -> Bool {
            max(a, b) < low || min(a, b) > high
        }
        let visibleColumns = (0..<grid.columns).filter {
            !outside(x.pixel(grid.xs[$0]), x.pixel(grid.xs[$0 + 1]), layout.left, layout.right)
        }
        guard let firstColumn = visibleColumns.first, let lastColumn = visibleColumns.last else { return }
        for j in 0..<grid.rows {
            let y0 = y.pixel(grid.ys[j]), y1 = y.pixel(grid.ys[j + 1])
            if outside(y0, y1, layout.top, layout.bottom) { continue }
            var i = firstColumn
            while i <= lastColumn {
                let level = shade(grid.cellValue(i, j))
                var end = i + 1
                while end <= lastColumn && shade(grid.cellValue(end, j)) == level { end += 1 }
                let x0 = x.pixel(grid.xs[i]), x1 = x.pixel(grid.xs[end])
                let fill = level < 0 ? "#DDDDDD" : Palette.viridis(Double(level) / top).description
                // Half a pixel of overlap hides the seams browsers draw between touching rectangles.
                document.element(
                    "rect",
                    [
                        "class": "cell", "x": SVGDocument.number(min(x0, x1)), "y": SVGDocument.number(min(y0, y1)),
                        "width": SVGDocument.number(abs(x1 - x0) + 0.5),
                        "height": SVGDocument.number(abs(y1 - y0) + 0.5),
                        "fill": fill
                    ])
                i = end
            }
        }
    }

    /// The marching-squares segments of the contour at `level`, in pixels.
    func contourSegments(_ grid: FunctionGrid, level: Double) -> [((Double, Double), (Double, Double))] {
        func gridPixel(_ point: (Double, Double)) -> (Double, Double) {
            func interpolate(_ nodes: [Double], _ mapping: AxisMapping, _ t: Double) -> Double {
                let k = min(Int(t), nodes.count - 2)
                let a = mapping.pixel(nodes[k]), b = mapping.pixel(nodes[k + 1])
                return a + (t - Double(k)) * (b - a)
            }
            return (interpolate(grid.xs, x, point.0), interpolate(grid.ys, y, point.1))
        }
        return MarchingSquares.segments(of: grid, level: level).map { (gridPixel($0.start), gridPixel($0.end)) }
    }

    /// The marching-squares segments joined into polylines where they share
    /// an end (to the 0.01 px the SVG writes): a contour is one unbroken line
    /// through the cells, and the file holds each point once.
    /// Segments of zero length (a contour through a grid node) are dropped.
    static func chained(_ all: [((Double, Double), (Double, Double))]) -> [[(Double, Double)]] {
        func key(_ point: (Double, Double)) -> String {
            SVGDocument.number(point.0) + " " + SVGDocument.number(point.1)
        }
        let segments = all.filter { key($0.0) != key($0.1) }
        var touching: [String: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            touching[key(segment.0), default: []].append(index)
            touching[key(segment.1), default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        /// Follows unused segments from `end` onward, appending their far ends.
        func extend(_ line: inout [(Double, Double)]) {
            while let next = touching[key(line.last!)]?.first(where: { !used[$0] }) {
                used[next] = true
                let segment = segments[next]
                line.append(key(segment.0) == key(line.last!) ? segment.1 : segment.0)
            }
        }
        var lines: [[(Double, Double)]] = []
        for index in segments.indices where !used[index] {
            used[index] = true
            var forward = [segments[index].0, segments[index].1]
            extend(&forward)
            var backward = [forward[0]]
            extend(&backward)
            lines.append(backward.reversed() + forward.dropFirst())
        }
        return lines
    }

    /// One `path` element per level: its contour lines, chained (`chained`).
    private func drawContours(_ grid: FunctionGrid, levels: [Double], onHeatMap: Bool, into document: inout SVGDocument)
    {
        for level in levels {
            let lines = PlotFrame.chained(contourSegments(grid, level: level))
            guard !lines.isEmpty else { continue }
            let data = lines.map { line -> String in
                "M" + line.map { "\(SVGDocument.number($0.0)) \(SVGDocument.number($0.1))" }.joined(separator: "L")
            }.joined()
            document.element(
                "path",
                [
                    "class": "contour", "data-level": Ticks.formatTick(level, decimals: 6), "d": data,
                    "fill": "none", "stroke": onHeatMap ? "#FFFFFF" : "#333333", "stroke-linejoin": "round",
                    "stroke-opacity": onHeatMap ? "0.8" : "0.75", "stroke-width": onHeatMap ? "1.1" : "1.2"
                ])
        }
    }

    /// A vertical viridis bar right of the plot area, labelled with ticks of
    /// the value range and, with `label`, the name of the value, turned up
    /// along its right edge (class `colour-bar-label`). With `missing`, the bar ends 24 px higher and a grey
    /// square (class `colour-bar-missing`) under it, level with the bottom of
    /// the plot area, is labelled `missing` (what grey cells stand for).
    func drawColourBar(
        _ scale: ValueScale, label: String? = nil, missing: String? = nil, into document: inout SVGDocument
    ) {
        let left = layout.right + 16, barWidth = 14.0
        let barBottom = missing == nil ? layout.bottom : layout.bottom - 24
        let stops = (0..<Palette.viridisAnchors.count).map { k -> String in
            let t = Double(k) / Double(Palette.viridisAnchors.count - 1)
            return SVGDocument.markup(
                "stop", ["offset": SVGDocument.number(t), "stop-color": Palette.viridisAnchors[k].description])
        }
        let gradient = document.identifier("viridis")
        document.define(
            "<linearGradient id=\"\(gradient)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">" + stops.joined()
                + "</linearGradient>")
        document.element(
            "rect",
            [
                "class": "colour-bar", "x": SVGDocument.number(left), "y": SVGDocument.number(layout.top),
                "width": SVGDocument.number(barWidth), "height": SVGDocument.number(barBottom - layout.top),
                "fill": "url(#\(gradient))", "stroke": "#333333", "stroke-width": "0.5"
            ])
        if let missing {
            document.element(
                "rect",
                [
                    "class": "colour-bar-missing", "x": SVGDocument.number(left),
                    "y": SVGDocument.number(layout.bottom - barWidth), "width": SVGDocument.number(barWidth),
                    "height": SVGDocument.number(barWidth), "fill": Palette.missing.description,
                    "stroke": "#333333", "stroke-width": "0.5"
                ])
            document.element(
                "text",
                [
                    "class": "colour-label", "x": SVGDocument.number(left + barWidth + 4),
                    "y": SVGDocument.number(layout.bottom - barWidth / 2 + 4),
                    "font-size": SVGDocument.number(PlotLayout.tickFontSize - 1), "fill": "#333333"
                ], text: missing)
        }
        let ticks: [Double]
        let mapping: AxisMapping?
        if scale.isConstant {
            ticks = [scale.range.lowerBound]
            mapping = nil
        } else {
            mapping = AxisMapping(scale: scale.scale, range: scale.range, start: barBottom, end: layout.top)
            ticks = Ticks.ticks(for: scale.scale, in: scale.range)
        }
        for (tick, text) in zip(ticks, Ticks.labels(for: ticks)) {
            let py = mapping?.pixel(tick) ?? (layout.top + barBottom) / 2
            document.element(
                "text",
                [
                    "class": "colour-label", "x": SVGDocument.number(left + barWidth + 4),
                    "y": SVGDocument.number(py + 4), "font-size": SVGDocument.number(PlotLayout.tickFontSize - 1),
                    "fill": "#333333"
                ], text: text)
        }
        if let label, !label.isEmpty {
            let labelX = SVGDocument.number(left + PlotLayout.colourBarWidth - 20),
                middle = SVGDocument.number((layout.top + barBottom) / 2)
            document.element(
                "text",
                [
                    "class": "colour-bar-label", "x": labelX, "y": middle, "text-anchor": "middle",
                    "transform": "rotate(-90 \(labelX) \(middle))",
                    "font-size": SVGDocument.number(PlotLayout.tickFontSize), "fill": "#222222"
                ], text: label)
        }
    }
}
