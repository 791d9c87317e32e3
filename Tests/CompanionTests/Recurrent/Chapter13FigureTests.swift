import Foundation
import Testing

/// Chapter 13 writes its figures: `ch13 --quick --figures DIR` writes exactly
/// the expected SVG files, well-formed, titled, with no NaN (the titles are
/// those Chapters/13-RecurrentNetworks/Figures.swift sets).
@Suite("Figures of chapter 13")
struct Chapter13FigureTests {
    static let figures: [(name: String, title: String)] = [
        ("jacobian-norms", "‖∂h_T/∂h_0‖₂ of a plain RNN against T"),
        ("gradient-survival", "How much gradient reaches the first step"),
        ("memory-task", "Recall the first symbol after T steps: test accuracy"),
        ("language-model", "Character model: cross-entropy per character")
    ]

    @Test("--quick --figures DIR writes exactly the expected SVGs")
    func writesFigures() throws {
        let parsed = try expectChapterFigures("ch13", Self.figures, arguments: ["--quick"])
        let series = try #require(parsed["jacobian-norms"]).all("g", class: "series").compactMap {
            $0.attributes["data-name"]
        }
        #expect(
            series.contains("σ_max(W_h) = 1.1") && series.contains("bound 1.1^T"),
            "jacobian-norms.svg series: \(series)")
    }
}
