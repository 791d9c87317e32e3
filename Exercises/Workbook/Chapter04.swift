// Chapter 4 exercises: information theory.
//
// Replace each `throw NotStarted()` with your answer, then run
//     swift run exercises check 4.1
// `swift run exercises hint 4.1` gives a hint. Nothing here is ever
// overwritten by the tools.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter04: Chapter04Exercises {
    /// 4.1 The entropy of a distribution, in bits.
    ///
    ///     H(p) = −Σᵢ pᵢ log₂ pᵢ,   with 0 log 0 = 0
    ///
    /// `p` is a valid distribution (entries ≥ 0, sum 1).
    public static func entropyInBits(_ p: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 4.2 The Kullback–Leibler divergence, in nats.
    ///
    ///     KL(p ‖ q) = Σᵢ pᵢ ln(pᵢ / qᵢ)
    ///
    /// Terms with pᵢ = 0 count 0; return +∞ (`.infinity`) when some qᵢ = 0
    /// where pᵢ > 0. `p` and `q` are valid distributions of the same length.
    public static func klDivergence(_ p: [Double], _ q: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 4.3 The mutual information of a joint table, in bits.
    ///
    ///     I(X; Y) = Σₓ Σᵧ p(x, y) log₂( p(x, y) / (p(x) p(y)) )
    ///     p(x) = Σᵧ p(x, y) (row sums),   p(y) = Σₓ p(x, y) (column sums)
    ///
    /// `joint[x][y]` = p(x, y), a valid table (entries ≥ 0, sum 1); cells with
    /// p(x, y) = 0 count 0.
    public static func mutualInformationInBits(_ joint: [[Double]]) throws -> Double {
        throw NotStarted()
    }

    /// 4.4 The cross-entropy of q relative to p, in bits.
    ///
    ///     H(p, q) = −Σᵢ pᵢ log₂ qᵢ       (terms with pᵢ = 0 count 0)
    public static func crossEntropyInBits(_ p: [Double], _ q: [Double]) throws -> Double {
        throw NotStarted()
    }

    /// 4.5 I(X; Y) in bits for a fair bit X and Y = X flipped with probability ε.
    ///
    ///     I(X; Y) = H(Y) − H(Y | X)
    public static func binarySymmetricChannelInformation(flipProbability epsilon: Double) throws -> Double {
        throw NotStarted()
    }

    /// 4.6 The KL divergence between two Gaussians, in nats (σ's are standard deviations).
    ///
    ///     KL = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½
    public static func gaussianKL(mean1: Double, standardDeviation1: Double, mean2: Double, standardDeviation2: Double)
        throws -> Double
    {
        throw NotStarted()
    }
}
