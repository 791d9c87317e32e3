/// A rendered figure: the SVG text and the notes it carries (skipped data).
public struct RenderedFigure: Sendable {
    public let svg: String
    public let notes: [String]
}

extension Plot {
    /// The figure as a standalone SVG file (see `render()`).
    public func svg() throws -> String {
        try render().svg
    }

    /// Checks and draws the figure. Throws `PlotError` when there is nothing
    /// to draw (no layers, empty data, nothing finite), when lengths differ,
    /// or when a range is invalid. Every number in the SVG is finite.
    ///
    /// Notes are wrapped to the figure's width (`TextMetrics`); `height`
    /// holds one line per note, and each further line of a wrapped note adds
    /// `PlotLayout.noteLineHeight` to the SVG's height (the plot area keeps
    /// its size). A `.best` legend that finds no free place inside goes right
    /// of the plot area, and the SVG grows wider by its width (the plot area
    /// keeps its size).
    public func render() throws -> RenderedFigure {
        let laidOut = try layOut()
        var document = SVGDocument(width: laidOut.width, height: laidOut.height)
        document.element(
            "rect",
            [
                "x": "0", "y": "0", "width": SVGDocument.number(laidOut.width),
                "height": SVGDocument.number(laidOut.height), "fill": "#FFFFFF"
            ])
        draw(laidOut, into: &document)
        return RenderedFigure(svg: document.text, notes: laidOut.prepared.notes)
    }

