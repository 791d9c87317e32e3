import DLMath

/// One formula of the book and its numerical verification: the value the
/// formula gives (analytic) against a value computed independently of it
/// (finite differences, a closed form, a second algorithm, a simulation).
///
/// Values are arrays so that a formula about vectors or matrices compares
/// element by element; a scalar formula gives one-element arrays.
public struct Formula: Sendable {
    /// `chapter.k`, e.g. `2.4`.
    public let id: String
    /// The formula in plain text, e.g. `d/dx sin x = cos x at x = 0.7`.
    public let statement: String
    /// How the independent value is obtained, e.g. `central difference, h = 1e-5`.
    public let method: String
    /// How close the two values must be.
    public let tolerance: Tolerance
    /// Computes (analytic, independent).
    public let evaluate: @Sendable () -> (analytic: [Double], independent: [Double])

    public init(
        _ id: String, _ statement: String, method: String, tolerance: Tolerance = .standard,
        evaluate: @escaping @Sendable () -> (analytic: [Double], independent: [Double])
    ) {
        self.id = id
        self.statement = statement
        self.method = method
        self.tolerance = tolerance
        self.evaluate = evaluate
    }

    /// A formula with a scalar value.
    public init(
        _ id: String, _ statement: String, method: String, tolerance: Tolerance = .standard,
        scalar evaluate: @escaping @Sendable () -> (analytic: Double, independent: Double)
    ) {
        self.init(id, statement, method: method, tolerance: tolerance) {
            let (a, b) = evaluate()
            return ([a], [b])
        }
    }

    /// The chapter number, the part of `id` before the dot.
    public var chapter: Int { Int(id.split(separator: ".").first ?? "") ?? 0 }

    /// Runs the computation and compares.
    public func verify() -> Verification {
        let (analytic, independent) = evaluate()
        var error = 0.0
        if analytic.count != independent.count {
            error = .infinity
        } else {
            for (a, b) in zip(analytic, independent) {
                let e = abs(a - b)
                error = e.isNaN ? .infinity : Swift.max(error, e)
            }
        }
        return Verification(
            formula: self, analytic: analytic, independent: independent,
            error: error, passed: tolerance.accepts(analytic, independent))
    }
}

/// The result of verifying one formula.
public struct Verification: Sendable {
    public let formula: Formula
    public let analytic: [Double]
    public let independent: [Double]
    /// The largest absolute difference max |analytic − independent|.
    public let error: Double
    /// Whether every element is within the formula's tolerance.
    public let passed: Bool
}

/// Every formula of the book, chapter by chapter, in order.
public enum FormulaCatalog {
    public static var all: [Formula] {
        chapter01 + chapter02 + chapter03 + chapter04 + chapter05 + chapter06 + chapter07 + chapter08 + chapter09
            + chapter10 + chapter11 + chapter12 + chapter13 + chapter14
    }

    /// The chapters that have formulas.
    public static var chapters: [Int] { Array(Set(all.map(\.chapter))).sorted() }
}
