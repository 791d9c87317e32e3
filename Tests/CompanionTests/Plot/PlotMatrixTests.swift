import DLMath
import Testing

@testable import DLPresentation

/// Matrix heat maps: one cell per entry with row 0 at the top, viridis
/// colours from the ends of the scale, row and column names as ticks, value
/// texts in a contrasting colour, zeros on a log scale grey without a note.
@Suite("Plot matrix heat maps")
struct PlotMatrixTests {
    static func number(_ element: ParsedSVG.Element, _ key: String) -> Double {
        Double(element.attributes[key] ?? "") ?? .nan
    }

    static func cell(_ svg: ParsedSVG, row: Int, column: Int) -> ParsedSVG.Element? {
        svg.all("rect", class: "cell").first {
            $0.attributes["data-row"] == String(row) && $0.attributes["data-column"] == String(column)
        }
    }

    @Test("2 × 3 linear: six cells placed by hand, ends of viridis, names as ticks, values in contrasting colours")
    func linearMatrix() throws {
        let plot = Plot.matrix(
            title: "m", x: "column", y: "row", [[1, 2, 3], [4, 5, 6]],
            rowLabels: ["a", "b"], columnLabels: ["x", "y", "z"], showsValues: true)
        let svg = try parsedSVG(plot.svg())
        #expect(svg.all("rect", class: "cell").count == 2 * 3)
        // The maximum 6 sits at t = 1, the top of viridis (its last anchor #FDE725);
        // the minimum 1 at t = 0, the bottom (#440154).
        let top = try #require(Self.cell(svg, row: 1, column: 2)),
            bottom = try #require(Self.cell(svg, row: 0, column: 0))
        #expect(top.attributes["fill"] == "#FDE725")
        #expect(bottom.attributes["fill"] == "#440154")
        // Plot area (colour bar, no notes): x 80…540, y 48…380. Columns: −½…2½ over
        // 460 px, 153.33 each; rows: 332 px for two, 166 each, row 0 on top:
        // cell (0, 0) from (80, 48), cell (1, 2) from (80 + 2 · 153.33, 48 + 166).
        expectClose(Self.number(bottom, "x"), 80, absolute: 0.01, relative: 0)
        expectClose(Self.number(bottom, "y"), 48, absolute: 0.01, relative: 0)
        expectClose(Self.number(bottom, "width"), 460.0 / 3, absolute: 0.01, relative: 0)
        expectClose(Self.number(bottom, "height"), 166, absolute: 0.01, relative: 0)
        expectClose(Self.number(top, "x"), 80 + 2 * 460.0 / 3, absolute: 0.01, relative: 0)
        expectClose(Self.number(top, "y"), 214, absolute: 0.01, relative: 0)
        // Columns under the x axis, then rows beside the y axis, top row first (and higher up).
        let ticks = svg.all("text", class: "tick-label")
        #expect(ticks.map(\.text) == ["x", "y", "z", "a", "b"])
        #expect(Self.number(ticks[3], "y") < Self.number(ticks[4], "y"))
        // Values, row by row; black on yellow, white on dark purple.
        let values = svg.all("text", class: "cell-value")
        #expect(values.map(\.text) == ["1", "2", "3", "4", "5", "6"])
        #expect(values[5].attributes["fill"] == "#000000" && values[0].attributes["fill"] == "#FFFFFF")
        #expect(svg.all("rect", class: "colour-bar").count == 1 && svg.all("rect", class: "colour-bar-missing").isEmpty)
        #expect(svg.texts(class: "note").isEmpty)
    }

    @Test("without showsValues no value is written; a Matrix draws as its rows; default labels 0, 1, …")
    func matrixValueAndDefaults() throws {
        var plain = Plot(title: "m", x: "j", y: "i")
        plain.matrix(Matrix([[1, 2], [3, 4]]))
        var arrays = Plot(title: "m", x: "j", y: "i")
        arrays.matrix([[1, 2], [3, 4]])
        #expect(try plain.svg() == arrays.svg())
        let svg = try parsedSVG(plain.svg())
        #expect(svg.all("text", class: "cell-value").isEmpty)
        #expect(svg.texts(class: "tick-label") == ["0", "1", "0", "1"])
        // Non-integers get three significant digits.
        let fractions = try parsedSVG(
            Plot.matrix(title: "m", x: "j", y: "i", [[0.123456, 2.5]], showsValues: true).svg())
        #expect(fractions.texts(class: "cell-value") == ["0.123", "2.5"])
    }

