import DLMath
import Foundation
import Testing

/// Seeded random damage to the files the package reads: the digits and iris
/// CSV files and saved networks. Every damaged file must give a clean thrown
/// `DataFileError` or load into something whose invariants hold (a loaded
/// network must also run a forward pass); a trap or a hang fails the run.
/// The mutations are the ones real files suffer: truncation, flipped bytes,
/// dropped or doubled fields and lines, huge and non-finite numbers, wrong
/// shapes, and (for JSON) deep nesting.
@Suite("Fuzzed loaders", .timeLimit(.minutes(5)))
struct LoaderFuzzTests {
    /// How many damaged files each test tries.
    static let casesPerLoader = 1500

    /// The outcome counts of one fuzz run, to check that both outcomes occur
    /// (a mutator that never breaks a file, or always does, tests little).
    struct Tally {
        var refused = 0
        var loaded = 0
    }

    // MARK: CSV

    @Test("damaged digits.csv files: a clean error or a valid data set")
    func digitsFiles() throws {
        let original = try digitsLines(40).joined(separator: "\n") + "\n"
        var generator = SeededGenerator(seed: 2026)
        var tally = Tally()
        for _ in 0..<Self.casesPerLoader {
            let damaged = Self.damagedCSV(original, using: &generator)
            let url = try writeTemporaryFile("digits.csv", damaged)
            do {
                let data = try Dataset.digits(contentsOf: url)
                tally.loaded += 1
                #expect(data.features.columns == 64 && data.features.rows == data.labels.count && data.count > 0)
                #expect(data.features.elements.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
                #expect(data.labels.allSatisfy { (0...9).contains($0) })
            } catch is DataFileError {
                tally.refused += 1
            }
            try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
        }
        #expect(tally.refused > 100 && tally.loaded > 100, "refused \(tally.refused), loaded \(tally.loaded)")
    }

    @Test("damaged iris.csv files: a clean error or a valid data set")
    func irisFiles() throws {
        let original = try String(contentsOf: Dataset.packagedFileURL(named: "iris.csv"), encoding: .utf8)
        var generator = SeededGenerator(seed: 1936)
        var tally = Tally()
        for _ in 0..<Self.casesPerLoader {
            let damaged = Self.damagedCSV(original, using: &generator)
            let url = try writeTemporaryFile("iris.csv", damaged)
            do {
                let data = try Dataset.iris(contentsOf: url)
                tally.loaded += 1
                #expect(data.features.columns == 4 && data.features.rows == data.labels.count && data.count > 0)
                #expect(data.features.elements.allSatisfy { $0.isFinite })
                let classCount = data.classCount
                #expect(data.labels.allSatisfy { $0 >= 0 && $0 < classCount })
            } catch is DataFileError {
                tally.refused += 1
            }
            try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
        }
        #expect(tally.refused > 100 && tally.loaded > 100, "refused \(tally.refused), loaded \(tally.loaded)")
    }

