import DLMath
import Foundation

/// A chapter's narration as one web page, `DIR/index.html` beside its
/// figures: sections, text, formulas, values, worked examples, checks with
/// their marks, tables, and each figure where the chapter wrote it
/// (`<img src="name.svg">`, the file beside the page).
///
/// The page stands alone: no script, no outside resource (the style sheet
/// is inline), readable offline. It is HTML5 written as well-formed XML
/// (every element closed, void elements self-closed, only the five XML
/// character references), so an XML parser reads it too. It links to the
/// previous and the next chapter's page, `../chNN/index.html`.
struct ChapterPage {
    let number: Int
    let events: [NarrationEvent]

    /// The chapters the book has (DESIGN.md), for the links to the previous and next page.
    static let bookChapters = 1...14

    /// The page's file name inside the figures folder.
    static let fileName = "index.html"

    /// Writes the page to `directory/index.html` through a temporary file and a rename; returns the path.
    @discardableResult
    func write(into directory: String) throws -> String {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
        try writeAtomically(html, to: path)
        return path
    }

    /// The page's title, from the chapter's title event.
    var title: String {
        for case .title(let number, let title) in events { return "Chapter \(number) · \(title)" }
        return "Chapter \(number)"
    }

    /// The whole page.
    var html: String {
        var body: [String] = []
        var inSection = false
        for event in events {
            if case .section = event {
                if inSection { body.append("</section>") }
                inSection = true
            }
            if case .tally = event, inSection {
                body.append("</section>")
                inSection = false
            }
            body.append(html(event))
        }
        if inSection { body.append("</section>") }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(htmlEscaped(title))</title>
            <style>
            \(ChapterPage.styleSheet)
            </style>
            </head>
            <body>
            \(navigation)
            <main>
            \(body.joined(separator: "\n"))
            </main>
            \(navigation)
            </body>
            </html>

            """
    }

    /// Links to the previous and the next chapter's page.
    private var navigation: String {
        var links: [String] = []
        if Self.bookChapters.contains(number - 1) {
            links.append(
                "<a rel=\"prev\" href=\"../\(Self.folder(number - 1))/index.html\">← chapter \(number - 1)</a>")
        }
        if Self.bookChapters.contains(number + 1) {
            links.append(
                "<a rel=\"next\" href=\"../\(Self.folder(number + 1))/index.html\">chapter \(number + 1) →</a>")
        }
        return "<nav>" + links.joined(separator: " ") + "</nav>"
    }

    /// `ch03`.
    static func folder(_ chapter: Int) -> String { String(format: "ch%02d", chapter) }

    private func html(_ event: NarrationEvent) -> String {
        switch event {
        case .title(let number, let title):
            return "<h1>Chapter \(number) · \(htmlEscaped(title))</h1>"
        case .section(let number, let title):
            return
                "<section id=\"s\(htmlEscaped(number))\">\n<h2><span class=\"number\">\(htmlEscaped(number))</span> \(htmlEscaped(title))</h2>"
        case .paragraph(let text):
            return "<p>\(htmlEscaped(text))</p>"
        case .formula(let text):
            return "<pre class=\"formula\">\(htmlEscaped(text))</pre>"
        case .value(let name, let value):
            if case .shownMatrix = value {
                return "<div class=\"value\"><code>\(htmlEscaped(name)) =</code>\n\(html(value))</div>"
            }
            return "<div class=\"value\"><code>\(htmlEscaped(name)) = </code>\(html(value))</div>"
        case .block(let text):
            return "<pre class=\"block\">\(htmlEscaped(text))</pre>"
        case .table(let table):
            return html(table)
        case .check(let check):
            return html(check)
        case .figure(let path, let title, let notes):
            let file = URL(fileURLWithPath: path).lastPathComponent
            let caption =
                (title.map { htmlEscaped($0) + " · " } ?? "")
                + "<a href=\"\(htmlEscaped(file))\">\(htmlEscaped(file))</a>"
            let noteLines = notes.map { "\n<p class=\"note\">note: \(htmlEscaped($0))</p>" }.joined()
            return "<figure><img src=\"\(htmlEscaped(file))\" alt=\"\(htmlEscaped(title ?? file))\"/>"
                + "<figcaption>\(caption)</figcaption>\(noteLines)</figure>"
        case .tally(let program, let passed, let failed, _):
            // The run time is left out: the page is the same on every run.
            let total = passed + failed.count
            if failed.isEmpty {
                return
                    "<footer><p class=\"tally agrees\">\(htmlEscaped(program)): \(total) of \(total) checks agree ✓</p></footer>"
            }
            let list = failed.map { "<li>✗ \(htmlEscaped($0))</li>" }.joined()
            return
                "<footer><p class=\"tally disagrees\">\(htmlEscaped(program)): \(failed.count) of \(total) checks disagree ✗</p>"
                + "<ul>\(list)</ul></footer>"
        }
    }

    private func html(_ check: CheckRecord) -> String {
        let state = check.agrees ? "agrees" : "disagrees"
        var lines = [
            "<div class=\"check \(state)\">",
            "<p class=\"label\"><span class=\"mark\">\(check.mark)</span> \(htmlEscaped(check.label))</p>"
        ]
        if let byHand = check.byHand {
            lines.append("<dl>")
            lines.append("<dt>computed</dt><dd>\(html(check.computed))</dd>")
            lines.append("<dt>by hand</dt><dd>\(html(byHand))</dd>")
            if let derivation = check.derivation {
                lines.append("<dt>derivation</dt><dd>\(htmlEscaped(derivation))</dd>")
            }
            lines.append("</dl>")
        } else {
            lines.append("<p class=\"detail\">\(htmlEscaped(check.computed.oneLine))</p>")
        }
        lines.append("</div>")
        return lines.joined(separator: "\n")
    }

    /// A value: a matrix as a small grid of its entries, anything else as code.
    private func html(_ value: NarratedValue) -> String {
        let cells: [[String]]?
        if case .shownMatrix(let matrix) = value {
            cells = matrix.rowArrays.map { $0.map { formatCompact($0) } }
        } else {
            cells = value.matrixCells
        }
        guard let cells else { return "<code>\(htmlEscaped(value.oneLine))</code>" }
        let rows = cells.map { row in "<tr>" + row.map { "<td>\(htmlEscaped($0))</td>" }.joined() + "</tr>" }
        return "<table class=\"matrix\"><tbody>" + rows.joined() + "</tbody></table>"
    }

    private func html(_ table: TextTable) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let numeric = column < table.alignments.count && table.alignments[column] == .right
            return "<\(tag)\(numeric ? " class=\"number\"" : "")>\(htmlEscaped(text))</\(tag)>"
        }
        let head = "<tr>" + table.headers.enumerated().map { cell("th", $1, $0) }.joined() + "</tr>"
        let rows = table.rows.map { row in "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>" }
        return "<table class=\"data\"><thead>\(head)</thead><tbody>\n" + rows.joined(separator: "\n")
            + "\n</tbody></table>"
    }
}
