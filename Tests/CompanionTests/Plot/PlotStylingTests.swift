import Foundation
import Testing

@testable import DLPresentation

/// Colours, dashes, wrapped notes and legend positions, read back from the SVG.
@Suite("Plot colours, notes and legend positions")
struct PlotStylingTests {
    /// The Okabe–Ito set (Okabe & Ito 2008), written out independently of Palette.swift.
    static let okabeIto: Set<String> = [
        "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"
    ]

    @Test("nine lines: the eight Okabe–Ito colours, most distinct first, then the first again")
    func eightColours() throws {
        var plot = Plot(title: "nine", x: "x", y: "y")
        for k in 0..<9 { plot.line("s\(k)", x: [0, 1], y: [Double(k), Double(k) + 1]) }
        let strokes = try parsedSVG(plot.svg()).all("polyline").map { $0.attributes["stroke"]! }
        #expect(Set(strokes.prefix(8)) == PlotStylingTests.okabeIto)
        // Blue, orange, bluish green, reddish purple, black: no two of the first five
        // are the pairs that look alike (orange/vermillion, blue/sky blue).
        #expect(Array(strokes.prefix(5)) == ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#000000"])
        #expect(strokes[8] == strokes[0])
    }

    @Test("a series' own colour and dash win, take no colour of the sequence, and reach the legend")
    func seriesColourAndDash() throws {
        let shared = PlotColor(0xD55E00)
        var plot = Plot(title: "styles", x: "x", y: "y")
        plot.line(Series("train", x: [0, 1], y: [1, 0], color: shared))
        plot.line(Series("test", x: [0, 1], y: [1.2, 0.3], color: shared, dash: .dotted))
        plot.line("other", x: [0, 1], y: [0.5, 0.5])
        let svg = try parsedSVG(plot.svg())
        let lines = svg.all("polyline")
        // The third line is the first to take from the sequence: blue.
        #expect(lines.map { $0.attributes["stroke"]! } == ["#D55E00", "#D55E00", "#0072B2"])
        #expect(lines.map { $0.attributes["stroke-dasharray"]! } == ["none", "2 3", "none"])
        let legendMarks = svg.all("line").filter {
            $0.classes.isEmpty && $0.attributes["x1"] != nil && $0.attributes["stroke-width"] == "2"
        }
        #expect(legendMarks.map { $0.attributes["stroke-dasharray"]! } == ["none", "2 3", "none"])
    }

    @Test("paths over a heat map take the next colours of the lines' sequence")
    func pathsShareTheSequence() throws {
        var plot = Plot(title: "paths", x: "x", y: "y")
        plot.function(x: -1...1, y: -1...1) { x, y in x * x + y * y }
        plot.line("a", x: [-1, 1], y: [0, 0])
        plot.line("b", x: [0, 0], y: [-1, 1])
        plot.path("p", x: [0.5, 0], y: [0.5, 0])
        plot.path("q", x: [-0.5, 0], y: [0.5, 0], color: PlotColor(0x000000))
        let svg = try parsedSVG(plot.svg())
        let lineColours = svg.all("polyline").filter { $0.attributes["stroke-width"] == "2" }.map {
            $0.attributes["stroke"]!
        }
        // Lines blue and orange; path p the third colour (bluish green), not orange again; q as asked.
        #expect(lineColours == ["#0072B2", "#E69F00", "#009E73", "#000000"])
        #expect(svg.all("circle", class: "path-end").map { $0.attributes["fill"]! } == ["#009E73", "#000000"])
    }

