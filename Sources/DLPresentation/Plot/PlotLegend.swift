/// The legend: a box of entries in a corner of the plot area, at the middle
/// of its top edge, or outside right of it. `.best` takes the first of
/// top right, top left, bottom right, bottom left, top centre whose box,
/// with `legendClearance` around it, touches no data at all (no point
/// inside, no segment of a line, path or contour line crossing it, no bar
/// overlapping it, no heat map under it); when every one touches some, the
/// legend goes right of the plot area and the figure grows wider
/// (`Plot.layOut()`): a legend never covers data.
extension PlotFrame {
    static let legendRowHeight = 18.0

    /// Width and height of the legend box: 44 px for the mark and padding
    /// plus the longest name's estimated width (`TextMetrics`); one row per entry.
    static func legendSize(_ entries: [PreparedPlot.LegendEntry]) -> (width: Double, height: Double) {
        let longest = entries.map { TextMetrics.width($0.name, fontSize: PlotLayout.tickFontSize) }.max() ?? 0
        return (44 + longest, 8 + legendRowHeight * Double(entries.count))
    }

    /// The top-left corner of the legend box at `position` (`.best` is resolved before).
    func legendOrigin(_ position: Plot.LegendPosition, width boxWidth: Double, height boxHeight: Double) -> (
        left: Double, top: Double
    ) {
        switch position {
        case .topLeft: return (layout.left + 10, layout.top + 10)
        case .bottomLeft: return (layout.left + 10, layout.bottom - 10 - boxHeight)
        case .bottomRight: return (layout.right - 10 - boxWidth, layout.bottom - 10 - boxHeight)
        case .topCenter: return ((layout.left + layout.right - boxWidth) / 2, layout.top + 10)
        case .outsideRight: return (layout.outsideLegendLeft, layout.top)
        case .topRight, .best: return (layout.right - 10 - boxWidth, layout.top + 10)
        }
    }

    /// The first of top right, top left, bottom right, bottom left and top
    /// centre where the legend box (with `legendClearance` around it) touches
    /// no data; nil when every one touches some (the legend then goes outside).
    func freeLegendPosition(size: (width: Double, height: Double), avoiding layers: [PreparedPlot.Layer]) -> Plot
        .LegendPosition?
    {
        let candidates: [Plot.LegendPosition] = [.topRight, .topLeft, .bottomRight, .bottomLeft, .topCenter]
        let clearance = PlotFrame.legendClearance
        return candidates.first { candidate in
            let (left, top) = legendOrigin(candidate, width: size.width, height: size.height)
            let box = LegendBox(
                left: left - clearance, top: top - clearance,
                right: left + size.width + clearance, bottom: top + size.height + clearance)
            return !touchesData(box, layers)
        }
    }

    /// Pixels kept free around the legend box: more than the largest mark's
    /// radius (4.5 px, a path's end) plus half a line's width.
    static let legendClearance = 6.0