    @Test("log scale: a zero is grey with no note and a grey '0' square under the colour bar")
    func logZeros() throws {
        let plot = Plot.matrix(
            title: "counts", x: "predicted", y: "true", [[0, 10], [100, 1]], valueScale: .log, showsValues: true)
        let svg = try parsedSVG(plot.svg())
        #expect(try #require(Self.cell(svg, row: 0, column: 0)).attributes["fill"] == "#DDDDDD")
        #expect(try #require(Self.cell(svg, row: 1, column: 0)).attributes["fill"] == "#FDE725")
        // 10 is halfway in log₁₀ between 1 and 100: t = ½, position 4.5 between viridis anchors
        // 4 (#26828E) and 5 (#1F9E89): (38+31)/2 = 34.5 → 35 = 0x23, (130+158)/2 = 144 = 0x90,
        // (142+137)/2 = 139.5 → 140 = 0x8C.
        #expect(try #require(Self.cell(svg, row: 0, column: 1)).attributes["fill"] == "#23908C")
        #expect(svg.texts(class: "note").isEmpty)
        #expect(svg.all("rect", class: "colour-bar-missing").count == 1)
        #expect(svg.texts(class: "colour-label").contains("0"))
        // The grey cell gets no value text.
        #expect(svg.texts(class: "cell-value") == ["10", "100", "1"])
    }

    @Test("NaN and negative entries on a log scale are grey with a note; n/a under the colour bar")
    func unshownEntries() throws {
        let plot = Plot.matrix(title: "m", x: "j", y: "i", [[.nan, -1], [2, 20]], valueScale: .log)
        let svg = try parsedSVG(plot.svg())
        #expect(svg.all("rect", class: "cell").filter { $0.attributes["fill"] == "#DDDDDD" }.count == 2)
        #expect(svg.texts(class: "note") == ["Note: 'matrix': 2 of 4 entries not finite or < 0 (grey)"])
        #expect(svg.texts(class: "colour-label").contains("n/a"))
    }

    @Test("bad matrices throw: empty, ragged, wrong label counts, a log axis")
    func badInput() {
        #expect(throws: PlotError.self) { try Plot.matrix(title: "m", x: "j", y: "i", []).svg() }
        #expect(throws: PlotError.self) { try Plot.matrix(title: "m", x: "j", y: "i", [[1, 2], [3]]).svg() }
        #expect(throws: PlotError.self) {
            try Plot.matrix(title: "m", x: "j", y: "i", [[1, 2]], rowLabels: ["a", "b"]).svg()
        }
        #expect(throws: PlotError.self) {
            try Plot.matrix(title: "m", x: "j", y: "i", [[1, 2]], columnLabels: ["a"]).svg()
        }
        #expect(throws: PlotError.self) { try Plot.matrix(title: "m", x: .log("j"), y: "i", [[1, 2]]).svg() }
        #expect(throws: PlotError.self) {
            try Plot.matrix(title: "m", x: "j", y: "i", [[0, 0]], valueScale: .log).svg()
        }
    }

    @Test("text colour: black above relative luminance √0.0525 − 0.05 ≈ 0.1791, white at or below")
    func readableText() {
        // #767676: c = 118/255, ((c + 0.055)/1.055)^2.4 = 0.18116 > 0.1791 → black;
        // #757575: c = 117/255 gives 0.17789 < 0.1791 → white (grey: R = G = B, L is that value).
        expectClose(PlotColor(0x767676).relativeLuminance, 0.18116, absolute: 1e-5, relative: 0)
        #expect(PlotColor(0x767676).readableText == PlotColor(0x000000))
        #expect(PlotColor(0x757575).readableText == PlotColor(0xFFFFFF))
        // (1.055/1.055)^2.4 = 1 exactly; 0.2126 + 0.7152 + 0.0722 = 1.
        #expect(PlotColor(0xFFFFFF).relativeLuminance == 1)
        #expect(PlotColor(0x000000).relativeLuminance == 0)
    }
}
