import Foundation

/// The binomial distribution: the number of successes in n independent
/// Bernoulli(p) trials.
public struct Binomial: Sendable, Equatable {
    /// n ≥ 0.
    public let trials: Int
    /// The success probability p of each trial, in [0, 1].
    public let probability: Double

    /// Stops unless n ≥ 0 and 0 ≤ p ≤ 1.
    public init(trials: Int, probability: Double) {
        precondition(trials >= 0, "Binomial: trials n = \(trials) < 0")
        precondition(probability >= 0 && probability <= 1, "Binomial: p = \(probability) is not in [0, 1]")
        self.trials = trials
        self.probability = probability
    }

    /// E[X] = n p.
    public var mean: Double { Double(trials) * probability }

    /// Var X = n p (1 − p).
    public var variance: Double { Double(trials) * probability * (1 - probability) }

    /// P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, 0 outside 0 … n.
    ///
    /// Computed as exp(logPMF(k)), so that C(n, k) (about 2.7e299 for n = 1000,
    /// k = 500) is never formed; values below about 1e-308 underflow to 0, and
    /// `logPMF` still has them.
    public func pmf(_ k: Int) -> Double {
        exp(logPMF(k))
    }

    /// ln P(X = k) = ln C(n, k) + k ln p + (n − k) ln(1 − p), with 0 · ln 0 = 0;
    /// −∞ outside 0 … n or for an impossible k (k > 0 when p = 0).
    /// Stable for large n: see `logBinomialCoefficient`.
    public func logPMF(_ k: Int) -> Double {
        guard k >= 0 && k <= trials else { return -.infinity }
        return logBinomialCoefficient(trials, k)
            + xLogY(Double(k), probability) + xLogY(Double(trials - k), 1 - probability)
    }

    /// A draw: the number of successes among n Bernoulli(p) draws of `generator`
    /// (n uniforms; fine for the n of this book, O(n) per draw).
    public func sample(using generator: inout SeededGenerator) -> Int {
        var successes = 0
        for _ in 0..<trials where generator.bernoulli(probability) { successes += 1 }
        return successes
    }
}

/// ln C(n, k) = ln n! − ln k! − ln (n − k)! = lgamma(n + 1) − lgamma(k + 1) − lgamma(n − k + 1),
/// for 0 ≤ k ≤ n.
///
/// Through the log-gamma function, so it never overflows: C(1000, 500) ≈ 2.7e299
/// is near the top of Double, C(1100, 550) is not representable, its log is 759.4.
/// The absolute error is a few ulps of ln n! (about 1e-12 for n = 1000).
public func logBinomialCoefficient(_ n: Int, _ k: Int) -> Double {
    precondition(n >= 0 && k >= 0 && k <= n, "logBinomialCoefficient: needs 0 ≤ k ≤ n, got n = \(n), k = \(k)")
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k)
}

/// ln n! = lgamma(n + 1); exactly 0 for n = 0 and 1.
func logFactorial(_ n: Int) -> Double {
    n < 2 ? 0 : lgamma(Double(n) + 1)
}
