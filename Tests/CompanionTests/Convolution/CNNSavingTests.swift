import DLMath
import Foundation
import Testing

/// A convolutional network through SavedNetwork and back.
@Suite("Saving a CNN")
struct CNNSavingTests {
    static func network() throws -> Sequential {
        var generator = SeededGenerator(seed: 128)
        let image = ImageShape(channels: 1, height: 8, width: 8)
        let conv = try Conv2D(input: image, outputChannels: 4, kernel: (3, 3), padding: (1, 1), generator: &generator)
        let norm = BatchNorm(channelsOf: conv.outputShape)
        let pool = try MaxPool2D(input: conv.outputShape, window: (2, 2))
        let conv2 = try Conv2D(
            input: pool.outputShape, outputChannels: 2, kernel: (3, 3), stride: (2, 2), padding: (1, 1),
            generator: &generator)
        let average = try AveragePool2D(input: conv2.outputShape, window: (2, 1), stride: (1, 1))
        return Sequential([
            conv, norm, pool, ActivationLayer(.relu), conv2, average, BatchNorm(features: average.outputShape.count),
            Dense(inputs: average.outputShape.count, outputs: 3, generator: &generator)
        ])
    }

    @Test("every layer kind round-trips bit for bit and predicts the same")
    func roundTrip() throws {
        var network = try Self.network()
        var generator = SeededGenerator(seed: 129)
        let x = generator.normalMatrix(rows: 5, columns: 64)
        _ = network.forward(x)  // moves the running statistics away from (0, 1)
        let saved = try SavedNetwork(network, inputColumns: 64)
        let data = try JSONEncoder().encode(saved)
        let loaded = try SavedNetwork(json: data, fileName: "cnn.json")
        #expect(loaded.network.description == network.description)
        #expect(loaded.network.parameters == network.parameters)
        #expect(loaded.network.predict(x) == network.predict(x))
        let kinds = loaded.network.layers.map(\.kind)
        #expect(
            kinds.contains(.convolution) && kinds.contains(.maxPooling) && kinds.contains(.averagePooling)
                && kinds.contains(.batchNormalization))
    }

    @Test("a convolution whose weights do not fit its kernel is refused with one line")
    func corrupt() throws {
        let saved = try SavedNetwork(try Self.network(), inputColumns: 64)
        var text = String(decoding: try JSONEncoder().encode(saved), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"kernel\":[3,3]", with: "\"kernel\":[3,2]")
        do {
            _ = try SavedNetwork(json: Data(text.utf8), fileName: "cnn.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("cnn.json:") && error.description.contains("Conv2D"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }
}
