import DLMath
import Foundation
import Testing

@Suite("Weight initialisers")
struct WeightInitializerTests {
    static let fanIn = 200, fanOut = 300
    static let n = Double(fanIn * fanOut)

    @Test("variances and limits by formula")
    func formulas() {
        // Xavier: 2/(200 + 300) = 0.004; He: 2/200 = 0.01.
        expectClose(WeightInitializer.xavierUniform.variance(fanIn: 200, fanOut: 300), 0.004)
        expectClose(WeightInitializer.xavierNormal.variance(fanIn: 200, fanOut: 300), 0.004)
        expectClose(WeightInitializer.heNormal.variance(fanIn: 200, fanOut: 300), 0.01)
        expectClose(WeightInitializer.heUniform.variance(fanIn: 200, fanOut: 300), 0.01)
        // Uniform limits: √(6/500) and √(6/200) = √0.03.
        expectClose(WeightInitializer.xavierUniform.uniformLimit(fanIn: 200, fanOut: 300)!, (6.0 / 500).squareRoot())
        expectClose(WeightInitializer.heUniform.uniformLimit(fanIn: 200, fanOut: 300)!, 0.03.squareRoot())
        #expect(WeightInitializer.heNormal.uniformLimit(fanIn: 2, fanOut: 3) == nil)
        // U(−a, a) has variance a²/3: a = 0.3 gives 0.03.
        expectClose(WeightInitializer.uniform(limit: 0.3).variance(fanIn: 1, fanOut: 1), 0.03)
        expectClose(WeightInitializer.normal(standardDeviation: 0.5).variance(fanIn: 1, fanOut: 1), 0.25)
    }

    /// Sample mean and variance of 60,000 seeded draws against the formula.
    /// Tolerances are 5 standard errors of the estimators:
    /// - mean: SE = σ/√n;
    /// - variance: SE = σ²·√(2/n) for a normal (Var(X²) = 2σ⁴), and
    ///   σ²·√(0.8/n) for a uniform (Var(X²) = 4a⁴/45 = 0.8σ⁴ with σ² = a²/3).
    @Test(
        "sample statistics match the variance formulas",
        arguments: [
            WeightInitializer.xavierUniform, .xavierNormal, .heNormal, .heUniform
        ])
    func statistics(_ initializer: WeightInitializer) {
        var generator = SeededGenerator(seed: 2024)
        let weights = initializer.matrix(fanIn: Self.fanIn, fanOut: Self.fanOut, using: &generator)
        #expect(weights.rows == Self.fanIn && weights.columns == Self.fanOut)
        let variance = initializer.variance(fanIn: Self.fanIn, fanOut: Self.fanOut)
        let mean = weights.mean
        let sampleVariance = weights.map { ($0 - mean) * ($0 - mean) }.sum / (Self.n - 1)
        #expect(abs(mean) < 5 * (variance / Self.n).squareRoot(), "mean \(mean)")
        let limit = initializer.uniformLimit(fanIn: Self.fanIn, fanOut: Self.fanOut)
        let relativeSE = (limit == nil ? 2 : 0.8) / Self.n
        expectClose(sampleVariance, variance, absolute: 0, relative: 5 * relativeSE.squareRoot(), "\(initializer.name)")
        if let limit {
            // All draws in [−a, a); with 60,000 draws the largest |w| is within
            // a·(1 − 1e-3) with probability 1 − (1 − 1e-3)^60000 ≈ 1 − e⁻⁶⁰.
            #expect(weights.max < limit && weights.min >= -limit)
            #expect(weights.map(abs).max > limit * (1 - 1e-3))
        }
    }

    @Test("zeros are zeros; the same seed gives the same matrix")
    func zerosAndSeeds() {
        var generator = SeededGenerator(seed: 1)
        #expect(WeightInitializer.zeros.matrix(fanIn: 3, fanOut: 2, using: &generator) == Matrix(rows: 3, columns: 2))
        var first = SeededGenerator(seed: 5), second = SeededGenerator(seed: 5)
        let a = Dense(inputs: 4, outputs: 3, initializer: .heNormal, generator: &first)
        let b = Dense(inputs: 4, outputs: 3, initializer: .heNormal, generator: &second)
        // Same seed, same sequence of draws: bit-identical weights (no arithmetic differs).
        #expect(a.weights == b.weights)
        #expect(a.bias == Matrix(rows: 1, columns: 3))
    }
}
