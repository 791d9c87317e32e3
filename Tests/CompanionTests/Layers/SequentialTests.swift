import DLMath
import Foundation
import Testing

@Suite("Sequential network")
struct SequentialTests {
    /// Dense(in → h) – φ – Dense(h → h) – ψ – Dense(h → out), seeded, with non-zero biases.
    static func network(
        _ inputs: Int, _ hidden: Int, _ outputs: Int, _ first: Activation, _ second: Activation,
        seed: UInt64
    ) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        var network = Sequential([
            Dense(inputs: inputs, outputs: hidden, initializer: .heNormal, generator: &generator),
            ActivationLayer(first),
            Dense(inputs: hidden, outputs: hidden, initializer: .xavierUniform, generator: &generator),
            ActivationLayer(second),
            Dense(inputs: hidden, outputs: outputs, initializer: .xavierNormal, generator: &generator)
        ])
        network.parameters = network.parameters.map { p in
            p.rows == 1 ? generator.normalMatrix(rows: 1, columns: p.columns, standardDeviation: 0.5) : p
        }
        return network
    }

    @Test(
        "backward passes the gradient check for every parameter and the input",
        arguments: [
            (Activation.tanh, Activation.sigmoid), (.relu, .relu), (.leakyReLU(slope: 0.2), .elu(alpha: 1)),
            (.geluExact, .softplus), (.geluTanh, .identity)
        ])
    func gradientCheckSequential(_ first: Activation, _ second: Activation) {
        let network = Self.network(3, 5, 2, first, second, seed: 11)
        var generator = SeededGenerator(seed: 12)
        let input = generator.normalMatrix(rows: 4, columns: 3)
        let target = generator.normalMatrix(rows: 4, columns: 2)
        let results = layerGradientChecks(network, input: input, target: target)
        #expect(results.count == 1 + 6)
        for result in results { #expect(result.passed, "\(result)") }
    }

    @Test("a nested Sequential is a layer like any other")
    func nested() {
        let inner = Self.network(2, 3, 2, .tanh, .sigmoid, seed: 3)
        var generator = SeededGenerator(seed: 4)
        let outer = Sequential([
            inner, ActivationLayer(.tanh),
            Dense(inputs: 2, outputs: 1, initializer: .xavierUniform, generator: &generator)
        ])
        #expect(outer.parameters.count == 8)
        #expect(outer.parameterCount == inner.parameterCount + 3)
        let input = generator.normalMatrix(rows: 3, columns: 2)
        for result in layerGradientChecks(outer, input: input, target: [[0.5], [-1], [2]]) {
            #expect(result.passed, "\(result)")
        }
    }

    @Test("parameters in the documented order [W₁, b₁, W₂, b₂]; set and get round trip")
    func parameterOrder() {
        var network = Sequential([
            Dense(weights: [[1, 2, 3], [4, 5, 6]], bias: [[7, 8, 9]]),
            ActivationLayer(.relu),
            Dense(weights: [[10], [11], [12]], bias: [[13]])
        ])
        #expect(network.parameters.map(\.shapeDescription) == ["2x3", "1x3", "3x1", "1x1"])
        #expect(network.parameters[2] == [[10], [11], [12]])
        // 2·3 + 3 + 3·1 + 1 = 13.
        #expect(network.parameterCount == 13)
        let replacement: [Matrix] = [[[-1, -2, -3], [-4, -5, -6]], [[-7, -8, -9]], [[-10], [-11], [-12]], [[-13]]]
        network.parameters = replacement
        #expect(network.parameters == replacement)
        #expect((network.layers[2] as? Dense)?.bias == [[-13]])
        // Gradients come in the same order and shapes (zeros before backward).
        #expect(network.parameterGradients.map(\.shapeDescription) == ["2x3", "1x3", "3x1", "1x1"])
        #expect(network.parameterGradients.allSatisfy { $0.elements.allSatisfy { $0 == 0 } })
    }

    @Test("shape report: output shape and parameter count per layer")
    func shapeReport() throws {
        var generator = SeededGenerator(seed: 1)
        let network = Sequential([
            Dense(inputs: 784, outputs: 128, generator: &generator), ActivationLayer(.relu),
            Dense(inputs: 128, outputs: 10, generator: &generator)
        ])
        let report = try network.shapeReport(inputColumns: 784, batchSize: 32)
        #expect(report.map(\.outputShape) == ["32x128", "32x128", "32x10"])
        // 784·128 + 128 = 100,480;  128·10 + 10 = 1,290.
        #expect(report.map(\.parameterCount) == [100_480, 0, 1_290])
        #expect(network.parameterCount == 101_770)
        #expect(report[0].layer == "Dense(784 → 128)")
        #expect(try network.outputColumns(forInputColumns: 784) == 10)
        #expect(throws: ShapeError.self) { try network.shapeReport(inputColumns: 100, batchSize: 1) }
    }

    @Test("forward is the composition of the layers; predict does not change the network")
    func forwardComposition() {
        var network = Self.network(2, 3, 1, .tanh, .relu, seed: 9)
        let x: Matrix = [[0.5, -1], [2, 0.25]]
        var expected = x
        for index in network.layers.indices {
            var layer = network.layers[index]
            expected = layer.forward(expected)
        }
        let trace = network.forwardTrace(x)
        #expect(trace.count == 5)
        #expect(trace.last == expected)
        #expect(network.predict(x) == expected)
        network.isTraining = false
        #expect(network.isTraining == false)
        #expect(
            network.description
                == "Sequential(Dense(2 → 3), Activation(tanh), Dense(3 → 3), Activation(relu), Dense(3 → 1))")
    }
}
