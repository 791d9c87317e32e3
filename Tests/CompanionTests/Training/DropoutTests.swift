import DLMath
import Foundation
import Testing

@Suite("Dropout")
struct DropoutTests {
    @Test("training mode: every element is 0 or x/(1 − p), and about a fraction p are dropped")
    func trainingMask() {
        var dropout = Dropout(rate: 0.25, seed: 3)
        let x = Matrix(rows: 200, columns: 50, repeating: 2)
        let y = dropout.forward(x)
        // Kept elements are 2 / (1 − 0.25) = 8/3; dropped ones 0.
        #expect(y.elements.allSatisfy { $0 == 0 || abs($0 - 8.0 / 3) < 1e-15 })
        let dropped = Double(y.elements.filter { $0 == 0 }.count) / Double(y.count)
        // 10,000 Bernoulli(0.25) draws: standard error √(0.25 · 0.75 / 10⁴) ≈ 0.0043; allow 4 of them.
        #expect(abs(dropped - 0.25) < 4 * 0.0043)
        // Inverted dropout keeps the mean: E[y] = 2; the sample mean's standard error is
        // 2 · √(p/(1 − p)) / √n = 2 · 0.577 / 100 ≈ 0.0115; allow 4 of them.
        #expect(abs(y.mean - 2) < 4 * 0.0115)
    }

    @Test("evaluation mode is the identity, forward and backward")
    func evaluationMode() {
        var dropout = Dropout(rate: 0.5, seed: 1)
        dropout.isTraining = false
        let x: Matrix = [[1, -2, 3], [4, 5, -6]]
        #expect(dropout.forward(x) == x)
        #expect(dropout.lastMask == nil)
        let g: Matrix = [[0.5, 1, 2], [-1, 0, 3]]
        #expect(dropout.backward(g) == g)
    }

    @Test("a network's predict turns dropout off, training mode draws new masks each forward")
    func networkModes() {
        var generator = SeededGenerator(seed: 4)
        var network = Sequential([Dense(inputs: 3, outputs: 8, generator: &generator), Dropout(rate: 0.5, seed: 2)])
        let x: Matrix = [[1, 2, 3], [-1, 0, 1]]
        var evaluation = network
        evaluation.isTraining = false
        let plain = (network.layers[0] as! Dense)(x)
        #expect(network.predict(x) == plain)
        #expect(evaluation.forward(x) == plain)
        let first = network.forward(x), second = network.forward(x)
        #expect(first != second, "two training forwards drew the same mask")
    }

    @Test("the same seed draws the same masks; p = 0 keeps everything")
    func determinism() {
        var a = Dropout(rate: 0.3, seed: 9), b = Dropout(rate: 0.3, seed: 9)
        let x = Matrix(rows: 4, columns: 5, repeating: 1)
        #expect(a.forward(x) == b.forward(x))
        var none = Dropout(rate: 0, seed: 9)
        #expect(none.forward(x) == x)
    }

    @Test("gradient check in training mode with a fixed mask")
    func gradientCheckWithFixedMask() {
        let mask: Matrix = [[1, 0, 1], [0, 1, 1]]
        let layer = Dropout(rate: 0.4, fixedMask: mask)
        let x: Matrix = [[0.3, -1.2, 2], [0.7, 0.1, -0.4]]
        let target: Matrix = [[1, 0, -1], [0.5, 0.5, 0.5]]
        // L = ½ Σ (y − t)², ∂L/∂y = y − t.
        let results = layerGradientChecks(
            layer, input: x, loss: { y in 0.5 * ((y - target) .* (y - target)).sum },
            lossGradient: { y in y - target })
        #expect(results.allSatisfy { $0.passed }, "\(results)")
        // By hand: ∂L/∂x = (y − t) ⊙ m, m = mask / 0.6.
        var copy = layer
        let y = copy.forward(x)
        expectClose(copy.backward(y - target), (y - target) .* (mask / 0.6), absolute: 1e-15, relative: 1e-14)
    }

    @Test("dropout round-trips through a saved network as its rate and seed")
    func coding() throws {
        let network = Sequential([Dropout(rate: 0.2, seed: 77)])
        let data = try JSONEncoder().encode(network)
        let decoded = try JSONDecoder().decode(Sequential.self, from: data)
        let layer = try #require(decoded.layers.first as? Dropout)
        #expect(layer.rate == 0.2 && layer.seed == 77)
    }
}
