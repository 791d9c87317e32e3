/// The layers of a plot after checking and cleaning: what to draw, in data
/// coordinates, with colours assigned, plus the legend, the notes on
/// skipped data, and the values the axis ranges must cover.
struct PreparedPlot {
    enum Layer {
        case function(FunctionGrid, ValueScale, heatMap: Bool, levels: [Double])
        case bars(HistogramBins, heights: [Double], color: PlotColor)
        case line(CleanedPoints, color: PlotColor, dash: DashStyle, width: Double, dots: Bool)
        case points([PlotPoint], colors: [PlotColor])
        case path(CleanedPoints, color: PlotColor)
        /// A marked point (`Plot.marker`), over everything.
        case marker(PlotPoint)
        /// Bars at x = 0, 1, …, n − 1 (nil: no bar); this layer's bars take
        /// slot `slot` of `slots` side-by-side slots, 0.8 wide together.
        case categoryBars(name: String, values: [Double?], slot: Int, slots: Int, color: PlotColor)
        /// A matrix heat map: one cell per entry, row 0 at the top.
        case matrix(MatrixCells)

        /// Drawing order: areas below lines below points below paths.
        var depth: Int {
            switch self {
            case .function, .matrix: return 0
            case .bars, .categoryBars: return 1
            case .line: return 2
            case .points: return 3
            case .path: return 4
            case .marker: return 5
            }
        }
    }

    struct LegendEntry {
        enum Mark {
            case line(DashStyle, width: Double, dot: Bool)
            case dot, bar, path, marker
        }
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
    /// The name written along the colour bar (the first heat map's name; `log₁₀` noted by the ticks).
    var colourBarLabel: String?
    /// The names under the x axis when the plot has category bars or a matrix.
    var categories: [String]?
    /// The names beside the y axis when the plot has a matrix, top row first.
    var rowCategories: [String]?
    /// What the grey square under the colour bar stands for ("0" for zeros
    /// on a log scale); nil: no square (the first matrix's, when it has grey cells).
    var colourBarMissing: String?

    /// The next colour of `Palette.categorical`, one sequence for lines,
    /// points, bars and paths alike (a layer with its own colour takes none).
    private var nextColor = 0

