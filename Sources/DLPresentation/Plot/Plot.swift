/// A figure: a title, two labelled axes, and layers drawn in order (heat
/// maps first, then bars, lines, points, paths). Render it with `svg()`, or
/// hand it to `chapter.figure(_:name:)` to write `figures/chNN/NAME.svg`.
///
///     var plot = Plot(title: "Finite-difference error", x: .log("step h"), y: .log("|error|"))
///     plot.line("forward", x: steps, y: forwardErrors)
///     plot.line("central", x: steps, y: centralErrors, dashed: true)
///     chapter.figure(plot, name: "difference-error")
///
/// Data problems are found when the plot is rendered: empty data or
/// mismatched lengths throw `PlotError`; NaN, ±∞ (and values ≤ 0 on a log
/// axis) are skipped, and a note under the figure says how many.
/// For one-line figures see `Plot.lines`, `Plot.scatter`, `Plot.histogram`, `Plot.contour`,
/// `Plot.bars`, `Plot.matrix`; for a matrix heat map, `matrix(_:…)` (PlotMatrix.swift).
public struct Plot: Sendable {
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    /// Size of the SVG in pixels (user units). At least 200 × 150.
    public var width: Double = 640
    public var height: Double = 440
    /// Where the legend sits (default `.best`: a corner of the plot area, or
    /// its top centre, that covers no data, else right of the plot area, the
    /// figure widened to make room: a legend never covers data).
    public var legend: LegendPosition = .best
    /// Equal units on both axes (a circle looks round): the shorter range is
    /// widened about its centre. Only with two linear axes. Set it before
    /// adding a `function`: the function is then sampled over the widened
    /// range (plus a margin), so the heat map covers the whole plot area.
    public var equalAspect = false
    /// Names for x = 0, 1, …, n − 1: a categorical x axis (the names replace
    /// the numeric ticks, the axis spans −½ … n − ½), for points or lines per
    /// category (e.g. one gradient check per loss). Bars set it themselves.
    public var xCategories: [String]?
    /// Extra notes printed under the figure (skipped data adds its own).
    public var notes: [String] = []
    private(set) var layers: [PlotLayer] = []

    /// Adds a layer (for the layer methods defined in other files).
    mutating func append(_ layer: PlotLayer) { layers.append(layer) }

    public init(title: String, x: Axis, y: Axis) {
        self.title = title
        self.xAxis = x
        self.yAxis = y
    }

    /// Where the legend goes: a corner of the plot area, the middle of its
    /// top edge, or outside, right of the plot area (the plot area narrows to
    /// make room; nothing is covered).
    public enum LegendPosition: Sendable {
        case best, topRight, topLeft, bottomRight, bottomLeft, topCenter, outsideRight
    }

    /// How a function of two variables is drawn.
    public enum FunctionStyle: Sendable {
        /// Cells coloured by value (viridis), with a colour bar.
        case heatMap
        /// Contour lines only (a decision boundary: `levels: [0]`).
        case contours
        /// Both: the default.
        case heatMapWithContours
    }

    // MARK: Layers

    /// A curve through the points in order (a line plot); one legend entry.
    /// The series' own `color` and `dash`, when set, win over the sequence
    /// colour and `dashed`.
    public mutating func line(_ series: Series, dashed: Bool = false) {
        layers.append(.line(series, dashed: dashed))
    }

    /// A curve through (x[i], y[i]); see `line(_:dashed:)`. `color` nil: the next of the sequence.
    public mutating func line(_ name: String, x: [Double], y: [Double], dashed: Bool = false, color: PlotColor? = nil) {
        line(Series(name, x: x, y: y, color: color), dashed: dashed)
    }

    /// Points as dots. With `classes` (one integer per point, ≥ 0), each class
    /// gets its own colour and legend entry, named by `classNames[k]` (default `class k`);
    /// without, all take `color` (nil: the next of the sequence).
    public mutating func scatter(
        _ name: String = "", x: [Double], y: [Double], classes: [Int]? = nil, classNames: [String]? = nil,
        color: PlotColor? = nil
    ) {
        layers.append(.scatter(Series(name, x: x, y: y, color: color), classes: classes, classNames: classNames ?? []))
    }

    /// A histogram of `values` in `bins` equal bins (default ⌈√n⌉, 5…50).
    /// With `density`, the bars show density count / (n · width), so their
    /// area is 1, and the density curve is drawn over them.
    public mutating func histogram(
        _ values: [Double], name: String = "samples", bins: Int? = nil,
        density: ((Double) -> Double)? = nil, densityName: String = "density"
    ) {
        var curve: Series?
        let finite = values.filter(\.isFinite)
        if let density, let low = finite.min(), let high = finite.max() {
            let margin = low < high ? (high - low) * 0.04 : max(0.5, abs(low) * 0.1)
            let xs = (0...200).map { low - margin + (high - low + 2 * margin) * Double($0) / 200 }
            curve = Series(densityName, x: xs, y: xs.map(density))
        }
        layers.append(.histogram(values: values, name: name, bins: bins, density: curve))
    }

