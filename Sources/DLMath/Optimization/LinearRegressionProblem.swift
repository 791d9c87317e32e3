/// A seeded synthetic regression problem: y = X w_true + noise.
///
/// Features xₖⱼ are drawn uniformly from [−1, 1); X gets a first column of
/// ones (the intercept), so `trueWeights[0]` is the bias. Noise is Gaussian
/// with the given standard deviation. The same seed gives the same data on
/// every machine.
public struct LinearRegressionProblem: Sendable {
    /// X with its intercept column, n x d.
    public let features: Matrix
    /// y, n x 1.
    public let targets: Matrix
    /// The weights the data were generated from (bias first).
    public let trueWeights: [Double]

    /// - Parameters:
    ///   - exampleCount: n >= 1.
    ///   - trueWeights: bias then one weight per input (so d = count, inputs = count − 1).
    ///   - noiseStandardDeviation: σ >= 0 of the Gaussian noise on y.
    ///   - seed: the generator's seed.
    public init(exampleCount: Int, trueWeights: [Double], noiseStandardDeviation: Double, seed: UInt64) {
        precondition(
            exampleCount >= 1 && trueWeights.count >= 1 && noiseStandardDeviation >= 0,
            "LinearRegressionProblem: needs n >= 1, at least a bias, and σ >= 0")
        var generator = SeededGenerator(seed: seed)
        let inputs = generator.uniformMatrix(rows: exampleCount, columns: trueWeights.count - 1, low: -1, high: 1)
        let x = LinearRegression.withIntercept(inputs)
        let noise = generator.normalMatrix(rows: exampleCount, columns: 1, standardDeviation: noiseStandardDeviation)
        self.features = x
        self.targets = x * Matrix(column: trueWeights) + noise
        self.trueWeights = trueWeights
    }
}
