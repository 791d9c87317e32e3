import Foundation

/// A function of two variables sampled on a grid of nodes: `columns + 1`
/// values of x and `rows + 1` values of y spanning the given ranges,
/// evenly spaced in each axis's even coordinate (log-spaced on a log axis).
/// Node (i, j) holds f(xs[i], ys[j]); cell (i, j) is the rectangle between
/// nodes i…i+1 and j…j+1. Used for heat maps (one colour per cell) and
/// contour lines (through the nodes), in SVG and in the terminal.
public struct FunctionGrid: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    /// Row-major: `values[j * xs.count + i] = f(xs[i], ys[j])`. May hold NaN or ±∞.
    public let values: [Double]

    /// Samples `function` on a `columns × rows` grid of cells. The ranges must
    /// be finite with lower < upper (positive on a log axis).
    public init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, xScale: AxisScale = .linear, yScale: AxisScale = .linear,
        columns: Int, rows: Int, function: (Double, Double) -> Double
    ) throws {
        guard columns >= 1, rows >= 1 else {
            throw PlotError.invalidRange("a grid needs at least one cell, not \(columns)×\(rows)")
        }
        _ = try resolvedRange([], scale: xScale, given: x, padding: 0, axisName: "x")
        _ = try resolvedRange([], scale: yScale, given: y, padding: 0, axisName: "y")
        xs = FunctionGrid.nodes(x, scale: xScale, count: columns)
        ys = FunctionGrid.nodes(y, scale: yScale, count: rows)
        var values: [Double] = []
        values.reserveCapacity(xs.count * ys.count)
        for yValue in ys { for xValue in xs { values.append(function(xValue, yValue)) } }
        self.values = values
    }

    public var columns: Int { xs.count - 1 }
    public var rows: Int { ys.count - 1 }

    /// f at node (i, j).
    public subscript(i: Int, j: Int) -> Double { values[j * xs.count + i] }

    /// The value shown for cell (i, j): the mean of its four corners, NaN
    /// when any corner is not finite.
    public func cellValue(_ i: Int, _ j: Int) -> Double {
        let corners = [self[i, j], self[i + 1, j], self[i, j + 1], self[i + 1, j + 1]]
        guard corners.allSatisfy(\.isFinite) else { return .nan }
        return corners.reduce(0, +) / 4
    }

    /// Every cell value, row by row.
    var cellValues: [Double] {
        (0..<rows).flatMap { j in (0..<columns).map { i in cellValue(i, j) } }
    }

    /// `count + 1` nodes from lo to hi, even in the scale's coordinate; the ends are exact.
    static func nodes(_ range: ClosedRange<Double>, scale: AxisScale, count: Int) -> [Double] {
        (0...count).map { k in
            if k == 0 { return range.lowerBound }
            if k == count { return range.upperBound }
            let t = Double(k) / Double(count)
            switch scale {
            case .linear: return range.lowerBound + t * (range.upperBound - range.lowerBound)
            case .log: return range.lowerBound * Foundation.pow(range.upperBound / range.lowerBound, t)
            }
        }
    }
}

/// Maps values of a function onto t ∈ [0, 1] for colouring: linearly, or by
/// log₁₀ (then values ≤ 0 cannot be shown). Built from the finite values it
/// will colour; a constant function maps to t = ½.
struct ValueScale {
    let scale: AxisScale
    let range: ClosedRange<Double>

    init(values: [Double], scale: AxisScale, what: String) throws {
        let shown = values.filter(scale.accepts)
        guard let low = shown.min(), let high = shown.max() else {
            throw PlotError.emptyData(
                "\(what) has no value that can be coloured (NaN, infinite\(scale == .log ? " or ≤ 0" : ""))")
        }
        self.scale = scale
        self.range = low...high
    }

    var isConstant: Bool { range.lowerBound == range.upperBound }

    /// t ∈ [0, 1], or nil when the value cannot be shown.
    func fraction(_ value: Double) -> Double? {
        guard scale.accepts(value) else { return nil }
        if isConstant { return 0.5 }
        let low = scale.transform(range.lowerBound), high = scale.transform(range.upperBound)
        return min(max((scale.transform(value) - low) / (high - low), 0), 1)
    }

    /// The levels of contour lines: the axis ticks of the value range, strictly inside it.
    var contourLevels: [Double] {
        guard !isConstant else { return [] }
        let ticks =
            scale == .linear ? Ticks.linear(in: range, targetCount: 8) : Ticks.logarithmic(in: range, maximumCount: 10)
        return ticks.filter { $0 > range.lowerBound && $0 < range.upperBound }
    }
}
