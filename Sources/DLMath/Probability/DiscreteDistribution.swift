/// A discrete random variable: finitely many values xᵢ, taken with
/// probabilities pᵢ (a probability distribution).
///
///     let die = try DiscreteDistribution(values: [1, 2, 3, 4, 5, 6],
///                                        probabilities: Array(repeating: 1.0 / 6, count: 6))
///     die.mean       // 3.5
///     die.variance   // 35/12
public struct DiscreteDistribution: Sendable, Equatable {
    /// The values xᵢ the variable takes.
    public let values: [Double]
    /// Their probabilities pᵢ, summing to 1.
    public let probabilities: [Double]

    /// Throws `ProbabilityError` naming `DiscreteDistribution` when the
    /// probabilities are not a distribution or their count differs from the values'.
    public init(values: [Double], probabilities: [Double]) throws(ProbabilityError) {
        guard values.count == probabilities.count else {
            throw ProbabilityError(
                "DiscreteDistribution", "\(values.count) values but \(probabilities.count) probabilities")
        }
        try validateDistribution(probabilities, function: "DiscreteDistribution")
        self.values = values
        self.probabilities = probabilities
    }

    /// The expectation of f(X): E[f(X)] = Σᵢ pᵢ f(xᵢ).
    public func expectation(of f: (Double) -> Double) -> Double {
        probabilities.dot(values.map(f))
    }

    /// E[X] = Σᵢ pᵢ xᵢ.
    public var mean: Double { probabilities.dot(values) }

    /// Var X = E[(X − E[X])²] = Σᵢ pᵢ (xᵢ − μ)², the same as E[X²] − E[X]² but
    /// without its cancellation.
    public var variance: Double {
        let mu = mean
        return expectation { ($0 - mu) * ($0 - mu) }
    }

    /// √Var X.
    public var standardDeviation: Double { variance.squareRoot() }
}
