/// Seeded regression data sets: `TrainingExamples` whose targets are real
/// values (n x 1), generated from a linear model with Gaussian noise.
extension TrainingExamples {
    /// Seeded linear data with Gaussian noise:
    ///
    ///     X = n points uniform in [0, 1)^d,    y = X w + b + ε,    ε_i ~ N(0, σ²) independent
    ///
    /// with d = `weights.count`. Draws from `generator`, in this order: the
    /// n x d inputs row by row (`uniformMatrix`), then the n noise values.
    /// The product X w goes through the matrix-product kernel.
    public static func linear(
        count: Int, weights: [Double], bias: Double = 0,
        noiseStandardDeviation sigma: Double,
        using generator: inout SeededGenerator
    ) -> TrainingExamples {
        precondition(count >= 0 && !weights.isEmpty, "linear data: needs count >= 0 and at least one weight")
        precondition(sigma >= 0, "linear data: noise standard deviation \(sigma) < 0")
        let inputs = generator.uniformMatrix(rows: count, columns: weights.count)
        let noise = generator.normalMatrix(rows: count, columns: 1, standardDeviation: sigma)
        return TrainingExamples(inputs: inputs, targets: inputs * Matrix(column: weights) + bias + noise)
    }

    /// The weights of the book's example, y = 0.5 x1 + 0.3 x2 + noise.
    public static let bookWeights = [0.5, 0.3]

    /// The noise standard deviation used for the book's example: 0.1. The
    /// book gives the model y = 0.5 x1 + 0.3 x2 + noise without the noise's
    /// size; 0.1 is this package's choice, of the order of the spread of
    /// 0.5 x1 + 0.3 x2 itself (its standard deviation is √(0.34/12) ≈ 0.168).
    public static let bookNoiseStandardDeviation = 0.1

    /// The book's training example: X = 100 points uniform in [0, 1)²,
    /// y = 0.5 x1 + 0.3 x2 + ε with ε ~ N(0, 0.1²) (`linear` with
    /// `bookWeights`, bias 0 and `bookNoiseStandardDeviation`).
    public static func bookExample(count: Int = 100, using generator: inout SeededGenerator) -> TrainingExamples {
        linear(
            count: count, weights: bookWeights, noiseStandardDeviation: bookNoiseStandardDeviation,
            using: &generator)
    }
}
