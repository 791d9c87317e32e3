import DLMath
import Foundation
import Testing

@Suite("Layer coding")
struct LayerCodingTests {
    @Test("a Sequential survives a JSON round trip exactly")
    func roundTrip() throws {
        var generator = SeededGenerator(seed: 77)
        let inner = Sequential([
            Dense(inputs: 3, outputs: 3, initializer: .heNormal, generator: &generator),
            ActivationLayer(.leakyReLU(slope: 0.01))
        ])
        var network = Sequential([
            Dense(inputs: 4, outputs: 3, initializer: .xavierNormal, generator: &generator),
            ActivationLayer(.geluTanh), inner,
            Dense(inputs: 3, outputs: 2, initializer: .heUniform, generator: &generator)
        ])
        network.parameters = network.parameters.map { $0.map { $0 + 1.0 / 3.0 } }
        let data = try JSONEncoder().encode(network)
        var decoded = try JSONDecoder().decode(Sequential.self, from: data)
        // Exact: JSONEncoder writes each Double with the shortest digits that
        // parse back to the same bits, and no arithmetic happens on the way.
        #expect(decoded.parameters == network.parameters)
        #expect(decoded.description == network.description)
        let x = generator.normalMatrix(rows: 2, columns: 4)
        #expect(decoded.forward(x) == network.forward(x))
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"kind\":\"dense\"") && json.contains("\"kind\":\"sequential\""))
    }

    @Test("corrupt data is an error, not a crash")
    func corrupt() {
        let wrongCount = #"{"rows": 2, "columns": 2, "elements": [1, 2, 3]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: Data(wrongCount.utf8)) }
        let negative = #"{"rows": -1, "columns": -2, "elements": [1, 2]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix.self, from: Data(negative.utf8)) }
        let unknownKind = #"{"layers": [{"kind": "convolution", "layer": {}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Sequential.self, from: Data(unknownKind.utf8)) }
        let badBias =
            #"{"weights": {"rows": 1, "columns": 2, "elements": [1, 2]}, "bias": {"rows": 1, "columns": 3, "elements": [1, 2, 3]}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Dense.self, from: Data(badBias.utf8)) }
    }
}
