import DLMath
import Foundation
import Testing

@Suite("Saving and loading networks")
struct SavedNetworkTests {
    /// A fresh empty folder for one test.
    func folder() throws -> URL {
        try scratchFolder("saved-network")
    }

    func network() -> Sequential {
        var generator = SeededGenerator(seed: 8)
        return Sequential([
            Dense(inputs: 3, outputs: 4, initializer: .heNormal, generator: &generator), ActivationLayer(.relu),
            Dropout(rate: 0.25, seed: 5), Dense(inputs: 4, outputs: 2, generator: &generator)
        ])
    }

    /// The error `SavedNetwork(contentsOf:)` throws for a file holding `text`, and checks the file was not changed.
    func loadError(_ text: String, in folder: URL) throws -> DataFileError {
        let url = folder.appendingPathComponent("model.json")
        try Data(text.utf8).write(to: url)
        do {
            _ = try SavedNetwork(contentsOf: url)
            Issue.record("accepted: \(text.prefix(60))")
            return DataFileError(file: "", reason: "")
        } catch {
            #expect(try Data(contentsOf: url) == Data(text.utf8), "the file was changed")
            #expect(error.file == "model.json")
            #expect(!error.description.contains("\n"))
            return error
        }
    }

    @Test("a round trip restores every parameter bit for bit, and the layers")
    func roundTrip() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.json")
        // Awkward values: thirds, a subnormal, a huge and a negative zero.
        var original = network()
        var parameters = original.parameters
        parameters[0][0, 0] = 1.0 / 3
        parameters[0][0, 1] = Double.leastNonzeroMagnitude  // the smallest subnormal
        parameters[0][1, 0] = -0.0
        parameters[2][0, 0] = 1.7976931348623157e308
        original.parameters = parameters
        try SavedNetwork(original, inputColumns: 3).write(to: url)
        let loaded = try SavedNetwork(contentsOf: url)
        #expect(
            loaded.formatVersion == SavedNetwork.currentFormatVersion && loaded.inputColumns == 3
                && loaded.outputColumns == 2)
        let a = original.parameters.flatMap(\.elements), b = loaded.network.parameters.flatMap(\.elements)
        #expect(a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(loaded.network.description == original.description)
        let x: Matrix = [[0.1, -0.2, 0.3], [1, 2, 3]]
        #expect(loaded.network.predict(x) == original.predict(x))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
    }

    @Test("saving over an existing file replaces it; a failed save leaves it untouched")
    func failedSaveKeepsFile() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("model.json")
        try Data("the reader's file".utf8).write(to: url)
        var broken = network()
        var parameters = broken.parameters
        parameters[1][0, 0] = .nan
        broken.parameters = parameters
        #expect(throws: DataFileError.self) { try SavedNetwork(broken, inputColumns: 3).write(to: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "the reader's file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
        try SavedNetwork(network(), inputColumns: 3).write(to: url)
        #expect(try SavedNetwork(contentsOf: url).network.parameters == network().parameters)
        // A missing folder is an error naming it.
        let missing = folder.appendingPathComponent("nowhere/model.json")
        do {
            try SavedNetwork(network(), inputColumns: 3).write(to: missing)
            Issue.record("saved into a missing folder")
        } catch let error as DataFileError {
            #expect(error.description.contains("does not exist"))
        }
    }

    @Test("a network whose layers do not chain cannot be saved")
    func unchainedNetwork() {
        #expect(throws: ShapeError.self) { try SavedNetwork(network(), inputColumns: 5) }
    }

    @Test("each corrupt file gives one clear error and the file is left as it was")
    func corruptFiles() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent.json")
        #expect(throws: DataFileError(file: "absent.json", reason: "file not found at \(missing.path)")) {
            try SavedNetwork(contentsOf: missing)
        }
        #expect(try loadError("", in: folder).reason == "the file is empty")
        #expect(try loadError("hello, world", in: folder).reason.hasPrefix("not JSON"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let good = String(decoding: try encoder.encode(SavedNetwork(network(), inputColumns: 3)), as: UTF8.self)
        #expect(try loadError(String(good.prefix(good.count / 2)), in: folder).reason.contains("truncated"))
        #expect(
            try loadError(good.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":2"), in: folder)
                .reason
                == "format version 2; this program reads version 1")
        #expect(
            try loadError(#"{"formatVersion": 1, "inputColumns": 3}"#, in: folder).reason
                == "not a saved network: no 'network' at the top level")
        // Wrong shapes: a 3x4 weight matrix whose rows field says 2 (8 elements needed, 12 found).
        let wrongRows = good.replacingOccurrences(of: "\"rows\":3", with: "\"rows\":2")
        let shapeError = try loadError(wrongRows, in: folder)
        #expect(shapeError.reason.hasPrefix("wrong shape at network.layers[0].layer.weights.elements"), "\(shapeError)")
        // Layers that do not chain: the file says 5 inputs, the first Dense takes 3.
        let chainError = try loadError(
            good.replacingOccurrences(of: "\"inputColumns\":3", with: "\"inputColumns\":5"), in: folder)
        #expect(chainError.reason.hasPrefix("the layers do not fit together"), "\(chainError)")
        // An unknown layer kind.
        let kindError = try loadError(
            good.replacingOccurrences(of: "\"kind\":\"dropout\"", with: "\"kind\":\"lstm\""), in: folder)
        #expect(kindError.reason.hasPrefix("not a saved network"), "\(kindError)")
    }
}
