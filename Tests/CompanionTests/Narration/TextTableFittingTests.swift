import DLMath
import Testing

@testable import DLPresentation

/// `TextTable.rendered(width:)`: a table as it is when it fits, narrowed, or split into column groups.
@Suite("Text table fitting")
struct TextTableFittingTests {
    func table(_ headers: [String], _ rows: [[String]], alignments: [TextTable.Alignment]? = nil) -> TextTable {
        var table = TextTable(headers, alignments: alignments)
        for row in rows { table.append(row) }
        return table
    }

    @Test("a table that fits is left as it is")
    func fits() {
        let small = table(["a", "b"], [["1", "2"]])
        #expect(small.rendered(width: 80) == "a  b\n─  ─\n1  2")
    }

    @Test("a wide text column is narrowed: its cells wrap at spaces")
    func narrowed() {
        let notes = table(["id", "note"], [["1", "the first note is long enough to wrap"]])
        let text = notes.rendered(width: 20)
        #expect(
            text == """
                id  note
                ──  ────────────────
                1   the first note
                    is long enough
                    to wrap
                """)
    }

    @Test("a table of many number columns is split into groups, each repeating the label columns")
    func split() {
        let headers = ["name"] + (1...8).map { "column\($0)" }
        let numbers = table(
            headers, [["row"] + (1...8).map { "\($0 * 1000)" }],
            alignments: [.left] + Array(repeating: .right, count: 8))
        let text = numbers.rendered(width: 38)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 38 }, "\(text)")
        // Columns are 7 wide ("column1"): after "name", three fit, 4 + 3·(2 + 7) = 31 ≤ 38; four would make 40.
        #expect(lines.filter { $0.hasPrefix("name") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("row") }.count == 3)
        for k in 1...8 { #expect(text.contains("column\(k)") && text.contains("\(k * 1000)")) }
    }
}
