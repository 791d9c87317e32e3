import Foundation
import Testing

/// Chapter 14 writes its figures: `ch14 --quick --figures DIR` writes exactly
/// the expected SVG files, well-formed, titled, with no NaN (the titles are
/// those Chapters/14-Attention/Figures.swift sets; the heat map's names the
/// first held-out sequence, seed 141).
@Suite("Figures of chapter 14")
struct Chapter14FigureTests {
    static let figures: [(name: String, title: String)] = [
        ("gradient-flow", "Gradient at the first layer of a deep stack"),
        ("attention-weights", "Attention weights, heads 1…2, input 448567"),
        ("reversal-loss", "Reversal task: training cross-entropy per digit"),
        ("attention-cost", "Cost of multi-head attention against sequence length")
    ]

    @Test("--quick --figures DIR writes exactly the expected SVGs")
    func writesFigures() throws {
        let parsed = try expectChapterFigures("ch14", Self.figures, arguments: ["--quick"])
        let series = try #require(parsed["gradient-flow"]).all("g", class: "series").compactMap {
            $0.attributes["data-name"]
        }
        #expect(
            series.contains("plain stack tanh(x W)") && series.contains("with residuals x + tanh(x W)"),
            "gradient-flow.svg series: \(series)")
    }
}
