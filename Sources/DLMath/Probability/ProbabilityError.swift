/// An input that is not a probability distribution (or not a valid joint
/// table), described so that the reader sees the function and the problem:
/// `entropy: probabilities sum to 1.1, not 1`.
///
/// The information-theory functions (`entropy`, `crossEntropy`,
/// `klDivergence`, `jointEntropy`, `conditionalEntropy`, `mutualInformation`,
/// `Categorical`, `bayesPosterior`) validate their inputs and throw this
/// error with typed throws, `throws(ProbabilityError)`: a distribution
/// usually comes from data, and a wrong one should be reported, not crash.
public struct ProbabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The function that rejected the input, e.g. `entropy`.
    public var function: String
    /// What is wrong, e.g. `probabilities sum to 1.1, not 1`.
    public var problem: String

    /// An error of `function` (`entropy`), with the problem in `detail`.
    public init(_ function: String, _ problem: String) {
        self.function = function
        self.problem = problem
    }

    /// `function: problem`, one line.
    public var description: String { "\(function): \(problem)" }
}

/// How far the sum of a distribution may be from 1: |Σᵢ pᵢ − 1| ≤ 1e-9.
///
/// Wide enough for probabilities written with 10 decimals or summed from
/// thousands of rounded terms, narrow enough to catch a real mistake.
public let probabilitySumTolerance = 1e-9

/// Checks that `p` is a probability distribution: non-empty, every entry
/// finite and ≥ 0, the sum within `probabilitySumTolerance` of 1.
///
/// - Parameters:
///   - p: the probabilities p₁ … pₙ to check.
///   - function: the name in the error, e.g. `entropy`.
///   - argument: the argument's name when a function takes several (`q`),
///     put in front of the problem: `klDivergence: q: probabilities sum to 0.9, not 1`.
public func validateDistribution(_ p: [Double], function: String, argument: String? = nil) throws(ProbabilityError) {
    let prefix = argument.map { "\($0): " } ?? ""
    guard !p.isEmpty else { throw ProbabilityError(function, prefix + "empty distribution") }
    for (i, value) in p.enumerated() {
        guard value.isFinite else {
            throw ProbabilityError(function, prefix + "probability [\(i)] = \(formatCompact(value)) is not finite")
        }
        guard value >= 0 else {
            throw ProbabilityError(
                function, prefix + "probability [\(i)] = \(formatCompact(value, significantDigits: 12)) is negative")
        }
    }
    let total = p.sum
    guard abs(total - 1) <= probabilitySumTolerance else {
        throw ProbabilityError(
            function, prefix + "probabilities sum to \(formatCompact(total, significantDigits: 12)), not 1")
    }
}

/// Checks that two distributions have the same length and are each valid
/// (see `validateDistribution`); the arguments are named p and q.
func validatePair(_ p: [Double], _ q: [Double], function: String) throws(ProbabilityError) {
    guard p.count == q.count else {
        throw ProbabilityError(function, "p has \(p.count) probabilities but q has \(q.count)")
    }
    try validateDistribution(p, function: function, argument: "p")
    try validateDistribution(q, function: function, argument: "q")
}
