import DLMath
import Foundation
import Testing

/// The in-place step `optimizer.step(&network)` against the parameter round
/// trip (get, `step(_:gradients:)`, set): the same arithmetic on the same
/// numbers, so the two networks must agree exactly after several steps.
@Suite("In-place optimizer steps")
struct InPlaceStepTests {
    /// A 5-4-3 network with dropout and its gradients on a seeded batch.
    static func network() -> Sequential {
        var generator = SeededGenerator(seed: 4)
        return Sequential([
            Dense(inputs: 5, outputs: 4, generator: &generator), ActivationLayer(.tanh),
            Dropout(rate: 0.25, seed: 3), Dense(inputs: 4, outputs: 3, generator: &generator)
        ])
    }

    static func batch() -> (Matrix, [Int]) {
        var generator = SeededGenerator(seed: 9)
        return (generator.uniformMatrix(rows: 6, columns: 5, low: -1, high: 1), [0, 2, 1, 1, 0, 2])
    }

    /// Trains two copies for `steps` steps, one each way; returns both parameter lists.
    static func compare<O: Optimizer>(_ optimizer: O, steps: Int = 3) -> (inPlace: [Matrix], roundTrip: [Matrix]) {
        let (x, labels) = batch()
        var a = network(), b = network()
        var first = optimizer, second = optimizer
        for _ in 0..<steps {
            _ = a.backward(softmaxCrossEntropy(logits: a.forward(x), labels: labels).gradient)
            first.step(&a)
            _ = b.backward(softmaxCrossEntropy(logits: b.forward(x), labels: labels).gradient)
            var parameters = b.parameters
            second.step(&parameters, gradients: b.parameterGradients)
            b.parameters = parameters
        }
        return (a.parameters, b.parameters)
    }

    @Test("SGD in place equals the round trip")
    func sgd() {
        let (inPlace, roundTrip) = Self.compare(SGD(learningRate: 0.3))
        #expect(inPlace == roundTrip)
    }

    @Test("Adam in place equals the round trip (moments carried across steps)")
    func adam() {
        let (inPlace, roundTrip) = Self.compare(Adam(learningRate: 0.05))
        #expect(inPlace == roundTrip)
    }

    @Test("Adam in place equals the round trip in Keras' and optax's conventions too")
    func adamConventions() {
        for convention in [AdamConvention.keras, .optax(epsilonRoot: 1e-6)] {
            let (inPlace, roundTrip) = Self.compare(Adam(learningRate: 0.05, epsilon: 1e-3, convention: convention))
            #expect(inPlace == roundTrip)
        }
    }

    @Test("Adam in place equals the round trip past step 356, where 1 − β₁ᵗ rounds to 1 and its division is left out")
    func adamPastFirstCorrection() {
        // The first step at which 1 − 0.9ᵗ is exactly 1 in Double, found here rather than assumed.
        let firstUncorrected = (1...1000).first { 1 - pow(0.9, Double($0)) == 1 }
        #expect(firstUncorrected == 356)
        for convention in [AdamConvention.pytorch, .keras, .optax(epsilonRoot: 1e-6)] {
            let (inPlace, roundTrip) = Self.compare(
                Adam(learningRate: 0.01, epsilon: 1e-3, convention: convention), steps: 400)
            #expect(inPlace == roundTrip, "\(convention)")
        }
    }

    @Test("an optimizer without a fast path (momentum) steps through the default round trip")
    func defaultPath() {
        let (inPlace, roundTrip) = Self.compare(Momentum(learningRate: 0.1, momentum: 0.9))
        #expect(inPlace == roundTrip)
    }

    @Test("SGD in place on one Dense layer, by hand")
    func denseByHand() {
        var layer = Dense(weights: [[1, 2]], bias: [[0.5, -0.5]])
        // x = (2), y = x W + b = (2.5, 3.5); g = (1, −1): ∂L/∂W = xᵀ g = (2, −2), ∂L/∂b = (1, −1).
        _ = layer.forward([[2]])
        _ = layer.backward([[1, -1]])
        var sgd = SGD(learningRate: 0.25)
        sgd.step(&layer)
        // W: 1 − 0.25·2 = 0.5, 2 + 0.25·2 = 2.5; b: 0.5 − 0.25 = 0.25, −0.5 + 0.25 = −0.25.
        #expect(layer.weights == [[0.5, 2.5]])
        #expect(layer.bias == [[0.25, -0.25]])
    }

    @Test("backwardToParameters stores the same gradients as backward (the first layer's g Wᵀ skipped)")
    func backwardToParameters() {
        let (x, labels) = Self.batch()
        var a = Self.network(), b = Self.network()
        let g = softmaxCrossEntropy(logits: a.forward(x), labels: labels).gradient
        _ = b.forward(x)
        a.backwardToParameters(g)
        _ = b.backward(g)
        #expect(a.parameterGradients == b.parameterGradients)
    }
}
