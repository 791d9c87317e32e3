/// A plain-text table with aligned columns, for the terminal.
///
///     var table = TextTable(["id", "value"], alignments: [.left, .right])
///     table.append(["1.1", "3.5"])
///     print(table.rendered)
///
/// Widths are measured in Unicode characters (`String.count`), so ✓, σ and
/// ∑ line up. Cells longer than a column's `maximumWidth` wrap onto
/// continuation lines, and a table wider than its room is narrowed or split
/// (`rendered(width:)`).
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
        precondition(
            self.alignments.count == headers.count && self.maximumWidths.count == headers.count,
            "TextTable: \(headers.count) headers but \(self.alignments.count) alignments and \(self.maximumWidths.count) widths"
        )
    }

    /// Adds a row; it must have one cell per header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "TextTable.append: \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// The table as lines of text: header, a rule, the rows, fitted to the
    /// room a chapter's block has (`TerminalWidth.columns` less the 4-column
    /// indent; see `rendered(width:)`).
    public var rendered: String { rendered(width: TerminalWidth.columns - 4) }

    /// The table in at most `width` columns: as it is when it fits; else
    /// with its widest columns narrowed (cells wrap at spaces, and a column
    /// stays as wide as its longest word up to 16 characters); else split
    /// into groups of columns, one under the other, each repeating the
    /// leading label columns.
    public func rendered(width: Int) -> String {
        let natural = naturalWidths
        if total(natural) <= width { return lines(widths: natural).joined(separator: "\n") }
        if let narrowed = narrowed(natural, to: width) { return lines(widths: narrowed).joined(separator: "\n") }
        return columnGroups(width: width).map { group in
            var part = TextTable(
                group.map { headers[$0] }, alignments: group.map { alignments[$0] },
                maximumWidths: group.map { maximumWidths[$0] })
            for row in rows { part.append(group.map { row[$0] }) }
            let widths =
                part.narrowed(part.naturalWidths, to: width)
                ?? part.naturalWidths.indices.map { part.minimumWidth(of: $0, limit: width) }
            return part.lines(widths: widths).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// Each column's width before fitting: its widest cell, capped by `maximumWidths`.
    private var naturalWidths: [Int] {
        (0..<headers.count).map { column -> Int in
            let natural = ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
            return min(natural, maximumWidths[column] ?? natural)
        }
    }

    /// The columns' widths and the two-space gaps between them.
    private func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }

    /// The narrowest a column gets by wrapping: its longest word, but no
    /// more than `longestUnbroken` (a longer word is broken) or `limit`.
    private func minimumWidth(of column: Int, limit: Int = .max) -> Int {
        let words = ([headers[column]] + rows.map { $0[column] }).flatMap { $0.split(separator: " ") }
        return min(max(words.map(\.count).max() ?? 1, 1), Self.longestUnbroken, limit)
    }

    /// The longest word a narrowed column keeps whole (numbers, names); longer ones are broken.
    static let longestUnbroken = 16

    /// `widths` narrowed until the table fits `width`, one character at a
    /// time from the widest column that can give one: first only columns
    /// wider than their cells (so that just a header wraps), then any column
    /// down to its longest word; nil when even that is too wide.
    private func narrowed(_ widths: [Int], to width: Int) -> [Int]? {
        let minimum = widths.indices.map { min(widths[$0], minimumWidth(of: $0)) }
        guard total(minimum) <= width else { return nil }
        let cells = widths.indices.map { column in
            max(minimum[column], min(widths[column], rows.map { $0[column].count }.max() ?? 0))
        }
        var result = widths
        for floor in [cells, minimum] {
            while total(result) > width {
                guard
                    let widest = result.indices.filter({ result[$0] > floor[$0] }).max(by: { result[$0] < result[$1] })
                else { break }
                result[widest] -= 1
            }
        }
        return total(result) <= width ? result : nil
    }

    /// Groups of column indices that each fit `width` at their narrowest:
    /// the leading left-aligned label columns (each at most a quarter of the
    /// width) in every group, the other columns in order.
    private func columnGroups(width: Int) -> [[Int]] {
        let minimum = headers.indices.map { minimumWidth(of: $0) }
        let natural = naturalWidths
        var labels = Array(headers.indices.prefix(while: { alignments[$0] == .left && natural[$0] <= width / 4 }))
        if labels.isEmpty || labels.count == headers.count { labels = [0] }
        let others = headers.indices.filter { !labels.contains($0) }
        var groups: [[Int]] = []
        var current = labels
        for column in others {
            if current.count > labels.count, total((current + [column]).map { minimum[$0] }) > width {
                groups.append(current)
                current = labels
            }
            current.append(column)
        }
        groups.append(current)
        return groups
    }

    /// The lines of the table with these column widths.
    private func lines(widths: [Int]) -> [String] {
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
        return body.flatMap { $0 }.map { trimTrailing($0) }
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