    /// A function of two variables over `x` × `y`, sampled on a
    /// `resolution × resolution` grid: a heat map, contour lines (at `levels`,
    /// default nice values of the function's range), or both. `valueScale:
    /// .log` colours and contours by log₁₀ (for losses such as Rosenbrock's).
    public mutating func function(
        x: ClosedRange<Double>, y: ClosedRange<Double>, name: String = "f",
        style: FunctionStyle = .heatMapWithContours, levels: [Double]? = nil,
        valueScale: AxisScale = .linear, resolution: Int = 60,
        _ function: (Double, Double) -> Double
    ) {
        do {
            let sampled = sampledArea(x: x, y: y, resolution: resolution, colourBar: style != .contours)
            let grid = try FunctionGrid(
                x: sampled.x, y: sampled.y, xScale: xAxis.scale, yScale: yAxis.scale,
                columns: sampled.columns, rows: sampled.rows, function: function)
            layers.append(
                .function(grid, name: name, style: style, levels: levels, valueScale: valueScale, shown: (x, y)))
        } catch {
            layers.append(.invalid(error as? PlotError ?? .invalidRange("\(error)")))
        }
    }

    /// A path over the plot (an optimizer's trajectory): a line with a halo,
    /// a dot at every point (each step; one `path` of class `path-steps`, when the
    /// path has at most `Plot.maximumStepMarks` points), an open circle at the
    /// start and a filled one at the end. Its colour is the series' own, else
    /// the next of the sequence lines use too.
    public mutating func path(_ series: Series) {
        layers.append(.path(series))
    }

    /// A path through (x[i], y[i]); see `path(_:)`.
    public mutating func path(_ name: String, x: [Double], y: [Double], color: PlotColor? = nil) {
        path(Series(name, x: x, y: y, color: color))
    }

    /// A marked point, such as the minimum w*: a black ring with a cross
    /// (class `marker`), drawn over everything; named, it gets a legend entry.
    public mutating func marker(_ name: String = "", x: Double, y: Double) {
        layers.append(.marker(Series(name, x: [x], y: [y])))
    }

    /// One bar per category: bar k stands at x = k (categories are written
    /// under the x axis, which spans −½ … n − ½) and reaches `values[k]`,
    /// from 0 on a linear y axis, from the bottom of a log y axis. Several bar
    /// layers on the same categories stand side by side in each slot
    /// (together 0.8 wide). NaN, ±∞ (and values ≤ 0 on a log axis) get no
    /// bar and a note. The x axis must be linear; its label names the categories.
    public mutating func bars(_ name: String = "", categories: [String], values: [Double], color: PlotColor? = nil) {
        layers.append(.categoryBars(name: name, categories: categories, values: values, color: color))
    }
}

/// One layer of a plot, as added; checked and cleaned when rendered.
enum PlotLayer: Sendable {
    case line(Series, dashed: Bool)
    case scatter(Series, classes: [Int]?, classNames: [String])
    case histogram(values: [Double], name: String, bins: Int?, density: Series?)
    /// `shown`: the ranges asked for (the grid may cover more, see `equalAspect`).
    case function(
        FunctionGrid, name: String, style: Plot.FunctionStyle, levels: [Double]?, valueScale: AxisScale,
        shown: (x: ClosedRange<Double>, y: ClosedRange<Double>))
    case path(Series)
    case marker(Series)
    case categoryBars(name: String, categories: [String], values: [Double], color: PlotColor?)
    case matrix(MatrixHeatMap)
    /// A layer that could not be built (a bad grid range): rendering throws this.
    case invalid(PlotError)
}

extension Plot {
    /// The area and grid size to sample a function on. Without `equalAspect`:
    /// the given ranges, `resolution` cells each way. With it (two linear
    /// axes), the ranges are first equalized for the plot area the figure has
    /// now (`PlotLayout.equalized`), then widened by `equalAspectMargin` of
    /// their span on each side: notes or a legend added later change the
    /// plot area, hence the widening, a little; the excess is clipped. The
    /// cell count grows with the span (at most 4 × `resolution`), so cells
    /// keep their size.
    func sampledArea(x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int, colourBar: Bool)
        -> (x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int)
    {
        guard equalAspect, xAxis.scale == .linear, yAxis.scale == .linear, resolution >= 1,
            x.lowerBound.isFinite, x.upperBound.isFinite, y.lowerBound.isFinite, y.upperBound.isFinite,
            x.lowerBound < x.upperBound, y.lowerBound < y.upperBound
        else {
            return (x, y, resolution, resolution)
        }
        let layout = PlotLayout(width: width, height: height, noteCount: notes.count, colourBar: colourBar)
        let (wideX, wideY) = PlotLayout.equalized(x, y, width: layout.plotWidth, height: layout.plotHeight)
        func extended(_ range: ClosedRange<Double>, from original: ClosedRange<Double>) -> (ClosedRange<Double>, Int) {
            let span = range.upperBound - range.lowerBound, margin = span * Plot.equalAspectMargin
            let ratio = (span + 2 * margin) / (original.upperBound - original.lowerBound)
            let cells = min(Int((Double(resolution) * ratio).rounded(.up)), 4 * resolution)
            return ((range.lowerBound - margin)...(range.upperBound + margin), cells)
        }
        let (sampledX, columns) = extended(wideX, from: x), (sampledY, rows) = extended(wideY, from: y)
        return (sampledX, sampledY, columns, rows)
    }

    /// The extra span sampled on each side with `equalAspect`, as a fraction of the equalized span.
    static let equalAspectMargin = 0.15

    /// Paths with more points than this get no dot per step (they would merge into a tube).
    public static let maximumStepMarks = 400
}
