/// The outcome of comparing an analytic gradient with central differences.
///
/// The error at each element is
///
///     error = |analytic − numerical| / max(1, |analytic|, |numerical|)
///
/// which is the relative error for gradients of size 1 or more and the
/// absolute error for smaller ones (a pure relative error is meaningless for
/// a gradient that should be 0). The check passes when the largest error is
/// at most `tolerance`.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    /// The largest error over all elements.
    public let maximumError: Double
    /// Where the largest error occurs, as (row, column) of the checked matrix.
    public let worstIndex: (row: Int, column: Int)
    /// The analytic and numerical values at `worstIndex`.
    public let analyticValue: Double
    /// The central-difference value at `worstIndex`.
    public let numericalValue: Double
    /// The tolerance the check was held to, and the step used.
    public let tolerance: Double
    /// The finite-difference step h.
    public let step: Double
    /// A name for what was checked (for example `Dense.weights`).
    public let name: String

    /// True when `maximumError <= tolerance` (and nothing was NaN).
    public var passed: Bool { maximumError <= tolerance }

    /// One line: where the worst element is and by how much it misses.
    public var description: String {
        let verdict = passed ? "passed" : "FAILED"
        return "gradient check \(verdict) for \(name): largest error \(formatScientific(maximumError)) "
            + "(tolerance \(formatScientific(tolerance, significantDigits: 1)), step \(formatScientific(step, significantDigits: 1))) "
            + "at (\(worstIndex.row), \(worstIndex.column)): analytic \(formatCompact(analyticValue, significantDigits: 10)), "
            + "numerical \(formatCompact(numericalValue, significantDigits: 10))"
    }
}

/// Checks an analytic gradient of a scalar function f(X) against central differences.
///
/// - Parameters:
///   - analytic: the gradient ∂f/∂X computed by the code under test, same shape as `x`.
///   - f: the scalar function (typically a loss as a function of one parameter matrix).
///   - x: the point at which to check.
///   - name: what is being checked, used in the message.
///   - step: the central-difference step h (default 1e-5, near ε^(1/3); the
///     numerical gradient then has error about 1e-10 for smooth f of size 1).
///   - tolerance: the largest error accepted (default 1e-6; see
///     `GradientCheckResult` for how the error is measured).
/// - Returns: the result; its `description` says where and by how much on failure.
///
/// Kinks (ReLU at 0, |x| at 0) make central differences wrong within h of
/// the kink: check at points away from them.
public func gradientCheck(
    _ analytic: Matrix, of f: (Matrix) -> Double, at x: Matrix,
    name: String = "gradient", step: Double = 1e-5,
    tolerance: Double = 1e-6
) -> GradientCheckResult {
    requireShape(
        analytic.rows == x.rows && analytic.columns == x.columns,
        ShapeError(
            "gradientCheck", "analytic gradient (\(analytic.shapeDescription)) and point (\(x.shapeDescription)) differ"
        ))
    let numerical = numericalGradient(of: f, at: x, step: step)
    var worst = 0
    var maximumError = 0.0
    for i in 0..<x.count {
        let a = analytic.elements[i], n = numerical.elements[i]
        let error = abs(a - n) / Swift.max(1, abs(a), abs(n))
        if error.isNaN || error > maximumError {
            maximumError = error.isNaN ? .infinity : error
            worst = i
        }
    }
    let columns = Swift.max(x.columns, 1)
    return GradientCheckResult(
        maximumError: maximumError,
        worstIndex: (worst / columns, worst % columns),
        analyticValue: x.count > 0 ? analytic.elements[worst] : 0,
        numericalValue: x.count > 0 ? numerical.elements[worst] : 0,
        tolerance: tolerance, step: step, name: name)
}

/// Checks the gradient of f: ℝⁿ → ℝ given as an array (see the matrix version).
public func gradientCheck(
    _ analytic: [Double], of f: ([Double]) -> Double, at x: [Double],
    name: String = "gradient", step: Double = 1e-5,
    tolerance: Double = 1e-6
) -> GradientCheckResult {
    gradientCheck(
        Matrix(row: analytic), of: { f($0.elements) }, at: Matrix(row: x),
        name: name, step: step, tolerance: tolerance)
}
