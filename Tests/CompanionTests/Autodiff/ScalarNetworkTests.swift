import DLMath
import Testing

/// The hand-written backward passes of `Sequential` against the scalar engine.
@Suite("Scalar engine against Sequential backward")
struct ScalarNetworkTests {
    @Test(
        "same forward, same parameter and input gradients",
        arguments: [
            (Activation.tanh, Activation.sigmoid), (.relu, .relu), (.leakyReLU(slope: 0.2), .elu(alpha: 1)),
            (.softplus, .geluTanh), (.identity, .tanh)
        ])
    func agree(_ first: Activation, _ second: Activation) throws {
        var network = SequentialTests.network(3, 4, 2, first, second, seed: 21)
        var generator = SeededGenerator(seed: 22)
        let x = generator.normalMatrix(rows: 3, columns: 3)
        let t = generator.normalMatrix(rows: 3, columns: 2)

        // Hand-written: L = ½ Σ (ŷ − t)², ∂L/∂ŷ = ŷ − t.
        let prediction = network.forward(x)
        let inputGradient = network.backward(prediction - t)

        // Engine: the same network and loss out of Value nodes.
        let scalar = try ScalarNetwork(network)
        let inputs = ScalarNetwork.leaves(x, label: "x")
        let outputs = scalar.forward(inputs)
        var terms: [Value] = []
        for i in 0..<t.rows {
            for j in 0..<t.columns { terms.append(0.5 * (outputs[i][j] - t[i, j]).power(2)) }
        }
        let loss = Value.sum(terms)
        loss.backward()

        expectClose(Matrix(outputs.map { $0.map(\.data) }), prediction, absolute: 1e-14, relative: 1e-13)
        // ∂L/∂ŷ at the output nodes is ŷ − t.
        expectClose(ScalarNetwork.gradients(outputs), prediction - t, absolute: 1e-14, relative: 1e-13)
        expectClose(loss.data, halfSquaredError(prediction, t), absolute: 1e-14, relative: 1e-13)
        expectClose(ScalarNetwork.gradients(inputs), inputGradient, absolute: 1e-13, relative: 1e-11)
        let engineGradients = scalar.parameterGradients()
        #expect(engineGradients.count == network.parameterGradients.count)
        for (engine, handWritten) in zip(engineGradients, network.parameterGradients) {
            expectClose(engine, handWritten, absolute: 1e-13, relative: 1e-11)
        }
        #expect(scalar.parameters.count == network.parameterCount)
        #expect(scalar.parameters.map(\.data) == network.parameters.flatMap(\.elements))
    }

    @Test("layers without a scalar form are refused")
    func unsupported() {
        let network = Sequential([ActivationLayer(.geluExact)])
        #expect(throws: ScalarNetwork.UnsupportedLayer.self) { try ScalarNetwork(network) }
    }
}