    /// Draws the legend box and its entries.
    func drawLegend(
        _ entries: [PreparedPlot.LegendEntry], at position: Plot.LegendPosition, into document: inout SVGDocument
    ) {
        guard !entries.isEmpty else { return }
        let rowHeight = PlotFrame.legendRowHeight
        let (boxWidth, boxHeight) = PlotFrame.legendSize(entries)
        let (left, top) = legendOrigin(position, width: boxWidth, height: boxHeight)
        document.open("g", ["class": "legend", "data-position": "\(position)"])
        document.element(
            "rect",
            [
                "x": SVGDocument.number(left), "y": SVGDocument.number(top), "width": SVGDocument.number(boxWidth),
                "height": SVGDocument.number(boxHeight), "fill": "#FFFFFF", "fill-opacity": "0.85",
                "stroke": "#CCCCCC"
            ])
        for (index, entry) in entries.enumerated() {
            let middle = top + 4 + rowHeight * (Double(index) + 0.5)
            let color = entry.color.description
            switch entry.mark {
            case .line(let dash, let width, let dot):
                document.element(
                    "line",
                    [
                        "x1": SVGDocument.number(left + 8), "x2": SVGDocument.number(left + 32),
                        "y1": SVGDocument.number(middle), "y2": SVGDocument.number(middle), "stroke": color,
                        "stroke-width": SVGDocument.number(width), "stroke-dasharray": dash.dashArray
                    ])
                if dot {
                    document.element(
                        "circle",
                        [
                            "cx": SVGDocument.number(left + 20), "cy": SVGDocument.number(middle), "r": "3",
                            "fill": color, "stroke": color
                        ])
                }
            case .path:
                document.element(
                    "line",
                    [
                        "x1": SVGDocument.number(left + 8), "x2": SVGDocument.number(left + 32),
                        "y1": SVGDocument.number(middle), "y2": SVGDocument.number(middle), "stroke": color,
                        "stroke-width": "2"
                    ])
                // The path's end mark: a filled circle, as in the plot.
                document.element(
                    "circle",
                    [
                        "cx": SVGDocument.number(left + 31), "cy": SVGDocument.number(middle), "r": "4",
                        "fill": color, "stroke": color, "stroke-width": "1"
                    ])
            case .marker:
                drawMarker(at: (left + 20, middle), into: &document)
            case .dot:
                document.element(
                    "rect",
                    [
                        "x": SVGDocument.number(left + 16.5), "y": SVGDocument.number(middle - 3.5),
                        "width": "7", "height": "7", "rx": "3.5", "fill": color
                    ])
            case .bar:
                document.element(
                    "rect",
                    [
                        "x": SVGDocument.number(left + 12), "y": SVGDocument.number(middle - 6),
                        "width": "16", "height": "12", "fill": color, "fill-opacity": "0.55"
                    ])
            }
            document.element(
                "text",
                [
                    "class": "legend-label", "x": SVGDocument.number(left + 38), "y": SVGDocument.number(middle + 4),
                    "font-size": SVGDocument.number(PlotLayout.tickFontSize), "fill": "#222222"
                ], text: entry.name)
        }
        document.close("g")
    }

    /// Whether any data lies in `box`: a point or vertex inside it, a segment
    /// of a line or path crossing it, a bar overlapping it.
    func touchesData(_ box: LegendBox, _ layers: [PreparedPlot.Layer]) -> Bool {
        func crosses(_ runs: [[PlotPoint]]) -> Bool {
            runs.contains { run in
                let corners = run.map(pixel)
                return corners.contains(where: box.contains)
                    || zip(corners, corners.dropFirst()).contains { box.intersects($0, $1) }
            }
        }
        return layers.contains { layer in
            switch layer {
            case .line(let cleaned, _, _, _, _), .path(let cleaned, _): return crosses(cleaned.runs)
            case .points(let points, _): return points.map(pixel).contains(where: box.contains)
            case .marker(let point): return box.contains(pixel(point))
            case .bars(let bins, let heights, _):
                return heights.indices.contains { k in
                    box.overlaps(
                        left: min(x.pixel(bins.edges[k]), x.pixel(bins.edges[k + 1])),
                        right: max(x.pixel(bins.edges[k]), x.pixel(bins.edges[k + 1])),
                        top: min(y.pixel(heights[k]), y.pixel(0)), bottom: max(y.pixel(heights[k]), y.pixel(0)))
                }
            case .categoryBars(_, let values, let slot, let slots, _):
                return categoryBarRectangles(values, slot: slot, slots: slots).contains { _, bar in
                    box.overlaps(
                        left: bar.left, right: bar.left + bar.width, top: bar.top, bottom: bar.top + bar.height)
                }
            case .function(let grid, _, let heatMap, let levels):
                return heatMap
                    || levels.contains { level in
                        contourSegments(grid, level: level).contains { box.intersects($0.0, $0.1) }
                    }
            case .matrix: return true
            }
        }
    }
}

/// A rectangle in pixels (y down), for placing the legend.
struct LegendBox {
    let left: Double, top: Double, right: Double, bottom: Double

    func contains(_ point: (Double, Double)) -> Bool {
        point.0 >= left && point.0 <= right && point.1 >= top && point.1 <= bottom
    }

    /// Whether the rectangle [left, right] × [top, bottom] shares area with this box.
    func overlaps(left l: Double, right r: Double, top t: Double, bottom b: Double) -> Bool {
        l <= right && r >= left && t <= bottom && b >= top
    }

    /// Whether the segment a–b meets the box (Liang–Barsky clipping: the
    /// parameter interval t ∈ [0, 1] where a + t (b − a) is inside every
    /// edge's half-plane is not empty).
    func intersects(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        let dx = b.0 - a.0, dy = b.1 - a.1
        var low = 0.0, high = 1.0
        for (p, q) in [(-dx, a.0 - left), (dx, right - a.0), (-dy, a.1 - top), (dy, bottom - a.1)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
        }
        return true
    }
}
