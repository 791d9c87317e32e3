/// A named sequence of points (x[i], y[i]): a curve, a class of points, or
/// an optimizer's path. The name appears in the legend (an empty name: no
/// legend entry).
///
///     Series("train", x: epochs, y: trainingLoss)
///     Series("loss", y: losses)          // x = 0, 1, 2, …
///     Series("SGD, test", y: test, color: Palette.color(0), dash: .dashed)
///
/// `color` nil (the default): the next colour of the figure's sequence
/// (`Palette.categorical`, shared by lines, points, bars and paths); a
/// series with its own colour does not use up a colour of the sequence.
/// `dash` nil: as the layer says (`line(_:dashed:)`; paths are solid).
public struct Series: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    /// The colour of the curve, its points and its legend entry; nil: the next in the sequence.
    public var color: PlotColor?
    /// The stroke pattern of the curve; nil: the layer's default.
    public var dash: DashStyle?
    /// The stroke width of a line in pixels; nil: 2. A wide light line under
    /// a narrow one keeps both visible where they coincide.
    public var width: Double?
    /// A dot at every point of a line as well (the points are the data, the
    /// line only joins them, as for iterates xₖ); its legend entry shows both.
    public var marksPoints = false

    public init(
        _ name: String, x: [Double], y: [Double], color: PlotColor? = nil, dash: DashStyle? = nil, width: Double? = nil
    ) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.dash = dash
        self.width = width
    }

    /// y against its index 0, 1, 2, ….
    public init(_ name: String, y: [Double], color: PlotColor? = nil, dash: DashStyle? = nil, width: Double? = nil) {
        self.init(name, x: y.indices.map(Double.init), y: y, color: color, dash: dash, width: width)
    }

    /// The series' points in order, split into runs wherever a point cannot
    /// be shown (NaN, ±∞, or ≤ 0 on a log axis), with counts of what was
    /// skipped. Throws when the lengths differ or the series is empty.
    func cleaned(xScale: AxisScale, yScale: AxisScale) throws -> CleanedPoints {
        let label = name.isEmpty ? "a series" : "series '\(name)'"
        guard x.count == y.count else {
            throw PlotError.mismatchedLengths("\(label) has \(x.count) x values and \(y.count) y values")
        }
        guard !x.isEmpty else { throw PlotError.emptyData("\(label) has no points") }
        var result = CleanedPoints(name: name)
        var run: [PlotPoint] = []
        for (index, (px, py)) in zip(x, y).enumerated() {
            if !px.isFinite || !py.isFinite {
                result.nonFinite += 1
            } else if !xScale.accepts(px) || !yScale.accepts(py) {
                result.notPositive += 1
            } else {
                run.append(PlotPoint(x: px, y: py, index: index))
                continue
            }
            if !run.isEmpty { result.runs.append(run); run = [] }
        }
        if !run.isEmpty { result.runs.append(run) }
        guard !result.runs.isEmpty else {
            throw PlotError.emptyData(
                "\(label) has no point that can be shown (\(x.count) skipped: NaN, infinite or ≤ 0 on a log axis)")
        }
        return result
    }
}

/// How a curve is stroked. `dashArray` is the SVG `stroke-dasharray`
/// (lengths of dash and gap in pixels, for a 2-pixel-wide line).
public enum DashStyle: Sendable, Equatable {
    case solid
    case dashed
    case dotted
    case dashDot

    var dashArray: String {
        switch self {
        case .solid: return "none"
        case .dashed: return "7 4"
        case .dotted: return "2 3"
        case .dashDot: return "8 3 2 3"
        }
    }
}

/// A point in data coordinates.
struct PlotPoint: Sendable, Equatable {
    var x: Double
    var y: Double
    /// The point's position in its series (to find its class).
    var index: Int
}

/// The showable points of a series, in runs, and what was skipped.
struct CleanedPoints {
    var name: String
    var runs: [[PlotPoint]] = []
    var nonFinite = 0
    var notPositive = 0

    var points: [PlotPoint] { runs.flatMap { $0 } }

    /// What was skipped, as notes for the figure (empty when nothing was).
    var notes: [String] {
        let label = name.isEmpty ? "series" : "'\(name)'"
        var notes: [String] = []
        if nonFinite > 0 {
            notes.append("\(label): \(nonFinite) point\(nonFinite == 1 ? "" : "s") skipped (NaN or infinite)")
        }
        if notPositive > 0 {
            notes.append("\(label): \(notPositive) point\(notPositive == 1 ? "" : "s") skipped (≤ 0 on a log axis)")
        }
        return notes
    }
}