    init(_ plot: Plot) throws {
        guard !plot.layers.isEmpty else { throw PlotError.emptyData("the figure '\(plot.title)' has no layers") }
        let xScale = plot.xAxis.scale, yScale = plot.yAxis.scale
        for layer in plot.layers {
            switch layer {
            case .invalid(let error):
                throw error
            case .line(let series, let dashed):
                addLine(
                    try series.cleaned(xScale: xScale, yScale: yScale), color: series.color,
                    dash: series.dash ?? (dashed ? .dashed : .solid), width: series.width ?? 2, dots: series.marksPoints
                )
            case .scatter(let series, let classes, let classNames):
                try addScatter(series, classes: classes, classNames: classNames, xScale: xScale, yScale: yScale)
            case .histogram(let values, let name, let bins, let density):
                guard xScale == .linear, yScale == .linear else {
                    throw PlotError.invalidRange("the histogram '\(name)' needs linear axes")
                }
                try addHistogram(values, name: name, bins: bins, density: density)
            case .function(let grid, let name, let style, let levels, let valueScale, let shown):
                try addFunction(grid, name: name, style: style, levels: levels, valueScale: valueScale, shown: shown)
            case .categoryBars(let name, let categories, let values, let color):
                guard xScale == .linear else { throw PlotError.invalidRange("the bars '\(name)' need a linear x axis") }
                try addCategoryBars(name: name, categories: categories, values: values, color: color, yScale: yScale)
            case .matrix(let heatMap):
                try addMatrix(heatMap, xScale: xScale, yScale: yScale)
            case .marker(let series):
                let cleaned = try series.cleaned(xScale: xScale, yScale: yScale)
                include(cleaned)
                layers.append(.marker(cleaned.points[0]))
                if !series.name.isEmpty {
                    legend.append(LegendEntry(name: series.name, color: PlotColor(0x000000), mark: .marker))
                }
            case .path(let series):
                let cleaned = try series.cleaned(xScale: xScale, yScale: yScale)
                let color = series.color ?? takeColor()
                include(cleaned)
                layers.append(.path(cleaned, color: color))
                if !series.name.isEmpty { legend.append(LegendEntry(name: series.name, color: color, mark: .path)) }
            }
        }
        let slots = layers.filter { if case .categoryBars = $0 { return true } else { return false } }.count
        var slot = 0
        layers = layers.map { layer in
            guard case .categoryBars(let name, let values, _, _, let color) = layer else { return layer }
            defer { slot += 1 }
            return .categoryBars(name: name, values: values, slot: slot, slots: slots, color: color)
        }
        if let names = plot.xCategories {
            guard categories == nil || categories == names else {
                throw PlotError.mismatchedLengths(
                    "the x categories of '\(plot.title)' differ from its bars' categories")
            }
            guard !names.isEmpty else { throw PlotError.emptyData("the x categories of '\(plot.title)' are empty") }
            categories = names
        }
        layers = layers.enumerated().sorted { ($0.element.depth, $0.offset) < ($1.element.depth, $1.offset) }.map(
            \.element)
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

    private mutating func addLine(
        _ cleaned: CleanedPoints, color given: PlotColor?, dash: DashStyle, width: Double = 2, dots: Bool = false
    ) {
        let color = given ?? takeColor()
        include(cleaned)
        layers.append(.line(cleaned, color: color, dash: dash, width: width, dots: dots))
        if !cleaned.name.isEmpty {
            legend.append(LegendEntry(name: cleaned.name, color: color, mark: .line(dash, width: width, dot: dots)))
        }
    }

    private mutating func addScatter(
        _ series: Series, classes: [Int]?, classNames: [String],
        xScale: AxisScale, yScale: AxisScale
    ) throws {
        if let classes {
            guard classes.count == series.x.count else {
                throw PlotError.mismatchedLengths(
                    "scatter '\(series.name)' has \(series.x.count) points and \(classes.count) classes")
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
            let color = series.color ?? takeColor()
            layers.append(.points(points, colors: Array(repeating: color, count: points.count)))
            if !series.name.isEmpty { legend.append(LegendEntry(name: series.name, color: color, mark: .dot)) }
        }
    }

    private mutating func addHistogram(_ values: [Double], name: String, bins: Int?, density: Series?) throws {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else {
            throw PlotError.emptyData(
                values.isEmpty
                    ? "the histogram '\(name)' has no values"
                    : "the histogram '\(name)' has no finite value (\(values.count) skipped)")
        }
        if finite.count < values.count {
            let skipped = values.count - finite.count
            notes.append("'\(name)': \(skipped) value\(skipped == 1 ? "" : "s") skipped (NaN or infinite)")
        }
        let count = bins ?? HistogramBins.defaultCount(for: finite.count)
        guard count >= 1 else {
            throw PlotError.invalidRange("the histogram '\(name)' needs at least one bin, not \(count)")
        }
        let histogram = HistogramBins(values: finite, bins: count)
        let heights = histogram.heights(density: density != nil)
        let color = takeColor()
        layers.append(.bars(histogram, heights: heights, color: color))
        legend.append(LegendEntry(name: name, color: color, mark: .bar))
        xValues += [histogram.edges.first!, histogram.edges.last!]
        yValues += [0] + heights
        barsFromZero = true
        if let density {
            addLine(
                try density.cleaned(xScale: .linear, yScale: .linear), color: density.color,
                dash: density.dash ?? .solid)
        }
    }

    private mutating func addFunction(
        _ grid: FunctionGrid, name: String, style: Plot.FunctionStyle,
        levels: [Double]?, valueScale: AxisScale,
        shown: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    ) throws {
        let scale = try ValueScale(values: grid.values, scale: valueScale, what: "the function '\(name)'")
        let hidden = grid.values.filter { !valueScale.accepts($0) }.count
        if hidden > 0 {
            notes.append(
                "'\(name)': \(hidden) of \(grid.values.count) grid values not finite\(valueScale == .log ? " or ≤ 0" : "") (cells left grey)"
            )
        }
        let heatMap = style != .contours
        let chosen = (style == .heatMap ? [] : (levels ?? scale.contourLevels)).filter { $0.isFinite }
        layers.append(.function(grid, scale, heatMap: heatMap, levels: chosen))
        // The axes follow the ranges asked for; a grid sampled wider (equal aspect) is clipped.
        xValues += [shown.x.lowerBound, shown.x.upperBound]
        yValues += [shown.y.lowerBound, shown.y.upperBound]
        tight = true
        if heatMap && colourBar == nil { colourBar = scale; colourBarLabel = name }
    }

    private mutating func addCategoryBars(
        name: String, categories given: [String], values: [Double], color chosen: PlotColor?,
        yScale: AxisScale
    ) throws {
        let label = name.isEmpty ? "the bars" : "the bars '\(name)'"
        guard !given.isEmpty else { throw PlotError.emptyData("\(label) have no categories") }
        guard given.count == values.count else {
            throw PlotError.mismatchedLengths("\(label) have \(given.count) categories and \(values.count) values")
        }
        if let categories, categories != given {
            throw PlotError.mismatchedLengths("\(label) have other categories than the bars before them")
        }
        categories = given
        let shown = values.map { yScale.accepts($0) ? $0 : nil }
        guard shown.contains(where: { $0 != nil }) else {
            throw PlotError.emptyData(
                "\(label) have no value that can be shown (NaN, infinite\(yScale == .log ? " or ≤ 0" : ""))")
        }
        let nonFinite = values.filter { !$0.isFinite }.count,
            notPositive = values.filter { $0.isFinite && !yScale.accepts($0) }.count
        let who = name.isEmpty ? "bars" : "'\(name)'"
        if nonFinite > 0 {
            notes.append("\(who): \(nonFinite) bar\(nonFinite == 1 ? "" : "s") skipped (NaN or infinite)")
        }
        if notPositive > 0 {
            notes.append("\(who): \(notPositive) bar\(notPositive == 1 ? "" : "s") skipped (≤ 0 on a log axis)")
        }
        let color = chosen ?? takeColor()
        layers.append(.categoryBars(name: name, values: shown, slot: 0, slots: 1, color: color))
        if !name.isEmpty { legend.append(LegendEntry(name: name, color: color, mark: .bar)) }
        xValues += [-0.5, Double(given.count) - 0.5]
        yValues += shown.compactMap { $0 }
        if yScale == .linear { yValues.append(0); barsFromZero = true }
    }
}
