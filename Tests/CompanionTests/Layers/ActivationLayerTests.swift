import DLMath
import Testing

@Suite("Activation layer")
struct ActivationLayerTests {
    static let activations: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1.5), .geluExact, .geluTanh, .softplus
    ]

    @Test("ReLU layer forward and backward by hand")
    func reluByHand() throws {
        var layer = ActivationLayer(.relu)
        let z: Matrix = [[-1, 2], [0, 3]]
        expectClose(layer.forward(z), [[0, 2], [0, 3]])
        // g ⊙ 1[z > 0], with ReLU′(0) = 0.
        expectClose(layer.backward([[5, 6], [7, 8]]), [[0, 6], [0, 8]])
        #expect(layer.parameters.isEmpty && layer.parameterGradients.isEmpty && layer.parameterCount == 0)
        #expect(layer.description == "Activation(relu)")
        #expect(try layer.outputColumns(forInputColumns: 7) == 7)
    }

    @Test("backward passes the gradient check", arguments: activations)
    func gradientCheckActivation(_ activation: Activation) {
        let input = awayFromZero(rows: 3, columns: 4, seed: 7)
        var generator = SeededGenerator(seed: 8)
        let target = generator.normalMatrix(rows: 3, columns: 4)
        for result in layerGradientChecks(ActivationLayer(activation), input: input, target: target) {
            #expect(result.passed, "\(result)")
        }
    }
}