    /// The ranges of the two axes before any equal-aspect widening: the
    /// given ones, or the data's (padded 4 %, none around a heat map).
    func axisRanges(_ prepared: PreparedPlot) throws -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let padding = prepared.tight ? 0 : 0.04
        let xRange = try resolvedRange(
            prepared.xValues, scale: xAxis.scale,
            given: xAxis.range ?? prepared.categories.map { -0.5...(Double($0.count) - 0.5) },
            padding: padding, axisName: "x")
        let yRange = try resolvedRange(
            prepared.yValues, scale: yAxis.scale,
            given: yAxis.range ?? prepared.rowCategories.map { -0.5...(Double($0.count) - 0.5) }, padding: padding,
            floor: prepared.barsFromZero ? 0 : nil, axisName: "y")
        return (xRange, yRange)
    }

    /// Everything decided before drawing: the checked layers, the frame, the
    /// legend's place, the wrapped notes and the size of the SVG.
    func layOut() throws -> LaidOutPlot {
        guard width >= 200, height >= 150, width.isFinite, height.isFinite else {
            throw PlotError.invalidRange("a figure must be at least 200 × 150 pixels, not \(width) × \(height)")
        }
        let prepared = try PreparedPlot(self)
        let (xRange, yRange) = try axisRanges(prepared)
        if equalAspect {
            guard xAxis.scale == .linear, yAxis.scale == .linear else {
                throw PlotError.invalidRange("equal aspect needs two linear axes")
            }
        }
        let legendSize = PlotFrame.legendSize(prepared.legend)
        /// The frame of a figure `extra` pixels wider, with `outside` pixels right of the plot area for the legend.
        func frame(extra: Double, outside: Double) -> PlotFrame {
            let layout = PlotLayout(
                width: width + extra, height: height, noteCount: prepared.notes.count,
                colourBar: prepared.colourBar != nil, outsideLegendWidth: outside)
            var (x, y) = (xRange, yRange)
            if equalAspect { (x, y) = PlotLayout.equalized(x, y, width: layout.plotWidth, height: layout.plotHeight) }
            return PlotFrame(
                layout: layout,
                x: AxisMapping(scale: xAxis.scale, range: x, start: layout.left, end: layout.right),
                y: AxisMapping(scale: yAxis.scale, range: y, start: layout.bottom, end: layout.top),
                categories: prepared.categories, rowCategories: prepared.rowCategories)
        }
        var position = legend
        var chosen = frame(
            extra: 0, outside: legend == .outsideRight && !prepared.legend.isEmpty ? legendSize.width : 0)
        if legend == .best && !prepared.legend.isEmpty {
            if let free = chosen.freeLegendPosition(size: legendSize, avoiding: prepared.layers) {
                position = free
            } else {
                position = .outsideRight
                chosen = frame(extra: legendSize.width + PlotLayout.legendGap, outside: legendSize.width)
            }
        }
        let noteLines = Plot.wrappedNotes(prepared.notes, width: chosen.layout.width)
        let totalHeight = height + PlotLayout.noteLineHeight * Double(noteLines.count - prepared.notes.count)
        return LaidOutPlot(
            prepared: prepared, frame: chosen, legendPosition: position, noteLines: noteLines,
            width: chosen.layout.width, height: totalHeight)
    }

    /// Draws a laid-out plot into `document` (in the document's coordinates;
    /// a panel of a `Figure` is drawn inside a translated group). The title
    /// has class `titleClass` (`title`, or `panel-title` in a `Figure`).
    func draw(_ laidOut: LaidOutPlot, into document: inout SVGDocument, titleClass: String = "title") {
        let frame = laidOut.frame, layout = frame.layout, prepared = laidOut.prepared
        let titleSize = titleClass == "title" ? PlotLayout.titleFontSize : PlotLayout.labelFontSize + 1
        document.element(
            "text",
            [
                "class": titleClass, "x": SVGDocument.number((layout.left + layout.right) / 2), "y": "30",
                "text-anchor": "middle", "font-size": SVGDocument.number(titleSize),
                "font-weight": "bold", "fill": "#222222"
            ], text: title)
        drawGrid(frame, into: &document)
        let clip = document.identifier("plot-area")
        document.define(
            "<clipPath id=\"\(clip)\">"
                + SVGDocument.markup(
                    "rect",
                    [
                        "x": SVGDocument.number(layout.left), "y": SVGDocument.number(layout.top),
                        "width": SVGDocument.number(layout.plotWidth),
                        "height": SVGDocument.number(layout.plotHeight)
                    ])
                + "</clipPath>")
        document.open("g", ["clip-path": "url(#\(clip))"])
        for layer in prepared.layers { frame.draw(layer, into: &document) }
        document.close("g")
        drawAxes(frame, into: &document)
        frame.drawLegend(prepared.legend, at: laidOut.legendPosition, into: &document)
        if let scale = prepared.colourBar {
            frame.drawColourBar(
                scale, label: prepared.colourBarLabel, missing: prepared.colourBarMissing, into: &document)
        }
        for (index, line) in laidOut.noteLines.enumerated() {
            document.element(
                "text",
                [
                    "class": "note", "x": SVGDocument.number(line.x),
                    "y": SVGDocument.number(
                        layout.bottom + PlotLayout.marginBottom + 11 + PlotLayout.noteLineHeight * Double(index)),
                    "font-size": SVGDocument.number(PlotLayout.noteFontSize), "fill": "#555555"
                ],
                text: line.text)
        }
    }

    /// Each note as "Note: …" wrapped to the width less 12 px either side;
    /// continuation lines are indented under the text after "Note: ".
    static func wrappedNotes(_ notes: [String], width: Double) -> [(x: Double, text: String)] {
        let font = PlotLayout.noteFontSize, indent = TextMetrics.width("Note: ", fontSize: font)
        return notes.flatMap { note -> [(x: Double, text: String)] in
            let lines = TextMetrics.wrapped(note, width: width - 24 - indent, fontSize: font)
            return lines.enumerated().map { index, line in index == 0 ? (12, "Note: " + line) : (12 + indent, line) }
        }
    }

    /// Light grid lines at the ticks, under the data.
    private func drawGrid(_ frame: PlotFrame, into document: inout SVGDocument) {
        let layout = frame.layout
        for tick in frame.categories == nil ? Ticks.ticks(for: frame.x.scale, in: frame.x.range) : [] {
            let px = SVGDocument.number(frame.x.pixel(tick))
            document.element(
                "line",
                [
                    "class": "grid", "x1": px, "x2": px, "y1": SVGDocument.number(layout.top),
                    "y2": SVGDocument.number(layout.bottom), "stroke": "#E6E6E6", "stroke-width": "1"
                ])
        }
        for tick in frame.rowCategories == nil ? Ticks.ticks(for: frame.y.scale, in: frame.y.range) : [] {
            let py = SVGDocument.number(frame.y.pixel(tick))
            document.element(
                "line",
                [
                    "class": "grid", "x1": SVGDocument.number(layout.left), "x2": SVGDocument.number(layout.right),
                    "y1": py, "y2": py, "stroke": "#E6E6E6", "stroke-width": "1"
                ])
        }
    }

    /// The frame, tick marks, tick labels and axis labels.
    private func drawAxes(_ frame: PlotFrame, into document: inout SVGDocument) {
        let layout = frame.layout
        document.element(
            "rect",
            [
                "class": "frame", "x": SVGDocument.number(layout.left), "y": SVGDocument.number(layout.top),
                "width": SVGDocument.number(layout.plotWidth), "height": SVGDocument.number(layout.plotHeight),
                "fill": "none", "stroke": "#333333", "stroke-width": "1"
            ])
        let tickFont = SVGDocument.number(PlotLayout.tickFontSize)
        let xTicks =
            frame.categories.map { $0.indices.map(Double.init) } ?? Ticks.ticks(for: frame.x.scale, in: frame.x.range)
        for (tick, label) in zip(xTicks, frame.categories ?? Ticks.labels(for: xTicks)) {
            let px = SVGDocument.number(frame.x.pixel(tick))
            document.element(
                "line",
                [
                    "class": "tick", "x1": px, "x2": px, "y1": SVGDocument.number(layout.bottom),
                    "y2": SVGDocument.number(layout.bottom + 5), "stroke": "#333333"
                ])
            document.element(
                "text",
                [
                    "class": "tick-label", "x": px, "y": SVGDocument.number(layout.bottom + 20),
                    "text-anchor": "middle", "font-size": tickFont, "fill": "#333333"
                ], text: label)
        }
        if frame.x.scale == .log {
            for tick in Ticks.minorLogarithmic(in: frame.x.range) {
                let px = SVGDocument.number(frame.x.pixel(tick))
                document.element(
                    "line",
                    [
                        "class": "minor-tick", "x1": px, "x2": px, "y1": SVGDocument.number(layout.bottom),
                        "y2": SVGDocument.number(layout.bottom + 3), "stroke": "#333333"
                    ])
            }
        }
        if frame.y.scale == .log {
            for tick in Ticks.minorLogarithmic(in: frame.y.range) {
                let py = SVGDocument.number(frame.y.pixel(tick))
                document.element(
                    "line",
                    [
                        "class": "minor-tick", "x1": SVGDocument.number(layout.left - 3),
                        "x2": SVGDocument.number(layout.left),
                        "y1": py, "y2": py, "stroke": "#333333"
                    ])
            }
        }
        // Row names: row 0 at the top, so row r sits at y = n − 1 − r.
        let yTicks =
            frame.rowCategories.map { $0.indices.reversed().map(Double.init) }
            ?? Ticks.ticks(for: frame.y.scale, in: frame.y.range)
        for (tick, label) in zip(yTicks, frame.rowCategories ?? Ticks.labels(for: yTicks)) {
            let py = frame.y.pixel(tick)
            document.element(
                "line",
                [
                    "class": "tick", "x1": SVGDocument.number(layout.left - 5), "x2": SVGDocument.number(layout.left),
                    "y1": SVGDocument.number(py), "y2": SVGDocument.number(py), "stroke": "#333333"
                ])
            document.element(
                "text",
                [
                    "class": "tick-label", "x": SVGDocument.number(layout.left - 8), "y": SVGDocument.number(py + 4),
                    "text-anchor": "end", "font-size": tickFont, "fill": "#333333"
                ], text: label)
        }
        let labelFont = SVGDocument.number(PlotLayout.labelFontSize)
        document.element(
            "text",
            [
                "class": "x-label", "x": SVGDocument.number((layout.left + layout.right) / 2),
                "y": SVGDocument.number(layout.bottom + 44), "text-anchor": "middle",
                "font-size": labelFont, "fill": "#222222"
            ], text: xAxis.label)
        let middle = SVGDocument.number((layout.top + layout.bottom) / 2)
        document.element(
            "text",
            [
                "class": "y-label", "x": "22", "y": middle, "text-anchor": "middle",
                "transform": "rotate(-90 22 \(middle))", "font-size": labelFont, "fill": "#222222"
            ],
            text: yAxis.label)
    }
}

/// A plot ready to draw: see `Plot.layOut()`.
struct LaidOutPlot {
    let prepared: PreparedPlot
    let frame: PlotFrame
    /// Where the legend goes (`.best` resolved).
    let legendPosition: Plot.LegendPosition
    let noteLines: [(x: Double, text: String)]
    /// The size of the SVG (wider than `Plot.width` when the legend went outside; taller with wrapped notes).
    let width: Double
    let height: Double
}

/// The plot area with its two axis mappings: data → pixels.
struct PlotFrame {
    let layout: PlotLayout
    let x: AxisMapping
    let y: AxisMapping
    /// Names written under x = 0, 1, … instead of numeric ticks (category bars, a matrix's columns).
    var categories: [String]? = nil
    /// Names written beside y = n − 1, …, 0 instead of numeric ticks (a matrix's rows, top first).
    var rowCategories: [String]? = nil

    func pixel(_ point: PlotPoint) -> (Double, Double) { (x.pixel(point.x), y.pixel(point.y)) }
}
