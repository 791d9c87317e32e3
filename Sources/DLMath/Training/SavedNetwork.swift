import Foundation

/// A trained network as a JSON file, with a format version:
///
///     {"formatVersion": 1, "inputColumns": 64,
///      "network": {"layers": [{"kind": "dense", "layer": {"weights": {...}, "bias": {...}}}, ...]}}
///
/// Saving and loading round-trip every parameter bit for bit: `JSONEncoder`
/// writes each Double with the shortest digits that read back to the same
/// value (see `MatrixCodable.swift`).
///
/// Writing never leaves a half-written file where the reader's file was: the
/// JSON goes to a temporary file in the same folder, which is then renamed
/// over the destination (`rename(2)` replaces it in one step on the same file
/// system). On any failure the destination is as it was and the temporary
/// file is removed.
///
/// Reading checks everything and throws one `DataFileError` naming the file
/// and the problem, never crashes:
///
///     model.json: file not found at /path/model.json
///     model.json: the file is empty
///     model.json: not JSON (it starts with 'hello')
///     model.json: the JSON ends early (is the file truncated?)
///     model.json: format version 2; this program reads version 1
///     model.json: not a saved network: no 'bias' at network.layers[0].layer
///     model.json: wrong shape at network.layers[0].layer.weights: a 2x3 matrix cannot hold the 5 elements found
///     model.json: the layers do not fit together: Dense(3 → 1) takes 3 input columns, got 4
public struct SavedNetwork: Codable {
    /// The version this code writes and the only one it reads.
    public static let currentFormatVersion = 1

    /// The format version of the file.
    public let formatVersion: Int
    /// The number of input columns the network takes (checked against its layers).
    public let inputColumns: Int
    /// The network, with its parameters; a loaded network is in training mode.
    public let network: Sequential

    /// A network to save, with the width of its input. Throws the network's
    /// `ShapeError` when its layers do not chain from `inputColumns`.
    public init(_ network: Sequential, inputColumns: Int) throws(ShapeError) {
        _ = try network.outputColumns(forInputColumns: inputColumns)
        self.formatVersion = SavedNetwork.currentFormatVersion
        self.inputColumns = inputColumns
        self.network = network
    }

    /// The number of output columns, from the layers.
    public var outputColumns: Int { (try? network.outputColumns(forInputColumns: inputColumns)) ?? 0 }

    // MARK: Writing

    /// Writes the JSON to `url` through a temporary file in the same folder
    /// (see the type's documentation). Throws `DataFileError` when the folder
    /// is missing or not writable, or a parameter is not finite (JSON has no NaN).
    public func write(to url: URL) throws(DataFileError) {
        let name = url.lastPathComponent
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            data = try encoder.encode(self)
        } catch {
            throw DataFileError(
                file: name, reason: "cannot save: a parameter is not a finite number (JSON has no NaN or infinity)")
        }
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataFileError(file: name, reason: "cannot save: the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DataFileError(
                file: name, reason: "cannot save: cannot write in \(folder.path) (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DataFileError(file: name, reason: "cannot save: cannot replace \(url.path) (\(reason))")
        }
    }

    // MARK: Reading

    /// Reads a saved network, checking the JSON, the version, every shape and
    /// that the layers chain from `inputColumns`. Throws `DataFileError` (see the type's documentation).
    public init(contentsOf url: URL) throws(DataFileError) {
        let name = url.lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw DataFileError(file: name, reason: "file not found at \(url.path)")
        }
        guard !isFolder.boolValue else {
            throw DataFileError(file: name, reason: "\(url.path) is a folder, not a file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: name, reason: "cannot read \(url.path) (\(error.localizedDescription))")
        }
        try self.init(json: data, fileName: name)
    }

    /// Reads a saved network from JSON bytes; `fileName` names it in errors.
    public init(json data: Data, fileName name: String) throws(DataFileError) {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DataFileError(file: name, reason: "the file is empty") }
        guard text.hasPrefix("{") else {
            throw DataFileError(file: name, reason: "not JSON (it starts with '\(text.prefix(12))')")
        }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            let reason = text.hasSuffix("}") ? "not valid JSON" : "the JSON ends early (is the file truncated?)"
            throw DataFileError(file: name, reason: reason)
        }
        let decoder = JSONDecoder()
        let version: Int
        do {
            version = try decoder.decode(VersionOnly.self, from: data).formatVersion
        } catch {
            throw DataFileError(file: name, reason: "not a saved network: \(SavedNetwork.describe(error))")
        }
        guard version == SavedNetwork.currentFormatVersion else {
            throw DataFileError(
                file: name,
                reason: "format version \(version); this program reads version \(SavedNetwork.currentFormatVersion)")
        }
        let saved: SavedNetwork
        do {
            saved = try decoder.decode(SavedNetwork.self, from: data)
        } catch let DecodingError.dataCorrupted(context)
            where ["elements", "bias"].contains(context.codingPath.last?.stringValue ?? "")
        {
            // Where Matrix and Dense check shapes (MatrixCodable.swift, Dense.swift).
            throw DataFileError(
                file: name,
                reason: "wrong shape at \(SavedNetwork.path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw DataFileError(file: name, reason: "not a saved network: \(SavedNetwork.describe(error))")
        }
        do {
            _ = try saved.network.outputColumns(forInputColumns: saved.inputColumns)
        } catch {
            throw DataFileError(
                file: name, reason: "the layers do not fit together: \(error.operation) \(error.detail)")
        }
        self = saved
    }

    /// Just the version, read first, so that a future format is reported as such.
    private struct VersionOnly: Decodable {
        let formatVersion: Int
    }

    /// `network.layers[0].layer`, from a coding path.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "the top level" : text
    }

    /// One clause for a decoding error: what is missing or wrong, and where.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "no '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
