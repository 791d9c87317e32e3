import DLMath
import Foundation
import Testing

@testable import DLPresentation

/// The chapter's web page rendered from a recorded narration.
@Suite("Chapter page")
struct ChapterPageTests {
    static let events: [NarrationEvent] = {
        var table = TextTable(["x", "f(x) < 1 & more"], alignments: [.left, .right])
        table.append(["<script>", "1"])
        return [
            .title(number: 1, title: "Linear <algebra> & \"quotes\""),
            .paragraph("before the first section"),
            .section(number: "1.1", title: "Dot & cross"),
            .paragraph("a < b, a > c, 'single' \u{0007}bell"),
            .formula("x · y = Σᵢ xᵢ yᵢ"),
            .value(name: "A", .shownMatrix([[1, 2], [3, 4]])),
            .value(name: "v", .vector([1, 2])),
            .block("  ┤ chart\n  └──"),
            .table(table),
            .check(
                CheckRecord(
                    label: "rank", agrees: true, computed: .number(3), byHand: .number(3), derivation: "det A ≠ 0")),
            .check(
                CheckRecord(
                    label: "AB", agrees: false, computed: .matrix([[1, 2], [3, 4]]), byHand: .matrix([[1, 2], [3, 5]]),
                    derivation: nil)),
            .check(CheckRecord(label: "holds", agrees: true, computed: .text("2 < 3"), byHand: nil, derivation: nil)),
            .figure(path: "figures/ch01/unit-circle.svg", title: "Unit circle", notes: ["1 NaN skipped"]),
            .tally(program: "ch01", passed: 2, failed: ["1.1 AB"], seconds: 0.5)
        ]
    }()

    @Test("the page is well-formed, escapes everything, and shows every kind of event")
    func wellFormed() throws {
        let html = ChapterPage(number: 1, events: Self.events).html
        let parsed = try parsedSVG(html)
        #expect(parsed.elements.first?.name == "html")
        #expect(parsed.all("title").first?.text == "Chapter 1 · Linear <algebra> & \"quotes\"")
        #expect(parsed.all("script").isEmpty && !html.contains("<script>") && !html.contains("\u{0007}"))
        #expect(parsed.all("section").count == 1 && parsed.all("h2").first?.text == " Dot & cross")
        #expect(parsed.all("pre", class: "formula").first?.text == "x · y = Σᵢ xᵢ yᵢ")
        #expect(parsed.all("table", class: "matrix").count == 3)  // A, and AB computed and by hand
        #expect(parsed.all("table", class: "data").count == 1 && parsed.all("th").count == 2)
        #expect(
            parsed.all("div", class: "check agrees").count == 2
                && parsed.all("div", class: "check disagrees").count == 1)
        #expect(parsed.all("dd").contains { $0.text == "det A ≠ 0" })
        #expect(parsed.all("img").first?.attributes["src"] == "unit-circle.svg")
        #expect(parsed.all("img").first?.attributes["alt"] == "Unit circle")
        #expect(parsed.all("p", class: "note").first?.text == "note: 1 NaN skipped")
        // The run time stays out: the page is the same on every run.
        #expect(!html.contains("0.50") && html.contains("1 of 3 checks disagree ✗"))
    }

    @Test("links to the previous and next chapter, and none beyond the book")
    func navigation() throws {
        func links(_ number: Int) throws -> [String] {
            let parsed = try parsedSVG(ChapterPage(number: number, events: [.title(number: number, title: "t")]).html)
            return parsed.all("nav").isEmpty ? [] : parsed.all("a").compactMap { $0.attributes["href"] }
        }
        #expect(try links(1) == ["../ch02/index.html", "../ch02/index.html"])  // the same nav above and below
        #expect(
            try links(5) == ["../ch04/index.html", "../ch06/index.html", "../ch04/index.html", "../ch06/index.html"])
        #expect(try links(14) == ["../ch13/index.html", "../ch13/index.html"])
    }

    @Test("written through a temporary file and a rename, leaving nothing else in the folder")
    func written() throws {
        let folder = try temporaryFolder("page")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ChapterPage(number: 1, events: Self.events).write(
            into: folder.appendingPathComponent("ch01").path)
        #expect(path.hasSuffix("ch01/index.html"))
        #expect(files(under: folder) == ["ch01/index.html"])
        #expect(htmlEscaped("a < b & \"c\" 'd'") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")
    }
}
