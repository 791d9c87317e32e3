import Foundation

/// p_i(τ) = exp(z_i/τ) / Σ_j exp(z_j/τ): the softmax of the logits divided by
/// the temperature τ > 0, in the stable form (max subtracted).
///
/// τ = 1 is the model's own distribution; τ → 0 puts all mass on the largest
/// logit (greedy); τ → ∞ tends to uniform. Since p_i/p_j = exp((z_i − z_j)/τ),
/// dividing by τ scales every log-odds by 1/τ.
public func temperatureSoftmax(_ logits: [Double], temperature: Double) -> [Double] {
    precondition(temperature > 0, "temperatureSoftmax: temperature must be > 0, got \(temperature)")
    let scaled = logits.map { $0 / temperature }
    let top = scaled.max() ?? 0
    let exponentials = scaled.map { Foundation.exp($0 - top) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

/// An index drawn with P(i) = probabilities[i] (inverse CDF on one uniform draw).
public func sampleIndex(_ probabilities: [Double], using generator: inout SeededGenerator) -> Int {
    let u = generator.uniform()
    var cumulative = 0.0
    for (index, p) in probabilities.enumerated() {
        cumulative += p
        if u < cumulative { return index }
    }
    return probabilities.count - 1
}

/// Perplexity = exp(H), H the mean cross-entropy per symbol in nats: the
/// number of equally likely symbols a model is as unsure as (a uniform guess
/// over V symbols has H = ln V, perplexity V).
public func perplexity(crossEntropy: Double) -> Double { Foundation.exp(crossEntropy) }
