import DLMath
import Foundation
import Testing

/// A fresh temporary folder for one test's files (never inside the package).
func makeTemporaryFolder() throws -> URL {
    try scratchFolder("data")
}

/// Writes `text` to `name` in a fresh temporary folder and returns its URL.
func writeTemporaryFile(_ name: String, _ text: String) throws -> URL {
    let url = try makeTemporaryFolder().appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

/// Expects `body` to throw a `DataFileError` whose one-line description is `expected`.
func expectDataFileError(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    let error = #expect(throws: DataFileError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.description == expected, sourceLocation: sourceLocation)
}

/// The first `count` lines of the shipped `digits.csv`, as text.
func digitsLines(_ count: Int) throws -> [String] {
    let text = try String(contentsOf: Dataset.packagedFileURL(named: "digits.csv"), encoding: .utf8)
    return Array(text.split(separator: "\n").prefix(count).map(String.init))
}
