import DLMath
import Foundation
import Testing

@Suite("Recurrent layers")
struct RecurrentLayerTests {
    @Test("the sequence layout: column t·F + f is feature f of step t; (m·T) x F reads one step per row")
    func layout() {
        // 2 examples, T = 3 steps, F = 2 features: entry = 100·example + 10·step + feature.
        let batch = Matrix(rows: 2, columns: 6) { i, c in Double(100 * i + 10 * (c / 2) + c % 2) }
        let layout = SequenceLayout(steps: 3, features: 2)
        #expect(layout.column(step: 2, feature: 1) == 5)
        #expect(layout.step(1, of: batch) == [[10, 11], [110, 111]])
        let perStep = batch.reshaped(rows: 6, columns: 2)
        #expect(perStep.row(4) == [110, 111])  // row i·T + t = 1·3 + 1: example 1, step 1
    }

    @Test("RNN over two steps by hand, and BPTT by hand")
    func rnnByHand() {
        // F = H = 1, W_x = 0.5, W_h = −1, b = 0, x = (1, 2), h_0 = 0.
        // h_1 = tanh(0.5) = 0.46211715726000974
        // h_2 = tanh(2·0.5 − h_1) = tanh(0.5378828427399902) = 0.4913836852061291
        let cell = RNNCell(inputWeights: [[0.5]], recurrentWeights: [[-1]], bias: [[0]])
        var layer = Recurrent(cell, returnSequences: true)
        let h = layer.forward([[1, 2]])
        expectClose(h, [[0.46211715726000974, 0.4913836852061291]], absolute: 1e-15)
        // L = h_2: δa_2 = 1 − h_2², δh_1 = δa_2·W_h, δa_1 = δh_1·(1 − h_1²).
        let h1 = 0.46211715726000974, h2 = 0.4913836852061291
        let da2 = 1 - h2 * h2, da1 = da2 * -1 * (1 - h1 * h1)
        let inputGradient = layer.backward([[0, 1]])
        expectClose(inputGradient, [[da1 * 0.5, da2 * 0.5]], absolute: 1e-15)
        // ∂L/∂W_x = x_1 δa_1 + x_2 δa_2,  ∂L/∂W_h = h_0 δa_1 + h_1 δa_2,  ∂L/∂b = δa_1 + δa_2.
        expectClose(layer.parameterGradients[0][0, 0], 1 * da1 + 2 * da2, absolute: 1e-15)
        expectClose(layer.parameterGradients[1][0, 0], 0 * da1 + h1 * da2, absolute: 1e-15)
        expectClose(layer.parameterGradients[2][0, 0], da1 + da2, absolute: 1e-15)
        expectClose(layer.initialStateGradient[0, 0], da1 * -1, absolute: 1e-15)
    }

    @Test("the LSTM starts with forget-gate bias 1 and the other biases 0")
    func forgetBias() {
        var generator = SeededGenerator(seed: 1)
        let cell = LSTMCell(inputs: 2, hidden: 3, generator: &generator)
        #expect(cell.bias.row(0) == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])
        #expect(cell.stateSize == 6)
    }

    @Test("a Sequential of recurrent layers survives a JSON round trip exactly")
    func roundTrip() throws {
        let cells = sampleCells(seed: 2)
        var generator = SeededGenerator(seed: 3)
        var network = Sequential([
            Recurrent(cells.gru, returnSequences: true, truncation: 3),
            Recurrent(LSTMCell(inputs: 2, hidden: 2, generator: &generator), returnSequences: true),
            Recurrent(RNNCell(inputs: 2, hidden: 4, generator: &generator)),
            Dense(inputs: 4, outputs: 1, generator: &generator)
        ])
        let data = try JSONEncoder().encode(network)
        var decoded = try JSONDecoder().decode(Sequential.self, from: data)
        #expect(decoded.parameters == network.parameters)
        #expect(decoded.description == network.description)
        let x = generator.normalMatrix(rows: 2, columns: 15)
        #expect(decoded.forward(x) == network.forward(x))
        let json = String(decoding: data, as: UTF8.self)
        #expect(
            json.contains("\"kind\":\"gru\"") && json.contains("\"kind\":\"lstm\"") && json.contains("\"kind\":\"rnn\"")
        )
    }

    @Test("a recurrent network saved with SavedNetwork loads back and computes the same outputs")
    func savedNetwork() throws {
        var generator = SeededGenerator(seed: 6)
        var network = Sequential([
            Recurrent(LSTMCell(inputs: 3, hidden: 4, generator: &generator)),
            Dense(inputs: 4, outputs: 2, generator: &generator)
        ])
        let saved = try SavedNetwork(network, inputColumns: 15)
        #expect(saved.outputColumns == 2)
        let url = scratchRoot.appendingPathComponent("recurrent-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try saved.write(to: url)
        var loaded = try SavedNetwork(contentsOf: url).network
        let x = generator.normalMatrix(rows: 3, columns: 15)
        #expect(loaded.forward(x) == network.forward(x))
    }

    @Test("a corrupt saved cell is a decoding error")
    func corrupt() {
        let bad =
            #"{"cell": {"inputWeights": {"rows": 1, "columns": 2, "elements": [1, 2]}, "recurrentWeights": {"rows": 1, "columns": 1, "elements": [1]}, "bias": {"rows": 1, "columns": 1, "elements": [0]}}, "returnSequences": false}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Recurrent<RNNCell>.self, from: Data(bad.utf8)) }
    }

    @Test("shape errors name the layer and the widths")
    func shapeErrors() throws {
        let cells = sampleCells(seed: 4)
        let layer = Recurrent(cells.lstm, returnSequences: true)
        #expect(try layer.outputColumns(forInputColumns: 12) == 8)
        #expect(throws: ShapeError("LSTM(3 → 2, sequences)", "takes T·3 input columns (T steps of 3 features), got 7"))
        {
            try layer.outputColumns(forInputColumns: 7)
        }
    }
}

@Suite("Recurrent layers without the input gradient")
struct RecurrentToParametersTests {
    @Test("backwardToParameters stores the gradients of backward, to the bit, for every cell")
    func sameGradients() {
        var generator = SeededGenerator(seed: 5)
        let input = generator.uniformMatrix(rows: 3, columns: 4 * 3, low: -1, high: 1)
        let gradient = generator.uniformMatrix(rows: 3, columns: 4 * 5, low: -1, high: 1)
        func check<Cell: RecurrentCell>(_ cell: Cell) {
            var full = Recurrent(cell, returnSequences: true), short = full
            _ = full.forward(input)
            _ = short.forward(input)
            let inputGradient = full.backward(gradient)
            short.backwardToParameters(gradient)
            #expect(inputGradient.rows == 3 && inputGradient.columns == 12)
            #expect(short.parameterGradients == full.parameterGradients)
            #expect(short.initialStateGradient == full.initialStateGradient)
            #expect(full.parameterGradients.allSatisfy { $0.elements.contains { $0 != 0 } })
        }
        check(RNNCell(inputs: 3, hidden: 5, generator: &generator))
        check(LSTMCell(inputs: 3, hidden: 5, generator: &generator))
        check(GRUCell(inputs: 3, hidden: 5, generator: &generator))
    }
}
