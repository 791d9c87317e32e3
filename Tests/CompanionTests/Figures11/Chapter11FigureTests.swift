import Foundation
import Testing

/// Chapter 11 writes its figures: `ch11 --quick --figures DIR` (the debug
/// build the tests use is slow at full length; `--quick` draws the same files
/// from shorter runs) writes exactly the expected SVG files, each well-formed
/// XML, carrying its title, with no NaN or infinite coordinate. (`--no-figures`
/// is checked for every chapter in CommandLineTests.) The titles are those Chapters/11-Training/Figures.swift
/// sets (a changed title should fail here).
@Suite("Figures of chapter 11")
struct Chapter11FigureTests {
    /// File name (without .svg) and the figure's title.
    static let figures: [(name: String, title: String)] = [
        ("book-loss", "The book's example: training loss per epoch"),
        ("book-longer-runs", "The book's network, given more steps or a larger rate"),
        ("digits-loss", "Digits: training and validation loss"),
        ("digits-accuracy", "Digits: training and validation accuracy"),
        ("digits-confusion", "Digits: confusion matrix of the test set"),
        ("overfitting-none", "100 digits, regularisation: none"),
        ("overfitting-l2", "100 digits, regularisation: L2, λ = 0.01"),
        ("overfitting-dropout", "100 digits, regularisation: dropout 0.5"),
        ("overfitting-early-stopping", "100 digits, regularisation: early stopping"),
        ("overfitting-validation", "100 digits: validation loss with and without regularisation")
    ]

    @Test("--quick --figures DIR writes exactly the expected SVGs: well-formed, titled, no NaN, under 200 KB")
    func writesFigures() throws {
        let parsed = try expectChapterFigures("ch11", Self.figures, arguments: ["--quick"])

        // The floor in book-loss.svg is a horizontal line: one constant value maps to one pixel row.
        let floor = try #require(parsed["book-loss"]).elements
            .drop { $0.name != "g" || $0.attributes["data-name"] != "least-squares plane (the floor)" }
            .first { $0.name == "polyline" }
        let floorPoints = ParsedSVG.points(of: try #require(floor, "book-loss.svg has no floor line"))
        #expect(
            floorPoints.count == 2 && floorPoints[0].1 == floorPoints[1].1,
            "the floor is not horizontal: \(floorPoints)")

        // Train and validation curves in the digits figures; the four regularisations in the comparison.
        for name in ["digits-loss", "digits-accuracy"] {
            let series = try #require(parsed[name]).all("g", class: "series").compactMap { $0.attributes["data-name"] }
            #expect(series.starts(with: ["training", "validation"]), "\(name).svg series: \(series)")
        }
        let compared = try #require(parsed["overfitting-validation"]).all("g", class: "series").compactMap {
            $0.attributes["data-name"]
        }
        #expect(
            compared.starts(with: ["none", "L2, λ = 0.01", "dropout 0.5", "early stopping"]),
            "overfitting-validation.svg series: \(compared)")

        // The four overfitting figures share one y range, so their y tick labels (right-aligned) agree.
        let yTicks = ["none", "l2", "dropout", "early-stopping"].map { name in
            parsed["overfitting-\(name)"]?.all("text", class: "tick-label").filter {
                $0.attributes["text-anchor"] == "end"
            }.map(\.text) ?? []
        }
        #expect(!yTicks[0].isEmpty && yTicks.allSatisfy { $0 == yTicks[0] }, "y ticks differ: \(yTicks)")

        // The confusion matrix: 10 × 10 cells, coloured ones and grey ones (empty pairs), a
        // colour bar with the grey "0" square, digits 0…9 on both axes, a count in every coloured
        // cell, and the counts add up to the total the note gives ("C of N on the diagonal").
        let confusion = try #require(parsed["digits-confusion"])
        let cells = confusion.all("rect", class: "cell")
        let grey = cells.filter { $0.attributes["fill"] == "#DDDDDD" }
        #expect(cells.count == 100 && !grey.isEmpty && grey.count < 100)
        #expect(
            !confusion.all("rect", class: "colour-bar").isEmpty
                && confusion.all("rect", class: "colour-bar-missing").count == 1)
        let digits = (0...9).map(String.init)
        #expect(confusion.texts(class: "tick-label") == digits + digits)
        let counts = confusion.texts(class: "cell-value").compactMap { Int($0) }
        #expect(counts.count == 100 - grey.count)
        let total = confusion.texts(class: "note").first.flatMap { $0.split(separator: " ").dropFirst(3).first }.flatMap
        { Int($0) }
        #expect(total != nil && counts.reduce(0, +) == total, "cell counts \(counts) vs the note's total")
    }
}
