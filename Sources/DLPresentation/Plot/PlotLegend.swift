/// The legend: a box of entries in a corner of the plot area, at the middle
/// of its top edge, or outside right of it. `.best` takes the first of
/// top right, top left, bottom right, bottom left, top centre whose box
/// touches no data at all (no point inside, no segment of a line or path
/// crossing it, no bar overlapping it); when every one touches some, the
/// one covering the fewest data pixels (points, and samples every 6 px
/// along lines and bars).
extension PlotFrame {
    static let legendRowHeight = 18.0

    /// Width and height of the legend box: 44 px for the mark and padding
    /// plus the longest name's estimated width (`TextMetrics`); one row per entry.
    static func legendSize(_ entries: [PreparedPlot.LegendEntry]) -> (width: Double, height: Double) {
        let longest = entries.map { TextMetrics.width($0.name, fontSize: PlotLayout.tickFontSize) }.max() ?? 0
        return (44 + longest, 8 + legendRowHeight * Double(entries.count))
    }

    /// The top-left corner of the legend box at `position` (`.best` is resolved before).
    func legendOrigin(_ position: Plot.LegendPosition, width boxWidth: Double, height boxHeight: Double) -> (left: Double, top: Double) {
        switch position {
        case .topLeft: return (layout.left + 10, layout.top + 10)
        case .bottomLeft: return (layout.left + 10, layout.bottom - 10 - boxHeight)
        case .bottomRight: return (layout.right - 10 - boxWidth, layout.bottom - 10 - boxHeight)
        case .topCenter: return ((layout.left + layout.right - boxWidth) / 2, layout.top + 10)
        case .outsideRight: return (layout.outsideLegendLeft, layout.top)
        case .topRight, .best: return (layout.right - 10 - boxWidth, layout.top + 10)
        }
    }

    /// Where `.best` puts the legend (see the type's comment); other positions as asked.
    func resolvedLegendPosition(_ requested: Plot.LegendPosition, size: (width: Double, height: Double),
                                avoiding layers: [PreparedPlot.Layer]) -> Plot.LegendPosition {
        guard requested == .best else { return requested }
        let candidates: [Plot.LegendPosition] = [.topRight, .topLeft, .bottomRight, .bottomLeft, .topCenter]
        let boxes = candidates.map { candidate -> LegendBox in
            let (left, top) = legendOrigin(candidate, width: size.width, height: size.height)
            return LegendBox(left: left - 4, top: top - 4, right: left + size.width + 4, bottom: top + size.height + 4)
        }
        if let free = boxes.indices.first(where: { !touchesData(boxes[$0], layers) }) { return candidates[free] }
        let occupied = occupiedPixels(layers)
        let covered = boxes.map { box in occupied.filter(box.contains).count }
        return candidates[covered.indices.min { covered[$0] < covered[$1] }!]
    }

    /// Draws the legend box and its entries.
    func drawLegend(_ entries: [PreparedPlot.LegendEntry], at requested: Plot.LegendPosition,
                    avoiding layers: [PreparedPlot.Layer], into document: inout SVGDocument) {
        guard !entries.isEmpty else { return }
        let rowHeight = PlotFrame.legendRowHeight
        let (boxWidth, boxHeight) = PlotFrame.legendSize(entries)
        let position = resolvedLegendPosition(requested, size: (boxWidth, boxHeight), avoiding: layers)
        let (left, top) = legendOrigin(position, width: boxWidth, height: boxHeight)
        document.open("g", ["class": "legend", "data-position": "\(position)"])
        document.element("rect", ["x": SVGDocument.number(left), "y": SVGDocument.number(top), "width": SVGDocument.number(boxWidth),
                                  "height": SVGDocument.number(boxHeight), "fill": "#FFFFFF", "fill-opacity": "0.85",
                                  "stroke": "#CCCCCC"])
        for (index, entry) in entries.enumerated() {
            let middle = top + 4 + rowHeight * (Double(index) + 0.5)
            let color = entry.color.description
            switch entry.mark {
            case .line(let dash):
                document.element("line", ["x1": SVGDocument.number(left + 8), "x2": SVGDocument.number(left + 32),
                                          "y1": SVGDocument.number(middle), "y2": SVGDocument.number(middle), "stroke": color,
                                          "stroke-width": "2", "stroke-dasharray": dash.dashArray])
            case .path:
                document.element("line", ["x1": SVGDocument.number(left + 8), "x2": SVGDocument.number(left + 32),
                                          "y1": SVGDocument.number(middle), "y2": SVGDocument.number(middle), "stroke": color,
                                          "stroke-width": "2"])
                document.element("rect", ["x": SVGDocument.number(left + 27), "y": SVGDocument.number(middle - 3.5),
                                          "width": "7", "height": "7", "fill": color])
            case .dot:
                document.element("rect", ["x": SVGDocument.number(left + 16.5), "y": SVGDocument.number(middle - 3.5),
                                          "width": "7", "height": "7", "rx": "3.5", "fill": color])
            case .bar:
                document.element("rect", ["x": SVGDocument.number(left + 12), "y": SVGDocument.number(middle - 6),
                                          "width": "16", "height": "12", "fill": color, "fill-opacity": "0.55"])
            }
            document.element("text", ["class": "legend-label", "x": SVGDocument.number(left + 38), "y": SVGDocument.number(middle + 4),
                                      "font-size": SVGDocument.number(PlotLayout.tickFontSize), "fill": "#222222"], text: entry.name)
        }
        document.close("g")
    }

