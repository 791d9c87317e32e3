/// The entropy of a coin that shows 1 with probability p, as a function of p:
///
///     H(p) = −p log p − (1 − p) log(1 − p),   0 log 0 = 0
///
/// 0 at p = 0 and 1, largest at p = ½ (ln 2 nats = 1 bit); symmetric,
/// H(p) = H(1 − p); its derivative is log((1 − p)/p). Stops unless 0 ≤ p ≤ 1.
public func bernoulliEntropy(_ p: Double, in unit: InformationUnit = .nats) -> Double {
    precondition(p >= 0 && p <= 1, "bernoulliEntropy: p = \(p) is not in [0, 1]")
    return unit.fromNats(-xLogY(p, p) - xLogY(1 - p, 1 - p))
}
