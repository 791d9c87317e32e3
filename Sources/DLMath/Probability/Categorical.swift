/// The categorical distribution over classes 0 … K − 1: P(Y = k) = qₖ.
/// With K = 2 it is the Bernoulli distribution; it is what a classifier's
/// softmax output describes.
public struct Categorical: Sendable, Equatable {
    /// The probabilities p₁ … p_K of the K classes, summing to 1.
    public let probabilities: [Double]

    /// Throws `ProbabilityError` naming `Categorical` when `probabilities` is
    /// not a distribution (see `validateDistribution`).
    public init(_ probabilities: [Double]) throws(ProbabilityError) {
        try validateDistribution(probabilities, function: "Categorical")
        self.probabilities = probabilities
    }

    /// The number of classes K.
    public var classes: Int { probabilities.count }

    /// P(Y = k) = qₖ; 0 for k outside 0 ..< K.
    public func pmf(_ k: Int) -> Double {
        probabilities.indices.contains(k) ? probabilities[k] : 0
    }

    /// ln P(Y = k) = ln qₖ; −∞ for qₖ = 0 or k outside 0 ..< K.
    public func logPMF(_ k: Int) -> Double {
        xLogY(1, pmf(k))
    }

    /// The average negative log-likelihood of observed labels,
    /// −(1/n) Σᵢ ln q(yᵢ), in nats: the classification loss of a model that
    /// predicts q for every example. It equals the cross-entropy
    /// H(p̂, q) = H(p̂) + KL(p̂ ‖ q), with p̂ the empirical distribution of the
    /// labels, so it is smallest when q = p̂. Stops on an empty label list.
    public func averageNegativeLogLikelihood(_ labels: [Int]) -> Double {
        precondition(!labels.isEmpty, "averageNegativeLogLikelihood: no labels")
        return -labels.reduce(0) { $0 + logPMF($1) } / Double(labels.count)
    }
}

/// The empirical distribution of labels in 0 ..< classes: p̂ₖ = (number of
/// labels equal to k) / n. Stops on an empty list or a label outside the range.
public func empiricalDistribution(_ labels: [Int], classes: Int) -> [Double] {
    precondition(!labels.isEmpty, "empiricalDistribution: no labels")
    var counts = [Double](repeating: 0, count: classes)
    for label in labels {
        precondition(
            label >= 0 && label < classes,
            "empiricalDistribution: label \(label) is outside 0..<\(classes)")
        counts[label] += 1
    }
    return counts.map { $0 / Double(labels.count) }
}