    @Test("a long note is wrapped within the width and the SVG grows by a line per extra line")
    func wrappedNote() throws {
        // 60 words "wxyz" = 299 characters. Text width: 0.6 · 11 = 6.6 px a character;
        // room after "Note: " (6 · 6.6 = 39.6 px) is 640 − 24 − 39.6 = 576.4 px = 87
        // characters; 17 words take 17 · 5 − 1 = 84, 18 take 89: lines of 17, 17, 17, 9 words.
        let note = Array(repeating: "wxyz", count: 60).joined(separator: " ")
        var plot = Plot(title: "notes", x: "x", y: "y")
        plot.line("a", x: [0, 1], y: [0, 1])
        plot.notes = ["short", note]
        let svg = try parsedSVG(plot.svg())
        let notes = svg.all("text", class: "note")
        #expect(notes.count == 5)
        #expect(
            notes.map(\.text) == ["Note: short", "Note: " + Array(repeating: "wxyz", count: 17).joined(separator: " ")]
                + [17, 17, 9].map { Array(repeating: "wxyz", count: $0).joined(separator: " ") })
        for line in notes {
            let right = Double(line.attributes["x"]!)! + 6.6 * Double(line.text.count)
            #expect(right <= 640 - 12 + 1e-9)
        }
        // Two notes are counted in the 440 px; the three extra lines add 3 · 16 = 48.
        let root = svg.all("svg")[0]
        #expect(root.attributes["height"] == "488")
        // The last line sits at 440 − 60 − 2 · 16 (plot bottom) + 60 + 11 + 4 · 16 = 483 < 488.
        #expect(notes.last?.attributes["y"] == "483")
    }

    @Test("legend outside right: the plot area narrows and the box lies right of it")
    func outsideLegend() throws {
        var plot = Plot.lines(title: "outside", x: "x", y: "y", [Series("up", x: [0, 1], y: [0, 1])])
        plot.legend = .outsideRight
        let svg = try parsedSVG(plot.svg())
        let frame = svg.all("rect", class: "frame")[0]
        let box = svg.elements.drop { $0.classes != "legend" }.dropFirst().first!
        // Box width 44 + 7.2 · 2 = 58.4; plot right = 640 − 24 − 58.4 − 10 = 547.6, so the
        // frame is 547.6 − 80 = 467.6 wide; the box starts at 640 − 24 − 58.4 = 557.6, y = 48.
        #expect(frame.attributes["width"] == "467.6")
        #expect(box.attributes["x"] == "557.6" && box.attributes["y"] == "48")
        let frameRight = Double(frame.attributes["x"]!)! + Double(frame.attributes["width"]!)!
        #expect(Double(box.attributes["x"]!)! > frameRight)
    }

    @Test("legend at the top centre; .best picks it when every corner has data")
    func topCenterLegend() throws {
        // An X from corner to corner of the data: each corner box is crossed, the
        // top centre is not (at the box's height the diagonals are near the sides).
        var plot = Plot.lines(
            title: "X", x: "x", y: "y", [Series("up", x: [0, 1], y: [0, 1]), Series("dn", x: [0, 1], y: [1, 0])])
        let legendGroup = try parsedSVG(plot.svg()).all("g", class: "legend")[0]
        #expect(legendGroup.attributes["data-position"] == "topCenter")
        plot.legend = .topCenter
        let box = try parsedSVG(plot.svg()).elements.drop { $0.classes != "legend" }.dropFirst().first!
        // x = (80 + 616 − 58.4) / 2 = 318.8, y = 48 + 10.
        #expect(box.attributes["x"] == "318.8" && box.attributes["y"] == "58")
    }

    @Test(".best: a box crossed by a segment counts as covered, even with no vertex in it")
    func bestAvoidsSegments() throws {
        // x shown 0…1; a flat line at the top of the data runs from x = −1 to 2, so
        // its vertices lie outside the plot and it crosses the top-left, top-centre and
        // top-right boxes; a short line along the bottom left covers that corner.
        // Only the bottom right is free.
        var plot = Plot.lines(
            title: "top", x: Axis("x", range: 0...1), y: "y",
            [Series("flat", x: [-1, 2], y: [1, 1]), Series("low", x: [0, 0.3], y: [0, 0])])
        var group = try parsedSVG(plot.svg()).all("g", class: "legend")[0]
        #expect(group.attributes["data-position"] == "bottomRight")
        // A lone point in the bottom-right box: no box is free, so the legend goes
        // outside, right of the plot area, rather than cover even that one point.
        plot.line("dot", x: [0.95], y: [0.02])
        group = try parsedSVG(plot.svg()).all("g", class: "legend")[0]
        #expect(group.attributes["data-position"] == "outsideRight")
    }
}
