/// The Shannon entropy H(p) = −Σᵢ pᵢ log pᵢ of a discrete distribution, with
/// 0 log 0 = 0 (an impossible outcome adds nothing), in nats by default.
///
/// 0 ≤ H(p) ≤ log n for n outcomes: 0 for a certain outcome, log n for the
/// uniform distribution. A fair coin has 1 bit = ln 2 nats.
///
/// Throws `ProbabilityError` naming `entropy` when `p` is empty, has a
/// negative or non-finite entry, or sums to 1 ± more than `probabilitySumTolerance`.
public func entropy(_ p: [Double], in unit: InformationUnit = .nats) throws(ProbabilityError) -> Double {
    try validateDistribution(p, function: "entropy")
    return unit.fromNats(-p.reduce(0) { $0 + xLogY($1, $1) })
}

/// The cross-entropy H(p, q) = −Σᵢ pᵢ log qᵢ of q relative to p (the average
/// code length when outcomes follow p but the code is built for q), in nats
/// by default. H(p, q) = H(p) + KL(p ‖ q) ≥ H(p).
///
/// Terms with pᵢ = 0 count 0 whatever qᵢ is; the result is +∞ when some
/// qᵢ = 0 where pᵢ > 0 (an outcome q calls impossible happens).
/// With p a one-hot label and q a model's predicted probabilities this is the
/// classification loss, −log q(true class).
///
/// Throws `ProbabilityError` naming `crossEntropy` for lengths that differ or
/// an argument that is not a distribution (see `validateDistribution`).
public func crossEntropy(_ p: [Double], _ q: [Double], in unit: InformationUnit = .nats) throws(ProbabilityError)
    -> Double
{
    try validatePair(p, q, function: "crossEntropy")
    var sum = 0.0
    for i in p.indices { sum -= xLogY(p[i], q[i]) }
    return unit.fromNats(sum)
}

/// The Kullback–Leibler divergence KL(p ‖ q) = Σᵢ pᵢ log(pᵢ / qᵢ), in nats by
/// default: the extra code length paid for using q when the truth is p.
///
/// KL(p ‖ q) ≥ 0 (Gibbs' inequality), = 0 exactly when p = q, and in general
/// KL(p ‖ q) ≠ KL(q ‖ p): it is not a distance. Terms with pᵢ = 0 count 0;
/// the result is +∞ when some qᵢ = 0 where pᵢ > 0.
///
/// Computed as the direct sum Σᵢ pᵢ log(pᵢ / qᵢ), not as H(p, q) − H(p), so
/// that it is exactly 0 for q = p and keeps its digits when q is close to p.
/// Throws `ProbabilityError` naming `klDivergence` for lengths that differ or
/// an argument that is not a distribution.
public func klDivergence(_ p: [Double], _ q: [Double], in unit: InformationUnit = .nats) throws(ProbabilityError)
    -> Double
{
    try validatePair(p, q, function: "klDivergence")
    var sum = 0.0
    for i in p.indices where p[i] > 0 {
        if q[i] == 0 { return .infinity }
        sum += xLogY(p[i], p[i] / q[i])
    }
    return unit.fromNats(sum)
}
