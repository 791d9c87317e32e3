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
/// For one-line figures see `Plot.lines`, `Plot.scatter`, `Plot.histogram`, `Plot.contour`.
public struct Plot: Sendable {
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    /// Size of the SVG in pixels (user units). At least 200 × 150.
    public var width: Double = 640
    public var height: Double = 440
    /// Where the legend sits inside the plot area (default: the corner that hides the least data).
    public var legend: LegendPosition = .best
    /// Equal units on both axes (a circle looks round): the shorter range is
    /// widened about its centre. Only with two linear axes.
    public var equalAspect = false
    /// Extra notes printed under the figure (skipped data adds its own).
    public var notes: [String] = []
    private(set) var layers: [PlotLayer] = []

    public init(title: String, x: Axis, y: Axis) {
        self.title = title
        self.xAxis = x
        self.yAxis = y
    }

    public enum LegendPosition: Sendable { case best, topRight, topLeft, bottomRight, bottomLeft }

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
    public mutating func line(_ series: Series, dashed: Bool = false) {
        layers.append(.line(series, dashed: dashed))
    }

    /// A curve through (x[i], y[i]); see `line(_:dashed:)`.
    public mutating func line(_ name: String, x: [Double], y: [Double], dashed: Bool = false) {
        line(Series(name, x: x, y: y), dashed: dashed)
    }

    /// Points as dots. With `classes` (one integer per point, ≥ 0), each class
    /// gets its own colour and legend entry, named by `classNames[k]` (default `class k`).
    public mutating func scatter(_ name: String = "", x: [Double], y: [Double], classes: [Int]? = nil, classNames: [String]? = nil) {
        layers.append(.scatter(Series(name, x: x, y: y), classes: classes, classNames: classNames ?? []))
    }

    /// A histogram of `values` in `bins` equal bins (default ⌈√n⌉, 5…50).
    /// With `density`, the bars show density count / (n · width), so their
    /// area is 1, and the density curve is drawn over them.
    public mutating func histogram(_ values: [Double], name: String = "samples", bins: Int? = nil,
                                   density: ((Double) -> Double)? = nil, densityName: String = "density") {
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
    public mutating func function(x: ClosedRange<Double>, y: ClosedRange<Double>, name: String = "f",
                                  style: FunctionStyle = .heatMapWithContours, levels: [Double]? = nil,
                                  valueScale: AxisScale = .linear, resolution: Int = 60,
                                  _ function: (Double, Double) -> Double) {
        do {
            let grid = try FunctionGrid(x: x, y: y, xScale: xAxis.scale, yScale: yAxis.scale,
                                        columns: resolution, rows: resolution, function: function)
            layers.append(.function(grid, name: name, style: style, levels: levels, valueScale: valueScale))
        } catch {
            layers.append(.invalid(error as? PlotError ?? .invalidRange("\(error)")))
        }
    }

    /// A path over the plot (an optimizer's trajectory): a line with a halo,
    /// an open circle at the start and a filled one at the end.
    public mutating func path(_ series: Series) {
        layers.append(.path(series))
    }

    /// A path through (x[i], y[i]); see `path(_:)`.
    public mutating func path(_ name: String, x: [Double], y: [Double]) {
        path(Series(name, x: x, y: y))
    }
}

/// One layer of a plot, as added; checked and cleaned when rendered.
enum PlotLayer: Sendable {
    case line(Series, dashed: Bool)
    case scatter(Series, classes: [Int]?, classNames: [String])
    case histogram(values: [Double], name: String, bins: Int?, density: Series?)
    case function(FunctionGrid, name: String, style: Plot.FunctionStyle, levels: [Double]?, valueScale: AxisScale)
    case path(Series)
    /// A layer that could not be built (a bad grid range): rendering throws this.
    case invalid(PlotError)
}
