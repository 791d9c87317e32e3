import DLMath
import Foundation

/// The narration as the terminal shows it: every event as lines of at most
/// `width` characters (given no word of prose is longer than the room).
///
///     ✓ x · y for x = [1, 2, 3], y = [4, −5, 6]
///         computed 12   by hand 12   (4 − 10 + 18)
///
/// Prose is wrapped at 74 columns at most (the measure of a readable line),
/// formulas and pre-formatted lines are broken at their widest gaps when
/// they do not fit, tables are narrowed or split, and a check whose values
/// do not fit one line gets one line per field, matrices as aligned rows.
struct TerminalNarration {
    let width: Int

    /// The indent of text, values and blocks, and the longest line of prose.
    static let indent = "    "
    static let proseWidth = 74
    /// The indent of formulas and of the lines under a check's label.
    static let detailIndent = "        "

    /// The lines that print `event`.
    func lines(_ event: NarrationEvent) -> [String] {
        switch event {
        case .title(let number, let title):
            let heading = fitted("Chapter \(number) · \(title)", width: width, continuation: 4)
            let rule = String(repeating: "═", count: min(width, heading.map(\.count).max() ?? 0))
            return heading + [rule]
        case .section(let number, let title):
            return [""] + fitted("\(number)  \(title)", width: width, continuation: number.count + 2) + [""]
        case .paragraph(let text):
            return prose(text, indent: Self.indent)
        case .formula(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
                (line: Substring) -> [String] in
                let leading = line.prefix(while: { $0 == " " }).count
                return fitted(
                    Self.detailIndent + line, width: width, continuation: Self.detailIndent.count + leading + 4)
            }
        case .value(let name, let value):
            return valueLines(name: name, value: value)
        case .block(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
                (line: Substring) -> [String] in
                let leading = line.prefix(while: { $0 == " " }).count
                return fitted(Self.indent + line, width: width, continuation: Self.indent.count + leading + 2)
            }
        case .table(let table):
            return table.rendered(width: width - Self.indent.count)
                .split(separator: "\n", omittingEmptySubsequences: false).map { Self.indent + $0 }
        case .check(let check):
            return checkLines(check)
        case .figure(let path, _, let notes):
            return pathLines("figure  ", path)
                + notes.flatMap { fitted("            note: " + $0, width: width, continuation: 18) }
        case .tally(let program, let passed, let failed, let seconds):
            let total = passed + failed.count
            var lines = ["", String(repeating: "─", count: min(40, width))]
            if failed.isEmpty {
                lines += fitted(
                    "\(program): \(total) of \(total) checks agree ✓  (\(formatFixed(seconds, decimals: 2)) s)",
                    width: width, continuation: 4)
            } else {
                lines += fitted(
                    "\(program): \(failed.count) of \(total) checks disagree ✗", width: width, continuation: 4)
                lines += failed.flatMap { fitted(Self.indent + "✗ " + $0, width: width, continuation: 8) }
            }
            return lines
        }
    }

    /// `label path` on one line, or the path on a line of its own when that
    /// is too wide: a path is never broken (it would no longer open).
    func pathLines(_ label: String, _ path: String) -> [String] {
        let path = Self.displayed(path)
        let single = Self.indent + label + path
        return single.count <= width ? [single] : [Self.indent + label.trailingSpacesRemoved, path]
    }

    /// `path` relative to the working directory when it lies inside it
    /// (`figures/ch01/unit-circle.svg`), else as it is.
    static func displayed(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) && path.count > prefix.count ? String(path.dropFirst(prefix.count)) : path
    }

    /// Text wrapped at spaces, each line after `indent`, at most 74 columns of text.
    private func prose(_ text: String, indent: String) -> [String] {
        let room = max(1, min(Self.proseWidth, width - indent.count))
        return wrapped(text, width: room).flatMap { fitted(indent + $0, width: width, continuation: indent.count) }
    }

    /// `name = value` on one line, or the value's lines under `name =`.
    private func valueLines(name: String, value: NarratedValue) -> [String] {
        if case .shownMatrix(let matrix) = value {
            return nameLines(name)
                + matrix.description.split(separator: "\n").flatMap {
                    fitted(Self.detailIndent + $0, width: width, continuation: Self.detailIndent.count + 1)
                }
        }
        let lead = Self.indent + name + " = "
        let single = lead + value.oneLine
        if single.count <= width { return [single] }
        let room = width - lead.count
        if room >= 24 {
            let pieces = value.lines(width: room)
            let pad = String(repeating: " ", count: lead.count)
            return [lead + pieces[0]] + pieces.dropFirst().map { pad + $0 }
        }
        return nameLines(name) + value.lines(width: width - Self.detailIndent.count).map { Self.detailIndent + $0 }
    }

    /// `name =` on a line of its own, the name broken when too wide, never before its `=`.
    private func nameLines(_ name: String) -> [String] {
        var lines = fitted(Self.indent + name, width: width - 2, continuation: Self.detailIndent.count)
        lines[lines.count - 1] += " ="
        return lines
    }

    /// The label with its mark, then `computed C   by hand H   (derivation)`
    /// on one line when it fits, else each field on its own lines.
    private func checkLines(_ check: CheckRecord) -> [String] {
        let head = fitted(
            Self.indent + check.mark + " " + check.label, width: width, continuation: Self.indent.count + 2)
        guard let byHand = check.byHand else {
            return head
                + fitted(
                    Self.detailIndent + check.computed.oneLine, width: width,
                    continuation: Self.detailIndent.count + 2)
        }
        let aside = check.derivation.map { "(\($0))" }
        let single =
            Self.detailIndent + "computed \(check.computed.oneLine)   by hand \(byHand.oneLine)"
            + (aside.map { "   " + $0 } ?? "")
        if single.count <= width { return head + [single] }

        let labels = (computed: "computed  ", byHand: "by hand   ")
        let column = String(repeating: " ", count: Self.detailIndent.count + labels.computed.count)
        let room = max(width - column.count, 16)
        func field(_ label: String, _ value: NarratedValue) -> [String] {
            let pieces = value.lines(width: room, matrixAsRows: true)
            return [Self.detailIndent + label + pieces[0]] + pieces.dropFirst().map { column + $0 }
        }
        var lines = head + field(labels.computed, check.computed) + field(labels.byHand, byHand)
        if let aside {
            if let last = lines.last, last.count + 3 + aside.count <= width {
                lines[lines.count - 1] = last + "   " + aside
            } else {
                lines += wrapped(aside, width: room).flatMap {
                    fitted(column + $0, width: width, continuation: column.count)
                }
            }
        }
        return lines
    }
}
