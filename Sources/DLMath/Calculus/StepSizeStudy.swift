import Foundation

/// The error of the forward and central differences over a range of steps h,
/// against a known derivative: the truncation/rounding trade-off in numbers.
///
/// With ε = 2.2e-16 (the spacing of Doubles near 1) and f, f'', f''' of size 1:
///
///     forward  (f(x+h) − f(x)) / h          error ≈ (h/2)|f''| + 2ε|f|/h
///     central  (f(x+h) − f(x−h)) / (2h)     error ≈ (h²/6)|f'''| + ε|f|/h
///
/// The first term (truncation, from Taylor's theorem) falls with h; the
/// second (rounding: f is known only to about ε|f|, and the difference is
/// divided by h) grows as h shrinks. Minimising the sum gives the best steps
/// h ≈ 2√(ε|f|/|f''|) ~ √ε ≈ 1.5e-8 (forward) and h ≈ (3ε|f|/|f'''|)^(1/3)
/// ~ ε^(1/3) ≈ 6e-6 (central), with errors about √ε and ε^(2/3) ≈ 4e-11.
public struct StepSizeStudy: Sendable {
    /// One step and the absolute errors of the two differences at it.
    public struct Row: Sendable {
        /// The step h of the differences.
        public let step: Double
        /// |forwardDifference(f, x, h) − f'(x)|
        public let forwardError: Double
        /// |centralDifference(f, x, h) − f'(x)|
        public let centralError: Double
    }

    /// The rows, in the order of the steps given.
    public let rows: [Row]

    /// The steps 1e-1, 1e-2, …, 1e-12.
    public static let decades: [Double] = (1...12).map { pow(10, -Double($0)) }

    /// √ε ≈ 1.49e-8: the order of the best forward-difference step.
    public static let forwardOptimum = Double.ulpOfOne.squareRoot()
    /// ε^(1/3) ≈ 6.06e-6: the order of the best central-difference step.
    public static let centralOptimum = cbrt(Double.ulpOfOne)

    /// Measures both differences of `f` at `x` for every step, against `derivative` = f'(x).
    public init(of f: (Double) -> Double, derivative: Double, at x: Double, steps: [Double] = decades) {
        rows = steps.map { h in
            Row(
                step: h,
                forwardError: abs(forwardDifference(of: f, at: x, step: h) - derivative),
                centralError: abs(centralDifference(of: f, at: x, step: h) - derivative))
        }
    }

    /// The row with the smallest forward-difference error (ties: the earlier row,
    /// the larger step for the default decreasing `decades`).
    public var bestForward: Row {
        precondition(!rows.isEmpty, "StepSizeStudy: no steps")
        return rows.min { $0.forwardError < $1.forwardError }!
    }

    /// The row with the smallest central-difference error (ties: the earlier row,
    /// the larger step for the default decreasing `decades`).
    public var bestCentral: Row {
        precondition(!rows.isEmpty, "StepSizeStudy: no steps")
        return rows.min { $0.centralError < $1.centralError }!
    }
}
