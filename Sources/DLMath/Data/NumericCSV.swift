import Foundation

/// A table of numbers read from a CSV file: every data row has the same
/// number of fields, every field is a finite number. Row `i` of `values` came
/// from line `lineNumber(ofRow: i)` of the file, so checks made after reading
/// (a label out of range) can still name the line.
public struct NumericTable: Equatable, Sendable {
    /// The file's name, without its folder, for error messages.
    public let fileName: String
    /// The header's fields (spaces trimmed), when the file was read with a header line.
    public let header: [String]?
    /// The numbers, one row per data line, one column per field.
    public let values: Matrix

    /// The line of the file (counted from 1) that row `row` of `values` came from.
    public func lineNumber(ofRow row: Int) -> Int { row + (header == nil ? 1 : 2) }
}

/// A reader for CSV files of numbers, the format of the data sets in this
/// package (`digits.csv`, `iris.csv`): fields separated by commas, one record
/// per line, no quoting.
///
/// Conventions, each of which could be decided otherwise:
/// - lines end in `\n` or `\r\n`; a UTF-8 byte-order mark at the start is skipped;
/// - spaces and tabs around a field are ignored; a field must then parse as a
///   finite `Double` (`16`, `5.1`, `-2e-3`); `nan` and `inf` are rejected;
/// - empty lines at the end of the file are ignored; an empty line anywhere
///   else is an error (it would be a row with one empty field);
/// - every data row must have `fieldCount` fields when it is given, else as
///   many as the first data row;
/// - a file with no data rows (empty, only blank lines, or only a header) is an error.
///
/// Every problem throws one `DataFileError` naming the file, the line and the
/// field: `digits.csv line 17: expected 65 fields, found 64`.
public enum NumericCSV {
    /// Reads the file at `url` (see the type's conventions).
    /// Throws `DataFileError`: file not found, unreadable, not UTF-8, empty, malformed.
    public static func read(contentsOf url: URL, hasHeader: Bool = false, fieldCount: Int? = nil) throws -> NumericTable
    {
        let name = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DataFileError(file: name, reason: "file not found at \(url.path)")
        }
        guard !isDirectory.boolValue else {
            throw DataFileError(file: name, reason: "\(url.path) is a folder, not a file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: name, reason: "cannot read \(url.path) (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: name, reason: "not UTF-8 text")
        }
        return try parse(text, fileName: name, hasHeader: hasHeader, fieldCount: fieldCount)
    }

    /// Parses CSV `text` as if read from a file called `fileName` (used in
    /// error messages). Throws `DataFileError` (see the type's conventions).
    public static func parse(
        _ text: String, fileName: String, hasHeader: Bool = false,
        fieldCount: Int? = nil
    ) throws -> NumericTable {
        var lines = splitLines(text)
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        guard !lines.isEmpty else { throw DataFileError(file: fileName, reason: "the file is empty") }

        var header: [String]?
        var firstDataIndex = 0
        if hasHeader {
            header = splitFields(lines[0]).map { String($0) }
            firstDataIndex = 1
        }
        guard lines.count > firstDataIndex else {
            throw DataFileError(file: fileName, reason: "no data rows after the header on line 1")
        }

        var expected = fieldCount
        var elements: [Double] = []
        for index in firstDataIndex..<lines.count {
            let lineNumber = index + 1
            if isBlank(lines[index]) {
                let count = expected.map { "expected \($0) fields" } ?? "expected numbers"
                throw DataFileError(file: fileName, line: lineNumber, reason: "empty line (\(count))")
            }
            let fields = splitFields(lines[index])
            if let expected, fields.count != expected {
                let note = fieldCount == nil ? " (as on line \(firstDataIndex + 1))" : ""
                throw DataFileError.fieldCount(
                    fileName, line: lineNumber, expected: expected, found: fields.count, note: note)
            }
            if elements.isEmpty { elements.reserveCapacity(fields.count * (lines.count - firstDataIndex)) }
            expected = fields.count
            for (position, field) in fields.enumerated() {
                guard let value = Double(field), value.isFinite else {
                    throw DataFileError.notANumber(fileName, line: lineNumber, field: position + 1, text: field)
                }
                elements.append(value)
            }
        }
        let rows = lines.count - firstDataIndex
        let values = Matrix(rows: rows, columns: elements.count / rows, elements: elements)
        return NumericTable(fileName: fileName, header: header, values: values)
    }

    /// The lines of `text`, split on `\n` bytes (not on Characters: Swift reads
    /// `\r\n` as one Character), with a trailing `\r` and a leading BOM removed.
    private static func splitLines(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        return body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            var line = Substring(bytes)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
            return line
        }
    }

    /// The comma-separated fields of `line`, spaces and tabs trimmed.
    private static func splitFields(_ line: Substring) -> [Substring] {
        line.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { bytes in
            var field = bytes[...]
            while let first = field.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                field = field.dropFirst()
            }
            while let last = field.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                field = field.dropLast()
            }
            return Substring(field)
        }
    }

    /// True when the line holds nothing but spaces and tabs.
    private static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
