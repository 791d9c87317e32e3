/// The layers of a plot after checking and cleaning: what to draw, in data
/// coordinates, with colours assigned, plus the legend, the notes on
/// skipped data, and the values the axis ranges must cover.
struct PreparedPlot {
    enum Layer {
        case function(FunctionGrid, ValueScale, heatMap: Bool, levels: [Double])
        case bars(HistogramBins, heights: [Double], color: PlotColor)
        case line(CleanedPoints, color: PlotColor, dashed: Bool)
        case points([PlotPoint], colors: [PlotColor])
        case path(CleanedPoints, color: PlotColor)

        /// Drawing order: areas below lines below points below paths.
        var depth: Int {
            switch self {
            case .function: return 0
            case .bars: return 1
            case .line: return 2
            case .points: return 3
            case .path: return 4
            }
        }
    }

    struct LegendEntry {
        enum Mark { case line(dashed: Bool), dot, bar, path }
        var name: String
        var color: PlotColor
        var mark: Mark
    }

    var layers: [Layer] = []
    var legend: [LegendEntry] = []
    var notes: [String] = []
    var xValues: [Double] = []
    var yValues: [Double] = []
    /// A function layer fixes the range to its grid: no padding.
    var tight = false
    /// Bars start at zero.
    var barsFromZero = false
    /// The value scale shown by the colour bar (the first heat map's).
    var colourBar: ValueScale?

    private var nextColor = 0
    private var nextPathColor = 0

    /// Colours for paths over heat maps: warm Okabe–Ito colours first, which stand out on viridis.
    private static let pathColors = [PlotColor(0xD55E00), PlotColor(0xE69F00), PlotColor(0xCC79A7),
                                     PlotColor(0x56B4E9), PlotColor(0x000000)]

    init(_ plot: Plot) throws {
        guard !plot.layers.isEmpty else { throw PlotError.emptyData("the figure '\(plot.title)' has no layers") }
        let xScale = plot.xAxis.scale, yScale = plot.yAxis.scale
        for layer in plot.layers {
            switch layer {
            case .invalid(let error):
                throw error
            case .line(let series, let dashed):
                addLine(try series.cleaned(xScale: xScale, yScale: yScale), dashed: dashed)
            case .scatter(let series, let classes, let classNames):
                try addScatter(series, classes: classes, classNames: classNames, xScale: xScale, yScale: yScale)
            case .histogram(let values, let name, let bins, let density):
                guard xScale == .linear, yScale == .linear else {
                    throw PlotError.invalidRange("the histogram '\(name)' needs linear axes")
                }
                try addHistogram(values, name: name, bins: bins, density: density)
            case .function(let grid, let name, let style, let levels, let valueScale):
                try addFunction(grid, name: name, style: style, levels: levels, valueScale: valueScale)
            case .path(let series):
                let cleaned = try series.cleaned(xScale: xScale, yScale: yScale)
                let color = PreparedPlot.pathColors[nextPathColor % PreparedPlot.pathColors.count]
                nextPathColor += 1
                include(cleaned)
                layers.append(.path(cleaned, color: color))
                if !series.name.isEmpty { legend.append(LegendEntry(name: series.name, color: color, mark: .path)) }
            }
        }
        layers = layers.enumerated().sorted { ($0.element.depth, $0.offset) < ($1.element.depth, $1.offset) }.map(\.element)
        notes += plot.notes
    }

    private mutating func takeColor() -> PlotColor {
        defer { nextColor += 1 }
        return Palette.color(nextColor)
    }

    private mutating func include(_ cleaned: CleanedPoints) {
        for point in cleaned.points { xValues.append(point.x); yValues.append(point.y) }
        notes += cleaned.notes
    }

    private mutating func addLine(_ cleaned: CleanedPoints, dashed: Bool) {
        let color = takeColor()
        include(cleaned)
        layers.append(.line(cleaned, color: color, dashed: dashed))
        if !cleaned.name.isEmpty { legend.append(LegendEntry(name: cleaned.name, color: color, mark: .line(dashed: dashed))) }
    }

    private mutating func addScatter(_ series: Series, classes: [Int]?, classNames: [String],
                                     xScale: AxisScale, yScale: AxisScale) throws {
        if let classes {
            guard classes.count == series.x.count else {
                throw PlotError.mismatchedLengths("scatter '\(series.name)' has \(series.x.count) points and \(classes.count) classes")
            }
            guard classes.allSatisfy({ $0 >= 0 }) else {
                throw PlotError.invalidRange("scatter '\(series.name)' has a negative class; classes are 0, 1, 2, …")
            }
        }
        let cleaned = try series.cleaned(xScale: xScale, yScale: yScale)
        include(cleaned)
        let points = cleaned.points
        if let classes {
            let base = nextColor
            let present = Set(points.map { classes[$0.index] }).sorted()
            layers.append(.points(points, colors: points.map { Palette.color(base + classes[$0.index]) }))
            for k in present {
                let name = k < classNames.count ? classNames[k] : "class \(k)"
                legend.append(LegendEntry(name: name, color: Palette.color(base + k), mark: .dot))
            }
            nextColor += (classes.max() ?? 0) + 1
        } else {
            let color = takeColor()
            layers.append(.points(points, colors: Array(repeating: color, count: points.count)))
            if !series.name.isEmpty { legend.append(LegendEntry(name: series.name, color: color, mark: .dot)) }
        }
    }

    private mutating func addHistogram(_ values: [Double], name: String, bins: Int?, density: Series?) throws {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else {
            throw PlotError.emptyData(values.isEmpty ? "the histogram '\(name)' has no values"
                                                     : "the histogram '\(name)' has no finite value (\(values.count) skipped)")
        }
        if finite.count < values.count {
            let skipped = values.count - finite.count
            notes.append("'\(name)': \(skipped) value\(skipped == 1 ? "" : "s") skipped (NaN or infinite)")
        }
        let count = bins ?? HistogramBins.defaultCount(for: finite.count)
        guard count >= 1 else { throw PlotError.invalidRange("the histogram '\(name)' needs at least one bin, not \(count)") }
        let histogram = HistogramBins(values: finite, bins: count)
        let heights = histogram.heights(density: density != nil)
        let color = takeColor()
        layers.append(.bars(histogram, heights: heights, color: color))
        legend.append(LegendEntry(name: name, color: color, mark: .bar))
        xValues += [histogram.edges.first!, histogram.edges.last!]
        yValues += [0] + heights
        barsFromZero = true
        if let density { addLine(try density.cleaned(xScale: .linear, yScale: .linear), dashed: false) }
    }

    private mutating func addFunction(_ grid: FunctionGrid, name: String, style: Plot.FunctionStyle,
                                      levels: [Double]?, valueScale: AxisScale) throws {
        let scale = try ValueScale(values: grid.values, scale: valueScale, what: "the function '\(name)'")
        let hidden = grid.values.filter { !valueScale.accepts($0) }.count
        if hidden > 0 {
            notes.append("'\(name)': \(hidden) of \(grid.values.count) grid values not finite\(valueScale == .log ? " or ≤ 0" : "") (cells left grey)")
        }
        let heatMap = style != .contours
        let chosen = (style == .heatMap ? [] : (levels ?? scale.contourLevels)).filter { $0.isFinite }
        layers.append(.function(grid, scale, heatMap: heatMap, levels: chosen))
        xValues += [grid.xs.first!, grid.xs.last!]
        yValues += [grid.ys.first!, grid.ys.last!]
        tight = true
        if heatMap && colourBar == nil { colourBar = scale }
    }
}
