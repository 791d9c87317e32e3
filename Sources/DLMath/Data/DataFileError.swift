import Foundation

/// A data file that cannot be used, described in one line that names the file
/// and, where there is one, the line (counted from 1) and the field (counted
/// from 1):
///
///     digits.csv line 17: expected 65 fields, found 64
///     iris.csv line 5: field 3 'x1' is not a number
///     empty.csv: the file is empty
///
/// Loaders throw it for anything that comes from outside the program (a
/// missing, unreadable or malformed file, a resource missing from the
/// package); a program prints `description` on stderr and exits non-zero
/// (`exitWithError` in DLPresentation). `file` is the file's name without its
/// folder, so the message reads the same on every machine; a missing file's
/// `reason` gives the full path that was tried.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file's name, without its folder (`digits.csv`).
    public var file: String
    /// The line the problem is on, counted from 1; nil for problems of the whole file.
    public var line: Int?
    /// What is wrong, as one clause (`expected 65 fields, found 64`).
    public var reason: String

    /// A problem with `file` (at `line`, counted from 1, or of the whole file when nil), described by `reason`.
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file line N: reason`, or `file: reason` when no line applies.
    public var description: String {
        if let line { return "\(file) line \(line): \(reason)" }
        return "\(file): \(reason)"
    }

    /// The same one line, so that `error.localizedDescription` reads well too.
    public var errorDescription: String? { description }

    /// A field that is not a number: `field 3 'x1' is not a number`.
    static func notANumber(_ file: String, line: Int, field: Int, text: Substring) -> DataFileError {
        let reason = text.isEmpty ? "field \(field) is empty" : "field \(field) '\(text)' is not a number"
        return DataFileError(file: file, line: line, reason: reason)
    }

    /// A row with the wrong number of fields.
    static func fieldCount(_ file: String, line: Int, expected: Int, found: Int, note: String = "") -> DataFileError {
        DataFileError(file: file, line: line, reason: "expected \(expected) fields\(note), found \(found)")
    }
}
