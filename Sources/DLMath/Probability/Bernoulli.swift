import Foundation

/// The Bernoulli distribution: X = 1 with probability p, X = 0 with probability 1 − p.
///
/// Draw samples with `SeededGenerator.bernoulli(_:)`.
public struct Bernoulli: Sendable, Equatable {
    /// P(X = 1), in [0, 1].
    public let probability: Double

    /// Stops unless 0 ≤ p ≤ 1.
    public init(_ probability: Double) {
        precondition(
            probability >= 0 && probability <= 1,
            "Bernoulli: p = \(probability) is not in [0, 1]")
        self.probability = probability
    }

    /// E[X] = p.
    public var mean: Double { probability }

    /// Var X = p (1 − p).
    public var variance: Double { probability * (1 - probability) }

    /// P(X = k) = pᵏ (1 − p)¹⁻ᵏ for k ∈ {0, 1}; 0 for any other k.
    public func pmf(_ k: Int) -> Double {
        switch k {
        case 1: return probability
        case 0: return 1 - probability
        default: return 0
        }
    }

    /// ln P(X = k) = k ln p + (1 − k) ln(1 − p), with 0 · ln 0 = 0; −∞ for an
    /// impossible outcome (k outside {0, 1}, or k = 1 when p = 0, k = 0 when p = 1).
    public func logPMF(_ k: Int) -> Double {
        guard k == 0 || k == 1 else { return -.infinity }
        return xLogY(Double(k), probability) + xLogY(Double(1 - k), 1 - probability)
    }

    /// The log-likelihood of observations yᵢ ∈ {0, 1}: Σᵢ [yᵢ ln p + (1 − yᵢ) ln(1 − p)].
    /// Its negative, divided by n, is the binary cross-entropy of the labels
    /// against the prediction p. Maximised at p = (number of ones) / n.
    public func logLikelihood(_ observations: [Int]) -> Double {
        observations.reduce(0) { $0 + logPMF($1) }
    }
}