    /// One to three random mutations of a CSV text.
    static func damagedCSV(_ text: String, using generator: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<generator.integer(in: 1...3) {
            let row = generator.integer(below: lines.count)
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let field = generator.integer(below: max(fields.count, 1))
            switch generator.integer(below: 12) {
            case 0:  // truncated at a random byte
                let bytes = Array(lines.joined(separator: "\n").utf8)
                return String(decoding: bytes.prefix(generator.integer(below: bytes.count + 1)), as: UTF8.self)
            case 1:  // a byte flipped anywhere in the line
                var bytes = Array(lines[row].utf8)
                if !bytes.isEmpty {
                    bytes[generator.integer(below: bytes.count)] = UInt8(generator.integer(below: 256))
                }
                lines[row] = String(decoding: bytes, as: UTF8.self)
                continue
            case 2: if !fields.isEmpty { fields.remove(at: field) }  // a field dropped
            case 3: fields.insert(fields.first ?? "1", at: field)  // a field doubled
            case 4:
                fields[field] =
                    ["1e308", "1e400", "-1e400", "1e-400", "179769313486231570" + String(repeating: "0", count: 300)][
                        generator.integer(below: 5)]
            case 5:
                fields[field] =
                    ["NaN", "nan", "inf", "-inf", "Infinity", "-0", "+3", "0x10"][generator.integer(below: 8)]
            case 6:
                fields[field] = ["", " ", "1 2", "1,", "\"3\"", "३", "\u{FEFF}1", "1\r"][generator.integer(below: 8)]
            case 7: fields[field] = String(generator.integer(in: -20...40))  // out of range
            case 8: lines.remove(at: row); continue  // a line dropped
            case 9: lines.insert(lines[row], at: row); continue  // a line doubled
            case 10: lines.insert("", at: row); continue  // an empty line inside
            default: fields[field] = String(Double(fields[field]).map { $0 + 0.5 } ?? 0.5)  // a fraction
            }
            lines[row] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Saved networks

    /// A small network with every kind of layer that carries a shape.
    static func savedNetworkJSON() throws -> Data {
        var generator = SeededGenerator(seed: 5)
        let image = ImageShape(channels: 1, height: 4, width: 4)
        let network = Sequential([
            try Conv2D(input: image, outputChannels: 2, kernel: (3, 3), padding: (1, 1), generator: &generator),
            ActivationLayer(.relu),
            try MaxPool2D(input: ImageShape(channels: 2, height: 4, width: 4), window: (2, 2)),
            Dense(inputs: 8, outputs: 5, generator: &generator),
            BatchNorm(features: 5),
            Dropout(rate: 0.25, seed: 3),
            Dense(inputs: 5, outputs: 3, generator: &generator)
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(SavedNetwork(network, inputColumns: 16))
    }

    @Test("damaged saved networks: a clean error or a network that runs")
    func savedNetworks() throws {
        let original = try Self.savedNetworkJSON()
        let tree = try JSONSerialization.jsonObject(with: original)
        var generator = SeededGenerator(seed: 42)
        var tally = Tally()
        for _ in 0..<Self.casesPerLoader {
            let damaged = try Self.damagedJSON(original, tree: tree, using: &generator)
            do {
                let saved = try SavedNetwork(json: damaged, fileName: "network.json")
                tally.loaded += 1
                // Shapes were checked on load, so a forward pass must not trap.
                let output = saved.network.predict(Matrix(rows: 2, columns: saved.inputColumns, repeating: 0.5))
                #expect(output.rows == 2 && output.columns == saved.outputColumns)
            } catch {
                tally.refused += 1
            }
        }
        #expect(tally.refused > 100 && tally.loaded > 20, "refused \(tally.refused), loaded \(tally.loaded)")
    }

    @Test("deeply nested JSON is refused, not a stack overflow")
    func deepNesting() {
        for depth in [1_000, 100_000] {
            let text =
                "{\"formatVersion\": 1, \"inputColumns\": 2, \"network\": "
                + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            #expect(throws: DataFileError.self) { _ = try SavedNetwork(json: Data(text.utf8), fileName: "deep.json") }
            let layers =
                String(repeating: "{\"kind\": \"sequential\", \"layer\": {\"layers\": [", count: depth)
                + String(repeating: "]}}", count: depth)
            let nested = "{\"formatVersion\": 1, \"inputColumns\": 2, \"network\": {\"layers\": [" + layers + "]}}"
            #expect(throws: DataFileError.self) { _ = try SavedNetwork(json: Data(nested.utf8), fileName: "deep.json") }
        }
    }

    /// One random mutation of a saved network: of its bytes, or of its JSON tree.
    static func damagedJSON(_ data: Data, tree: Any, using generator: inout SeededGenerator) throws -> Data {
        var bytes = [UInt8](data)
        switch generator.integer(below: 4) {
        case 0:
            return Data(bytes.prefix(generator.integer(below: bytes.count)))
        case 1:
            for _ in 0..<generator.integer(in: 1...3) {
                bytes[generator.integer(below: bytes.count)] = UInt8(generator.integer(below: 256))
            }
            return Data(bytes)
        default:
            let mutated = mutate(tree, using: &generator, depth: 0)
            return try JSONSerialization.data(withJSONObject: mutated, options: [.sortedKeys])
        }
    }

    /// The tree with one value somewhere below replaced, dropped or reshaped.
    static func mutate(_ node: Any, using generator: inout SeededGenerator, depth: Int) -> Any {
        let descend = generator.integer(below: 4) != 0
        if var object = node as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[generator.integer(below: keys.count)]
            if descend, let child = object[key] {
                object[key] = mutate(child, using: &generator, depth: depth + 1)
            } else {
                switch generator.integer(below: 3) {
                case 0: object.removeValue(forKey: key)
                case 1: object[key] = replacement(using: &generator)
                default: object["unexpected"] = 1
                }
            }
            return object
        }
        if var array = node as? [Any], !array.isEmpty {
            let index = generator.integer(below: array.count)
            if descend {
                array[index] = mutate(array[index], using: &generator, depth: depth + 1)
            } else {
                switch generator.integer(below: 3) {
                case 0: array.remove(at: index)
                case 1: array.append(array[index])
                default: array[index] = replacement(using: &generator)
                }
            }
            return array
        }
        return replacement(using: &generator)
    }

    /// A value of the wrong kind or size: huge, negative, fractional, a string, null, nested.
    static func replacement(using generator: inout SeededGenerator) -> Any {
        let choices: [Any] = [
            -1, 0, 3, 1_000_000, Int.max, Int.min, 1e300, -1e300, 0.5, Double.leastNonzeroMagnitude,
            "NaN", "dense", "", NSNull(), [Any](), [String: Any](), [[1, 2], [3]], true
        ]
        return choices[generator.integer(below: choices.count)]
    }
}