    /// Pixels the data covers: points, path and line vertices with points
    /// every few pixels between them, and bar tops and middles.
    func occupiedPixels(_ layers: [PreparedPlot.Layer]) -> [(Double, Double)] {
        var pixels: [(Double, Double)] = []
        func addRuns(_ runs: [[PlotPoint]]) {
            for run in runs {
                let corners = run.map(pixel)
                pixels += corners
                for (a, b) in zip(corners, corners.dropFirst()) {
                    let steps = min(Int((abs(b.0 - a.0) + abs(b.1 - a.1)) / 6), 200)
                    guard steps > 1 else { continue }
                    for k in 1..<steps {
                        let t = Double(k) / Double(steps)
                        pixels.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)))
                    }
                }
            }
        }
        for layer in layers {
            switch layer {
            case .line(let cleaned, _, _), .path(let cleaned, _): addRuns(cleaned.runs)
            case .points(let points, _): pixels += points.map(pixel)
            case .bars(let bins, let heights, _):
                for k in heights.indices {
                    let x0 = x.pixel(bins.edges[k]), x1 = x.pixel(bins.edges[k + 1])
                    let top = y.pixel(heights[k]), base = y.pixel(0)
                    for py in stride(from: min(top, base), through: max(top, base), by: 6) {
                        pixels += [(x0, py), ((x0 + x1) / 2, py), (x1, py)]
                    }
                }
            case .categoryBars(_, let values, let slot, let slots, _):
                for (_, bar) in categoryBarRectangles(values, slot: slot, slots: slots) {
                    for py in stride(from: bar.top, through: bar.top + bar.height, by: 6) {
                        pixels += [(bar.left, py), (bar.left + bar.width / 2, py), (bar.left + bar.width, py)]
                    }
                }
            case .function, .matrix: break
            }
        }
        return pixels
    }

    /// Whether any data lies in `box`: a point or vertex inside it, a segment
    /// of a line or path crossing it, a bar overlapping it.
    func touchesData(_ box: LegendBox, _ layers: [PreparedPlot.Layer]) -> Bool {
        func crosses(_ runs: [[PlotPoint]]) -> Bool {
            runs.contains { run in
                let corners = run.map(pixel)
                return corners.contains(where: box.contains) || zip(corners, corners.dropFirst()).contains { box.intersects($0, $1) }
            }
        }
        return layers.contains { layer in
            switch layer {
            case .line(let cleaned, _, _), .path(let cleaned, _): return crosses(cleaned.runs)
            case .points(let points, _): return points.map(pixel).contains(where: box.contains)
            case .bars(let bins, let heights, _):
                return heights.indices.contains { k in
                    box.overlaps(left: min(x.pixel(bins.edges[k]), x.pixel(bins.edges[k + 1])),
                                 right: max(x.pixel(bins.edges[k]), x.pixel(bins.edges[k + 1])),
                                 top: min(y.pixel(heights[k]), y.pixel(0)), bottom: max(y.pixel(heights[k]), y.pixel(0)))
                }
            case .categoryBars(_, let values, let slot, let slots, _):
                return categoryBarRectangles(values, slot: slot, slots: slots).contains { _, bar in
                    box.overlaps(left: bar.left, right: bar.left + bar.width, top: bar.top, bottom: bar.top + bar.height)
                }
            case .function, .matrix: return false
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
