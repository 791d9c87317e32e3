/// Bayes' rule over a set of exclusive hypotheses H₁ … Hₖ after observing evidence E:
///
///     P(Hᵢ | E) = P(E | Hᵢ) P(Hᵢ) / P(E),   P(E) = Σⱼ P(E | Hⱼ) P(Hⱼ)
///
/// - Parameters:
///   - prior: P(Hᵢ), a probability distribution.
///   - likelihoods: P(E | Hᵢ), one per hypothesis, each in [0, 1] (they need
///     not sum to 1: they are probabilities of the same evidence under
///     different hypotheses).
/// - Returns: the posterior P(Hᵢ | E) and the evidence P(E).
/// - Throws: `ProbabilityError` naming `bayesPosterior` when the prior is not a
///   distribution, the lengths differ, a likelihood is outside [0, 1], or the
///   evidence has probability 0 (the posterior is then undefined).
///
/// A diagnostic test: prior = [prevalence, 1 − prevalence], likelihoods of a
/// positive result = [sensitivity, 1 − specificity].
public func bayesPosterior(prior: [Double], likelihoods: [Double]) throws(ProbabilityError) -> (
    posterior: [Double], evidence: Double
) {
    guard prior.count == likelihoods.count else {
        throw ProbabilityError(
            "bayesPosterior", "\(prior.count) prior probabilities but \(likelihoods.count) likelihoods")
    }
    try validateDistribution(prior, function: "bayesPosterior", argument: "prior")
    for (i, likelihood) in likelihoods.enumerated() where !(likelihood >= 0 && likelihood <= 1) {
        throw ProbabilityError("bayesPosterior", "likelihood [\(i)] = \(formatCompact(likelihood)) is not in [0, 1]")
    }
    let evidence = prior.dot(likelihoods)
    guard evidence > 0 else {
        throw ProbabilityError("bayesPosterior", "the evidence has probability 0 under every hypothesis")
    }
    let posterior = prior.indices.map { prior[$0] * likelihoods[$0] / evidence }
    return (posterior, evidence)
}
