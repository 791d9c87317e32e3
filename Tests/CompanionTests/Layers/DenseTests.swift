import DLMath
import Testing

@Suite("Dense layer")
struct DenseTests {
    // x (2x2), W (2x3), b (1x3) chosen so every entry is a small integer.
    let x: Matrix = [[1, 2], [3, 4]]
    let w: Matrix = [[1, 0, -1], [2, 1, 0]]
    let b: Matrix = [[0.5, -1, 2]]

    @Test("forward y = x W + b, by hand")
    func forwardByHand() throws {
        var layer = Dense(weights: w, bias: b)
        // Row 0: [1·1 + 2·2 + 0.5, 1·0 + 2·1 − 1, 1·(−1) + 2·0 + 2] = [5.5, 1, 1]
        // Row 1: [3·1 + 4·2 + 0.5, 3·0 + 4·1 − 1, 3·(−1) + 4·0 + 2] = [11.5, 3, −1]
        expectClose(layer.forward(x), [[5.5, 1, 1], [11.5, 3, -1]])
        expectClose(layer(x), [[5.5, 1, 1], [11.5, 3, -1]])
        #expect(layer.description == "Dense(2 → 3)")
        #expect(layer.parameterCount == 2 * 3 + 3)
        #expect(try layer.outputColumns(forInputColumns: 2) == 3)
        #expect(throws: ShapeError.self) { try layer.outputColumns(forInputColumns: 5) }
    }

    @Test("backward ∂W = xᵀg, ∂b = Σ rows of g, ∂x = g Wᵀ, by hand")
    func backwardByHand() {
        var layer = Dense(weights: w, bias: b)
        _ = layer.forward(x)
        let g: Matrix = [[1, 0, 0], [0, 1, 0]]
        let inputGradient = layer.backward(g)
        // xᵀ = [[1, 3], [2, 4]]; xᵀ g picks column 0 of xᵀ into column 0, column 1 into column 1.
        expectClose(layer.weightGradient, [[1, 3, 0], [2, 4, 0]])
        // Column sums of g.
        expectClose(layer.biasGradient, [[1, 1, 0]])
        // Wᵀ = [[1, 2], [0, 1], [−1, 0]]; row 0 of g picks row 0 of Wᵀ, row 1 picks row 1.
        expectClose(inputGradient, [[1, 2], [0, 1]])
        #expect(layer.parameterGradients == [layer.weightGradient, layer.biasGradient])
    }

    @Test(
        "backward passes the gradient check for W, b and x",
        arguments: [
            (2, 3, 4), (5, 1, 3), (1, 4, 2)
        ])
    func gradientCheckDense(rows: Int, inputs: Int, outputs: Int) {
        var generator = SeededGenerator(seed: UInt64(100 + rows * 10 + inputs))
        let layer = Dense(inputs: inputs, outputs: outputs, initializer: .xavierNormal, generator: &generator)
        var withBias = layer
        withBias.parameters = [layer.weights, generator.normalMatrix(rows: 1, columns: outputs)]
        let input = generator.normalMatrix(rows: rows, columns: inputs)
        let target = generator.normalMatrix(rows: rows, columns: outputs)
        for result in layerGradientChecks(withBias, input: input, target: target) {
            #expect(result.passed, "\(result)")
        }
    }

    @Test("parameters are [W, b]; setting them replaces both")
    func parametersRoundTrip() {
        var layer = Dense(weights: w, bias: b)
        #expect(layer.parameters == [w, b])
        let newW: Matrix = [[9, 8, 7], [6, 5, 4]], newB: Matrix = [[3, 2, 1]]
        layer.parameters = [newW, newB]
        #expect(layer.weights == newW && layer.bias == newB)
        #expect(layer.inputCount == 2 && layer.outputCount == 3)
    }
}
