import DLMath
import Foundation
import Testing

/// Batch normalisation: by hand, running statistics, gradient checks in both modes and layouts.
@Suite("Batch normalisation")
struct BatchNormTests {
    @Test("one feature over a batch of three, by hand")
    func byHand() {
        // x = 1, 2, 3: μ = 2, σ² = (1 + 0 + 1)/3 = 2/3, x̂ = ±1/√(2/3 + 1e-5), 0. With γ = 2, β = 0.5: y = 2 x̂ + 0.5.
        var layer = BatchNorm(features: 1)
        layer.parameters = [[[2]], [[0.5]]]
        let y = layer.forward([[1], [2], [3]])
        let root = (2.0 / 3 + 1e-5).squareRoot()
        #expect(abs(y[0, 0] - (0.5 - 2 / root)) < 1e-12 && y[1, 0] == 0.5 && abs(y[2, 0] - (0.5 + 2 / root)) < 1e-12)
        // Running statistics after one step with α = 0.1 from (0, 1):
        // mean 0.9·0 + 0.1·2 = 0.2, variance 0.9·1 + 0.1·(2/3)·(3/2) = 0.9 + 0.1 = 1.0 (the unbiased variance is 1).
        #expect(abs(layer.runningMean[0, 0] - 0.2) < 1e-15 && abs(layer.runningVariance[0, 0] - 1.0) < 1e-15)
        // Evaluation uses them: x = 1.2 → 2 (1.2 − 0.2)/√(1 + 1e-5) + 0.5.
        layer.isTraining = false
        #expect(abs(layer.forward([[1.2]])[0, 0] - (2 / (1 + 1e-5).squareRoot() + 0.5)) < 1e-12)
    }

    @Test("per channel: statistics over the examples and every position of the channel")
    func perChannel() {
        // 2 channels of 1x2, two examples: channel 0 holds 1, 3 and 5, 7 (μ = 4), channel 1 holds 10 everywhere (x̂ = 0).
        var layer = BatchNorm(channelsOf: ImageShape(channels: 2, height: 1, width: 2))
        let y = layer.forward([[1, 3, 10, 10], [5, 7, 10, 10]])
        // σ² of channel 0 = (9 + 1 + 1 + 9)/4 = 5: x̂ = −3/√5, −1/√5, 1/√5, 3/√5 (ε aside).
        let root = (5 + 1e-5).squareRoot()
        let expected: [Double] = [-3 / root, -1 / root, 0, 0, 1 / root, 3 / root, 0, 0]
        #expect(zip(y.elements, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("gradient checks in training and evaluation mode, per feature and per channel, at 1e-7 or better")
    func gradientChecks() {
        var generator = SeededGenerator(seed: 126)
        let layouts = [BatchNorm(features: 5), BatchNorm(channelsOf: ImageShape(channels: 3, height: 3, width: 5))]
        for var layer in layouts {
            let columns = try! layer.outputColumns(forInputColumns: layer.imageShape?.count ?? 5)
            layer.parameters = [
                generator.normalMatrix(rows: 1, columns: layer.featureCount, mean: 1, standardDeviation: 0.3),
                generator.normalMatrix(rows: 1, columns: layer.featureCount)
            ]
            let x = generator.normalMatrix(rows: 4, columns: columns, mean: 2, standardDeviation: 1.5)
            let target = generator.normalMatrix(rows: 4, columns: columns)
            // The loss Σ c ⊙ y with random c: ½‖y − t‖² has a gradient orthogonal to part of BatchNorm's Jacobian.
            let weights = generator.normalMatrix(rows: 4, columns: columns)
            let loss: (Matrix) -> Double = { halfSquaredError($0, target) + ($0 .* weights).sum }
            let gradient: (Matrix) -> Matrix = { $0 - target + weights }
            for training in [true, false] {
                var mode = layer
                if !training { _ = mode.forward(x); mode.isTraining = false }
                for result in layerGradientChecks(mode, input: x, loss: loss, lossGradient: gradient, tolerance: 1e-7) {
                    #expect(result.passed, "\(training ? "training" : "evaluation"): \(result)")
                }
            }
        }
    }

    @Test("the output of a training forward has mean β and standard deviation γ per feature")
    func standardises() {
        var generator = SeededGenerator(seed: 127)
        var layer = BatchNorm(features: 3)
        layer.parameters = [[[1, 2, 0.5]], [[0, -1, 3]]]
        let y = layer.forward(generator.normalMatrix(rows: 200, columns: 3, mean: 5, standardDeviation: 4))
        let mean = y.mean(along: .rows)
        let centred = y - Matrix(rows: 200, columns: 1, repeating: 1) * mean
        let deviation = (centred .* centred).mean(along: .rows).map { $0.squareRoot() }
        #expect(zip(mean.elements, [0, -1, 3]).allSatisfy { abs($0 - $1) < 1e-12 })
        // √(σ²/(σ² + ε)) · γ: within 1e-6 of γ for σ ≈ 4.
        #expect(zip(deviation.elements, [1, 2, 0.5]).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
