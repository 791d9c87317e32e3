/// The legend: a box of entries in a corner of the plot area, by default
/// the corner that hides the least data.
extension PlotFrame {
    /// A box of entries in a corner of the plot area.
    func drawLegend(_ entries: [PreparedPlot.LegendEntry], at requested: Plot.LegendPosition,
                    avoiding layers: [PreparedPlot.Layer], into document: inout SVGDocument) {
        guard !entries.isEmpty else { return }
        let rowHeight = 18.0
        let boxWidth = 44 + 7 * Double(entries.map(\.name.count).max()!)
        let boxHeight = 8 + rowHeight * Double(entries.count)
        func corner(_ position: Plot.LegendPosition) -> (left: Double, top: Double) {
            ((position == .topLeft || position == .bottomLeft) ? layout.left + 10 : layout.right - 10 - boxWidth,
             (position == .topLeft || position == .topRight) ? layout.top + 10 : layout.bottom - 10 - boxHeight)
        }
        let position: Plot.LegendPosition
        if requested == .best {
            // The corner whose box covers the fewest drawn points; ties go to the earlier corner.
            let occupied = occupiedPixels(layers)
            let corners: [Plot.LegendPosition] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
            let covered = corners.map { candidate -> Int in
                let (left, top) = corner(candidate)
                return occupied.filter { $0.0 >= left - 4 && $0.0 <= left + boxWidth + 4 && $0.1 >= top - 4 && $0.1 <= top + boxHeight + 4 }.count
            }
            position = corners[covered.indices.min { covered[$0] < covered[$1] }!]
        } else {
            position = requested
        }
        let (left, top) = corner(position)
        document.open("g", ["class": "legend"])
        document.element("rect", ["x": SVGDocument.number(left), "y": SVGDocument.number(top), "width": SVGDocument.number(boxWidth),
                                  "height": SVGDocument.number(boxHeight), "fill": "#FFFFFF", "fill-opacity": "0.85",
                                  "stroke": "#CCCCCC"])
        for (index, entry) in entries.enumerated() {
            let middle = top + 4 + rowHeight * (Double(index) + 0.5)
            let color = entry.color.description
            switch entry.mark {
            case .line(let dashed):
                document.element("line", ["x1": SVGDocument.number(left + 8), "x2": SVGDocument.number(left + 32),
                                          "y1": SVGDocument.number(middle), "y2": SVGDocument.number(middle), "stroke": color,
                                          "stroke-width": "2", "stroke-dasharray": dashed ? "7 4" : "none"])
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
            case .function: break
            }
        }
        return pixels
    }
}
