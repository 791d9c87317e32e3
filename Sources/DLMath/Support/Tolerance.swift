/// How close two numbers must be to count as equal: an absolute and a relative part.
///
/// `a` is accepted as `b` when |a − b| ≤ absolute + relative · |b|, with `b`
/// the reference (the value derived by hand or computed independently). The
/// absolute part matters near zero, the relative part for large values.
/// NaN is never close to anything; infinities are close only to themselves.
public struct Tolerance: Sendable, Equatable, CustomStringConvertible {
    /// The absolute part a of the bound |x − y| ≤ a + r · |y|.
    public var absolute: Double
    /// The relative part r of the bound |x − y| ≤ a + r · |y|.
    public var relative: Double

    /// Accepts x for y when |x − y| ≤ absolute + relative · |y|.
    public init(absolute: Double, relative: Double) {
        precondition(absolute >= 0 && relative >= 0, "Tolerance: absolute and relative must be >= 0")
        self.absolute = absolute
        self.relative = relative
    }

    /// 1e-12 absolute and relative: results of a few exact-ish operations.
    public static let tight = Tolerance(absolute: 1e-12, relative: 1e-12)
    /// 1e-9 absolute and relative: the default for closed forms.
    public static let standard = Tolerance(absolute: 1e-9, relative: 1e-9)
    /// 1e-6 absolute and relative: central differences and iterative methods.
    public static let numerical = Tolerance(absolute: 1e-6, relative: 1e-6)

    /// True when `value` is within the tolerance of `reference`.
    public func accepts(_ value: Double, _ reference: Double) -> Bool {
        if value.isNaN || reference.isNaN { return false }
        if value.isInfinite || reference.isInfinite { return value == reference }
        return abs(value - reference) <= absolute + relative * abs(reference)
    }

    /// True when the arrays have the same length and every pair is accepted.
    public func accepts(_ values: [Double], _ references: [Double]) -> Bool {
        values.count == references.count && zip(values, references).allSatisfy { accepts($0, $1) }
    }

    /// True when the matrices have the same shape and every element pair is accepted.
    public func accepts(_ value: Matrix, _ reference: Matrix) -> Bool {
        value.rows == reference.rows && value.columns == reference.columns
            && accepts(value.elements, reference.elements)
    }

    public var description: String {
        "abs \(formatScientific(absolute, significantDigits: 1)), rel \(formatScientific(relative, significantDigits: 1))"
    }
}
