import Foundation

/// How an axis places values: evenly (`linear`) or by powers of ten (`log`,
/// base 10, for values that span decades such as errors or learning rates).
public enum AxisScale: Sendable, Equatable {
    case linear
    case log

    /// The coordinate the axis is even in: `v` on a linear axis, `log₁₀ v` on
    /// a log axis (NaN for `v ≤ 0`, which a log axis cannot show).
    func transform(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return value > 0 ? Foundation.log10(value) : .nan
        }
    }

    /// Whether `value` can be placed on this axis: finite, and positive on a log axis.
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (self == .linear || value > 0)
    }
}

/// One axis of a figure: its label (every figure labels both axes), its
/// scale, and optionally a fixed range (otherwise the range follows the data).
///
///     Plot(title: "Error of the forward difference", x: .log("step h"), y: .log("|error|"))
///     Plot(title: "Loss", x: "epoch", y: Axis("loss", range: 0...1))
///
/// A string literal is a linear axis with that label.
public struct Axis: Sendable, ExpressibleByStringLiteral {
    public var label: String
    public var scale: AxisScale
    /// The values at the two ends of the axis; nil: chosen from the data.
    /// Must be finite with `lowerBound < upperBound` (and positive on a log axis).
    public var range: ClosedRange<Double>?

    public init(_ label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }

    public init(stringLiteral label: String) {
        self.init(label)
    }

    /// A linear axis.
    public static func linear(_ label: String, range: ClosedRange<Double>? = nil) -> Axis {
        Axis(label, scale: .linear, range: range)
    }

    /// A base-10 logarithmic axis: values ≤ 0 cannot be shown and are skipped (with a note).
    public static func log(_ label: String, range: ClosedRange<Double>? = nil) -> Axis {
        Axis(label, scale: .log, range: range)
    }
}

/// Places data values along a stretch of pixels:
///
///     t = (T(v) − T(lo)) / (T(hi) − T(lo)),   pixel = start + t · (end − start)
///
/// with T the identity on a linear axis and log₁₀ on a log axis. `start` is
/// the pixel of `lo` (for a vertical axis, the bottom of the plot, so that
/// larger values go up). Values far outside the range are clamped to a band
/// of 10⁵ pixels around the plot, so the output is always a finite number.
public struct AxisMapping: Sendable {
    public let scale: AxisScale
    public let range: ClosedRange<Double>
    public let start: Double
    public let end: Double

    /// `range` must be finite and non-degenerate (positive on a log axis).
    public init(scale: AxisScale, range: ClosedRange<Double>, start: Double, end: Double) {
        precondition(
            range.lowerBound < range.upperBound && scale.accepts(range.lowerBound) && scale.accepts(range.upperBound),
            "AxisMapping: range \(range) cannot be shown on a \(scale) axis")
        self.scale = scale
        self.range = range
        self.start = start
        self.end = end
    }

    /// The pixel of `value` (clamped, never NaN; a value the axis cannot show maps to `start`).
    public func pixel(_ value: Double) -> Double {
        let low = scale.transform(range.lowerBound), high = scale.transform(range.upperBound)
        let t = (scale.transform(value) - low) / (high - low)
        guard t.isFinite else { return t == .infinity ? clampHigh : (t == -.infinity ? clampLow : start) }
        let position = start + t * (end - start)
        return min(max(position, min(start, end) - 1e5), max(start, end) + 1e5)
    }

    private var clampHigh: Double { end + (end > start ? 1e5 : -1e5) }
    private var clampLow: Double { start + (end > start ? -1e5 : 1e5) }
}

/// The range an axis shows: the given one, or the data's extent widened by
/// `padding` (a fraction of the span, in the axis's even coordinate) on each
/// side. A single value v is widened to v ± 10 % (±1 for 0) on a linear axis
/// and to one decade either side on a log axis. When `floor` is given and no
/// value lies below it, the range starts there (histogram bars start at 0).
func resolvedRange(
    _ values: [Double], scale: AxisScale, given: ClosedRange<Double>?,
    padding: Double, floor: Double? = nil, axisName: String
) throws -> ClosedRange<Double> {
    if let given {
        guard given.lowerBound.isFinite, given.upperBound.isFinite, given.lowerBound < given.upperBound,
            scale.accepts(given.lowerBound)
        else {
            throw PlotError.invalidRange(
                "the \(axisName) axis range \(given) is not a finite interval with lower < upper\(scale == .log ? " > 0" : "")"
            )
        }
        return given
    }
    let shown = values.filter(scale.accepts)
    guard var low = shown.min(), var high = shown.max() else {
        throw PlotError.emptyData("no value can be placed on the \(axisName) axis")
    }
    if low == high {
        switch scale {
        case .linear:
            let half = low == 0 ? 1 : abs(low) * 0.1
            return (low - half)...(low + half)
        case .log:
            return (low / 10)...(low * 10)
        }
    }
    switch scale {
    case .linear:
        let margin = (high - low) * padding
        let unclamped = low - margin
        low = floor.map { low >= $0 ? max($0, unclamped) : unclamped } ?? unclamped
        high += margin
    case .log:
        let margin = (Foundation.log10(high) - Foundation.log10(low)) * padding
        low /= Foundation.pow(10, margin)
        high *= Foundation.pow(10, margin)
    }
    return low...high
}
