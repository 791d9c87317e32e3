import DLMath
import Testing

@testable import DLPresentation

/// The terminal rendering of the narration: the check line, values, formulas and widths.
@Suite("Terminal narration")
struct TerminalNarrationTests {
    func lines(_ event: NarrationEvent, width: Int = 100) -> [String] {
        TerminalNarration(width: width).lines(event)
    }

    func check(
        _ label: String, _ computed: NarratedValue, _ byHand: NarratedValue?, _ derivation: String?,
        agrees: Bool = true
    ) -> NarrationEvent {
        .check(CheckRecord(label: label, agrees: agrees, computed: computed, byHand: byHand, derivation: derivation))
    }

    @Test("the hand value is printed on its own and the derivation beside it, never equated with it")
    func byHandLine() {
        // The three false equations of issue 12: "det A = −16 ≠ 0 = 3", "... = 2000", "E[Z], within 4/√n = 0".
        let cases: [(String, Double, String)] = [
            ("det A = −16 ≠ 0", 3, "3"),
            ("log-softmax = [−2000, 0, −1000]", 2000, "2000"),
            ("E[Z], within 4/√n", 0, "0")
        ]
        for (derivation, value, text) in cases {
            let printed = lines(check("a check", .number(value), .number(value), derivation))
            #expect(printed == ["    ✓ a check", "        computed \(text)   by hand \(text)   (\(derivation))"])
            #expect(!printed.joined().contains("\(derivation) = "))
        }
        #expect(
            lines(check("no derivation", .number(12), .number(12), nil))
                == ["    ✓ no derivation", "        computed 12   by hand 12"])
        #expect(
            lines(check("a statement", .text("2 < 3"), nil, nil, agrees: false)) == [
                "    ✗ a statement", "        2 < 3"
            ])
    }

    @Test("a check too wide for one line gets a line per field, matrices as aligned rows")
    func wideCheck() {
        let matrix: Matrix = [[0.125, -2], [30, 4]]
        let printed = lines(check("AB by hand", .matrix(matrix), .matrix(matrix), "rows times columns"), width: 40)
        #expect(
            printed == [
                "    ✓ AB by hand",
                "        computed  [[0.125, -2],",
                "                   [   30,  4]]",
                "        by hand   [[0.125, -2],",
                "                   [   30,  4]]",
                "                  (rows times columns)"
            ])
        #expect(printed.allSatisfy { $0.count <= 40 }, "\(printed)")
        // A long derivation goes under the values, wrapped at spaces.
        let long = lines(
            check("x", .number(1), .number(1), String(repeating: "one more term + ", count: 8) + "1"), width: 50)
        #expect(long.allSatisfy { $0.count <= 50 } && long.count >= 4, "\(long)")
        #expect(long[2].hasPrefix("        by hand   1") && long[3].hasPrefix("                  (one more term"))
    }

    @Test("a vector too wide for its room is broken after its commas, under its first entry")
    func wideVector() {
        let values = (1...12).map { Double($0) / 7 }
        let printed = lines(.value(name: "v", .vector(values)), width: 50)
        #expect(printed.count > 1 && printed.allSatisfy { $0.count <= 50 }, "\(printed)")
        #expect(printed[0].hasPrefix("    v = [0.142857, ") && printed[1].hasPrefix("         0."), "\(printed)")
    }

    @Test("a formula too wide is broken at its widest gap; prose wraps at 74 columns at most")
    func formulaAndProse() {
        let formula = lines(.formula("a = 1,  b = 2          c = 3"), width: 30)
        #expect(formula == ["        a = 1,  b = 2", "            c = 3"])
        let prose = lines(.paragraph(String(repeating: "word ", count: 40)), width: 200)
        #expect(prose.allSatisfy { $0.count <= 78 } && prose.count == 3)
        #expect(lines(.paragraph(String(repeating: "word ", count: 40)), width: 40).allSatisfy { $0.count <= 40 })
    }

    @Test("fitted lines: unchanged when they fit, broken at spaces, and inside a word only when it has none")
    func fittedLines() {
        #expect(fitted("short", width: 10, continuation: 2) == ["short"])
        #expect(fitted("one two three four", width: 9, continuation: 2) == ["one two", "  three", "  four"])
        #expect(fitted("abcdefghij", width: 4, continuation: 0) == ["abcd", "efgh", "ij"])
        #expect(fitted("[1, 2, 3, 4]", width: 7, continuation: 1) == ["[1, 2,", " 3, 4]"])
    }

    @Test("a figure's path is never broken: it goes on a line of its own")
    func figurePath() {
        let path = "/a/very/long/folder/name/for/figures/" + String(repeating: "x", count: 30) + ".svg"
        #expect(lines(.figure(path: path, title: nil, notes: []), width: 40) == ["    figure", path])
        #expect(lines(.figure(path: "f/a.svg", title: nil, notes: []), width: 40) == ["    figure  f/a.svg"])
    }

    @Test("the width: COLUMNS first, then the terminal, then 100 when piped")
    func widthResolution() {
        #expect(TerminalWidth.resolve(environment: "80", terminal: 120) == 80)
        #expect(TerminalWidth.resolve(environment: nil, terminal: 120) == 120)
        #expect(TerminalWidth.resolve(environment: nil, terminal: nil) == 100)
        #expect(TerminalWidth.resolve(environment: "wide", terminal: nil) == 100)
        #expect(TerminalWidth.resolve(environment: "0", terminal: 90) == 90)
        #expect(TerminalWidth.resolve(environment: "5", terminal: nil) == TerminalWidth.narrowest)
    }
}
