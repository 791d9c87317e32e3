import Foundation

/// The Gaussian (normal) distribution N(μ, σ²) with mean μ and standard
/// deviation σ > 0.
///
///     let standard = Gaussian(mean: 0, standardDeviation: 1)
///     standard.pdf(0)     // 1/√(2π) ≈ 0.3989
///     standard.cdf(1.96)  // ≈ 0.975
///
/// Draw samples with `SeededGenerator.normal(mean:standardDeviation:)`.
public struct Gaussian: Sendable, Equatable {
    /// The mean μ.
    public let mean: Double
    /// The standard deviation σ > 0.
    public let standardDeviation: Double

    /// Stops unless σ > 0 and both parameters are finite.
    public init(mean: Double, standardDeviation: Double) {
        precondition(
            mean.isFinite && standardDeviation.isFinite && standardDeviation > 0,
            "Gaussian: needs a finite mean and a standard deviation > 0, got μ = \(mean), σ = \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The standard normal N(0, 1).
    public static let standard = Gaussian(mean: 0, standardDeviation: 1)

    /// The variance σ².
    public var variance: Double { standardDeviation * standardDeviation }

    /// The density p(x) = exp(−(x − μ)² / (2σ²)) / √(2πσ²).
    /// Underflows to 0 more than about 38σ from the mean; use `logPDF` there.
    public func pdf(_ x: Double) -> Double {
        exp(logPDF(x))
    }

    /// The log-density ln p(x) = −½ ln(2πσ²) − (x − μ)² / (2σ²), finite for every finite x.
    public func logPDF(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return -0.5 * log(2 * Double.pi * variance) - 0.5 * z * z
    }

    /// The distribution function Φ(x) = P(X ≤ x) = ½ (1 + erf((x − μ) / (σ√2))).
    ///
    /// Computed as ½ erfc(−(x − μ) / (σ√2)), the same value, because erfc
    /// keeps full relative precision in the left tail (Φ(−10) ≈ 7.6e-24),
    /// where 1 + erf(…) would cancel to 0.
    public func cdf(_ x: Double) -> Double {
        0.5 * erfc(-(x - mean) / (standardDeviation * 2.0.squareRoot()))
    }

    /// The differential entropy h = ½ ln(2πeσ²) in nats (it does not depend on μ).
    public var entropy: Double { 0.5 * (1 + log(2 * Double.pi * variance)) }

    /// The KL divergence of two Gaussians in nats,
    /// KL(p ‖ q) = ln(σ_q / σ_p) + (σ_p² + (μ_p − μ_q)²) / (2σ_q²) − ½,
    /// where p is `self`. Zero exactly when p = q; not symmetric.
    public func klDivergence(from q: Gaussian) -> Double {
        let meanGap = mean - q.mean
        return log(q.standardDeviation / standardDeviation)
            + (variance + meanGap * meanGap) / (2 * q.variance) - 0.5
    }

    /// The log-likelihood of independent observations, Σᵢ ln p(xᵢ)
    /// = −(n/2) ln(2πσ²) − Σᵢ (xᵢ − μ)² / (2σ²). Maximising it over μ minimises
    /// the sum of squared errors: the Gaussian road to the mean squared error.
    public func logLikelihood(_ observations: [Double]) -> Double {
        observations.reduce(0) { $0 + logPDF($1) }
    }
}
