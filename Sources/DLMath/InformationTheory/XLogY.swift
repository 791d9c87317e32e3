import Foundation

/// x · ln y with the convention 0 · ln y = 0 for every y ≥ 0 (so 0 · ln 0 = 0).
///
/// This is the limit x ln x → 0 as x → 0⁺ that entropy, cross-entropy, KL
/// divergence and the Bernoulli and binomial log-pmfs rely on: an outcome of
/// probability 0 contributes nothing. With x > 0 and y = 0 the result is −∞.
public func xLogY(_ x: Double, _ y: Double) -> Double {
    x == 0 ? 0 : x * log(y)
}
