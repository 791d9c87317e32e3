/// Small multiples: several plots (panels) in a grid in one SVG, under one
/// title, sharing their axes' ranges, so that series that would hide each
/// other in one plot each get a panel and can still be compared.
///
///     let panels = activations.map { activation in
///         Plot.lines(title: activation.name, x: "x", y: "φ(x)", [Series("", x: xs, y: xs.map(activation.apply))])
///     }
///     chapter.figure(Figure(title: "Activation functions φ(x)", columns: 3, panels: panels), name: "activations")
///
/// Panel k sits in row k / columns, column k % columns. Every panel keeps
/// its own title (class `panel-title`), axis labels, legend and notes; with
/// `sharesX` (`sharesY`) a panel whose axis has no range of its own gets
/// the union of all the panels' ranges on that axis (the axes must then
/// have the same scale). A column is as wide as its widest panel, a row as
/// tall as its tallest. The figure's own notes go under the grid.
public struct Figure: Sendable {
    public var title: String
    public var panels: [Plot]
    public var columns: Int
    public var sharesX = true
    public var sharesY = true
    /// Notes under the whole figure (each panel's own stay under the panel).
    public var notes: [String] = []

    /// Panels default to 360 × 270 pixels (a panel's own `width`/`height` are set here).
    public init(title: String, columns: Int, panels: [Plot], panelWidth: Double = 360, panelHeight: Double = 270) {
        self.title = title
        self.columns = columns
        self.panels = panels.map { panel in
            var sized = panel
            sized.width = panelWidth
            sized.height = panelHeight
            return sized
        }
    }

    /// Pixels above the panels for the figure's title.
    static let headerHeight = 40.0

    /// The figure as a standalone SVG file (see `render()`).
    public func svg() throws -> String {
        try render().svg
    }

    /// Checks and draws every panel. Throws `PlotError` when there is no
    /// panel, `columns` < 1, a shared axis mixes scales, or a panel cannot be drawn.
    public func render() throws -> RenderedFigure {
        guard !panels.isEmpty else { throw PlotError.emptyData("the figure '\(title)' has no panels") }
        guard columns >= 1 else {
            throw PlotError.invalidRange("the figure '\(title)' needs at least one column, not \(columns)")
        }
        let shared = try sharedPanels()
        let laidOut = try shared.map { try $0.layOut() }
        let rows = (laidOut.count + columns - 1) / columns
        let columnWidths = (0..<columns).map { column in
            stride(from: column, to: laidOut.count, by: columns).map { laidOut[$0].width }.max() ?? 0
        }
        let rowHeights = (0..<rows).map { row in
            laidOut[(row * columns)..<min((row + 1) * columns, laidOut.count)].map(\.height).max() ?? 0
        }
        let width = columnWidths.reduce(0, +)
        let noteLines = Plot.wrappedNotes(notes, width: width)
        let gridBottom = Figure.headerHeight + rowHeights.reduce(0, +)
        let height = gridBottom + (noteLines.isEmpty ? 0 : 8 + PlotLayout.noteLineHeight * Double(noteLines.count))
        var document = SVGDocument(width: width, height: height)
        document.element(
            "rect",
            [
                "x": "0", "y": "0", "width": SVGDocument.number(width), "height": SVGDocument.number(height),
                "fill": "#FFFFFF"
            ])
        document.element(
            "text",
            [
                "class": "title", "x": SVGDocument.number(width / 2), "y": "28", "text-anchor": "middle",
                "font-size": SVGDocument.number(PlotLayout.titleFontSize), "font-weight": "bold",
                "fill": "#222222"
            ], text: title)
        for (index, panel) in laidOut.enumerated() {
            let row = index / columns, column = index % columns
            let left = columnWidths[..<column].reduce(0, +), top = Figure.headerHeight + rowHeights[..<row].reduce(0, +)
            document.idPrefix = "panel\(index + 1)-"
            document.open(
                "g",
                ["class": "panel", "transform": "translate(\(SVGDocument.number(left)) \(SVGDocument.number(top)))"])
            shared[index].draw(panel, into: &document, titleClass: "panel-title")
            document.close("g")
        }
        for (index, line) in noteLines.enumerated() {
            document.element(
                "text",
                [
                    "class": "note", "x": SVGDocument.number(line.x),
                    "y": SVGDocument.number(gridBottom + 8 + 11 + PlotLayout.noteLineHeight * Double(index)),
                    "font-size": SVGDocument.number(PlotLayout.noteFontSize), "fill": "#555555"
                ], text: line.text)
        }
        return RenderedFigure(svg: document.text, notes: notes + laidOut.flatMap(\.prepared.notes))
    }

    /// The panels with the shared ranges filled in (see the type's comment).
    func sharedPanels() throws -> [Plot] {
        var shared = panels
        let ranges = try panels.map { try $0.axisRanges(PreparedPlot($0)) }
        func union(_ ranges: [ClosedRange<Double>]) -> ClosedRange<Double> {
            ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
        }
        if sharesX {
            guard Set(panels.map { $0.xAxis.scale == .log }).count == 1 else {
                throw PlotError.invalidRange("the panels of '\(title)' share the x axis but not its scale")
            }
            let x = union(ranges.map(\.x))
            for k in shared.indices where shared[k].xAxis.range == nil { shared[k].xAxis.range = x }
        }
        if sharesY {
            guard Set(panels.map { $0.yAxis.scale == .log }).count == 1 else {
                throw PlotError.invalidRange("the panels of '\(title)' share the y axis but not its scale")
            }
            let y = union(ranges.map(\.y))
            for k in shared.indices where shared[k].yAxis.range == nil { shared[k].yAxis.range = y }
        }
        return shared
    }
}
