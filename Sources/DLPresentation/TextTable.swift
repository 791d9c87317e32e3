/// A plain-text table with aligned columns, for the terminal.
///
///     var table = TextTable(["id", "value"], alignments: [.left, .right])
///     table.append(["1.1", "3.5"])
///     print(table.rendered)
///
/// Widths are measured in Unicode characters (`String.count`), so ✓, σ and
/// ∑ line up. Cells longer than a column's `maximumWidth` wrap onto
/// continuation lines.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    /// The widest a column may be before its cells wrap (nil: no limit).
    public var maximumWidths: [Int?]
    public private(set) var rows: [[String]] = []

    public init(_ headers: [String], alignments: [Alignment]? = nil, maximumWidths: [Int?]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.maximumWidths = maximumWidths ?? Array(repeating: nil, count: headers.count)
        precondition(self.alignments.count == headers.count && self.maximumWidths.count == headers.count,
                     "TextTable: \(headers.count) headers but \(self.alignments.count) alignments and \(self.maximumWidths.count) widths")
    }

    /// Adds a row; it must have one cell per header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "TextTable.append: \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// The table as lines of text: header, a rule, the rows.
    public var rendered: String {
        let widths = (0..<headers.count).map { column -> Int in
            let natural = ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
            return min(natural, maximumWidths[column] ?? natural)
        }
        func lines(of row: [String]) -> [String] {
            let pieces = row.enumerated().map { column, cell in wrap(cell, width: widths[column]) }
            let height = pieces.map(\.count).max() ?? 1
            return (0..<height).map { line in
                row.indices.map { column -> String in
                    let text = line < pieces[column].count ? pieces[column][line] : ""
                    let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
                    return alignments[column] == .left ? text + padding : padding + text
                }.joined(separator: "  ")
            }
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        let body = [lines(of: headers), [rule]] + rows.map(lines(of:))
        return body.flatMap { $0 }.map { trimTrailing($0) }.joined(separator: "\n")
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0, text.count > width else { return [text] }
        var result: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= width {
                current = candidate
            } else {
                if !current.isEmpty { result.append(current) }
                var rest = String(word)
                while rest.count > width {
                    result.append(String(rest.prefix(width)))
                    rest = String(rest.dropFirst(width))
                }
                current = rest
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func trimTrailing(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
