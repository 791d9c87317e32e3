import DLMath
import Foundation
import Testing

@Suite("Attention layers: save, load, shapes")
struct AttentionSavingTests {
    func sampleNetwork() -> Sequential {
        var generator = SeededGenerator(seed: 4)
        return Sequential([
            PositionWise(features: 3, Sequential([Dense(inputs: 3, outputs: 6, generator: &generator)])),
            LearnedPositionalEncoding(maxSteps: 5, features: 6, generator: &generator),
            SinusoidalPositionalEncoding(features: 6),
            TransformerBlock(features: 6, heads: 2, hidden: 12, mask: .causal, generator: &generator),
            Residual([LayerNorm(features: 6), MultiHeadAttention(features: 6, heads: 3, generator: &generator)]),
            LayerNorm(features: 6),
            PositionWise(features: 6, Sequential([Dense(inputs: 6, outputs: 3, generator: &generator)]))
        ])
    }

    @Test("every attention layer round-trips through JSON with the same parameters and outputs")
    func roundTrip() throws {
        var network = sampleNetwork()
        var generator = SeededGenerator(seed: 5)
        let x = generator.normalMatrix(rows: 2, columns: 4 * 3)
        let data = try JSONEncoder().encode(network)
        var decoded = try JSONDecoder().decode(Sequential.self, from: data)
        #expect(decoded.parameters == network.parameters)
        #expect(decoded.description == network.description)
        #expect(decoded.forward(x) == network.forward(x))
        #expect(decoded.description.contains("causal"))
    }

    @Test("a transformer saved with SavedNetwork loads back and computes the same outputs")
    func savedNetwork() throws {
        var network = sampleNetwork()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attention-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try SavedNetwork(network, inputColumns: 12).write(to: url)
        var loaded = try SavedNetwork(contentsOf: url).network
        let x = Matrix(rows: 1, columns: 12) { _, j in Double(j % 5) - 2 }
        #expect(loaded.forward(x) == network.forward(x))
    }

    @Test("corrupt saved layers are refused with a DecodingError")
    func corrupt() {
        let badHeads =
            #"{"queryWeights":{"rows":2,"columns":2,"elements":[1,0,0,1]},"keyWeights":{"rows":2,"columns":2,"elements":[1,0,0,1]},"valueWeights":{"rows":2,"columns":2,"elements":[1,0,0,1]},"outputWeights":{"rows":2,"columns":2,"elements":[1,0,0,1]},"outputBias":{"rows":1,"columns":2,"elements":[0,0]},"headCount":3,"causal":false}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MultiHeadAttention.self, from: Data(badHeads.utf8))
        }
        let badNorm =
            #"{"scale":{"rows":1,"columns":2,"elements":[1,1]},"shift":{"rows":1,"columns":3,"elements":[0,0,0]},"epsilon":1e-5}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LayerNorm.self, from: Data(badNorm.utf8)) }
    }

    @Test("widths that do not fit are reported by outputColumns with the layer's name")
    func widths() throws {
        var generator = SeededGenerator(seed: 6)
        #expect(throws: ShapeError.self) {
            try MultiHeadAttention(features: 4, heads: 2, generator: &generator).outputColumns(forInputColumns: 10)
        }
        #expect(throws: ShapeError.self) {
            try LearnedPositionalEncoding(maxSteps: 2, features: 3, generator: &generator).outputColumns(
                forInputColumns: 9)
        }
        #expect(throws: ShapeError.self) { try sampleNetwork().outputColumns(forInputColumns: 10) }
        #expect(try sampleNetwork().outputColumns(forInputColumns: 15) == 15)
    }

    @Test("a wrong input width stops with one line naming the layer and the shape")
    func shapeMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var generator = SeededGenerator(seed: 7)
            var layer = MultiHeadAttention(features: 4, heads: 2, generator: &generator)
            _ = layer.forward(Matrix(rows: 2, columns: 10))
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            text.contains("MultiHeadAttention(D 4, 2 heads).forward: input 2x10 is not a sequence of 4-feature steps"))
        let heads = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var generator = SeededGenerator(seed: 8)
            _ = MultiHeadAttention(features: 6, heads: 4, generator: &generator)
        }
        let headsText = String(decoding: heads?.standardErrorContent ?? [], as: UTF8.self)
        #expect(headsText.contains("4 heads do not divide the model width 6"))
    }
}
