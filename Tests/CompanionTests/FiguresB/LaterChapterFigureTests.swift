import Foundation
import Testing

/// Chapters 6-10 write their figures: each expected SVG file exists under
/// `--figures DIR`, is well-formed XML (Foundation's XMLParser), carries its
/// title, and `--no-figures` writes nothing. The titles are the ones the
/// chapters' Figures.swift files set (a changed title should fail here).
@Suite("Figures of chapters 6-10")
struct LaterChapterFigureTests {
    struct Expected: Sendable, CustomStringConvertible {
        let program: String
        /// File name (without .svg) and the figure's title.
        let figures: [(name: String, title: String)]
        var description: String { program }
    }

    static let chapters: [Expected] = [
        Expected(program: "ch06", figures: [
            ("regression-losses", "Regression losses against the residual"),
            ("loss-gradients", "Gradients of the regression losses"),
            ("binary-cross-entropy", "Binary cross-entropy against the predicted probability"),
            ("logits-vs-probabilities", "Cross-entropy of target 0 against the logit"),
            ("gradient-check-errors", "Gradient checks of the losses"),
        ]),
        Expected(program: "ch07", figures: [
            ("weights-xavier-uniform", "Xavier uniform weights, 256 x 128"),
            ("weights-he-normal", "He normal weights, 256 x 128"),
            ("activation-spread", "Spread of the activations through depth"),
        ]),
        Expected(program: "ch08", figures: [
            ("loss-surface", "Loss of the two-layer network over two of its weights"),
            ("gradient-check-errors", "Gradient checks of every layer type"),
        ]),
        Expected(program: "ch09", figures: [
            ("quadratic-iterates", "Gradient descent on f(x) = 4 x²/2"),
            ("quadratic-steps", "The first steps on the parabola f(x) = 4 x²/2"),
            ("batch-sizes", "Batch, mini-batch and stochastic descent"),
            ("weight-paths", "Weight paths over the loss"),
            ("decaying-rate", "Constant against decaying learning rate (B = 8)"),
        ]),
        Expected(program: "ch10", figures: [
            ("bowl-paths-momentum", "SGD and momentum on ½(x² + 25y²)"),
            ("bowl-paths-adaptive", "SGD and the adaptive methods on ½(x² + 25y²)"),
            ("bowl-loss", "f against the step on ½(x² + 25y²)"),
            ("rosenbrock-paths-momentum", "SGD and momentum on Rosenbrock's function"),
            ("rosenbrock-paths-adaptive", "SGD and the adaptive methods on Rosenbrock's function"),
            ("rosenbrock-loss", "f against the step on Rosenbrock's function"),
            ("schedules", "Learning-rate schedules"),
        ]),
    ]

    @Test("--figures DIR writes exactly the expected SVGs, well-formed, titled, under 200 KB", arguments: chapters)
    func writesFigures(_ expected: Expected) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-b-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runProgram(expected.program, ["--figures", folder.path])
        #expect(run.status == 0, "\(expected.program) exited \(run.status): \(run.errors)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == expected.figures.map { $0.name + ".svg" }.sorted())
        for (name, title) in expected.figures {
            let url = folder.appendingPathComponent(name + ".svg")
            let data = try Data(contentsOf: url)
            #expect(data.count < 200_000, "\(name).svg is \(data.count) bytes")
            let svg = try parsedSVG(String(decoding: data, as: UTF8.self))
            // The title is the text of a text element (XML entities decoded by the parser).
            #expect(svg.all("text").contains { $0.text == title }, "\(name).svg has no title '\(title)'")
            #expect(!svg.numericAttributeValues.contains { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") },
                    "\(name).svg has a NaN or infinite coordinate")
            #expect(run.output.contains(url.path), "\(expected.program) did not print the path of \(name).svg")
        }
    }

    @Test("--no-figures writes nothing and prints no figure path", arguments: chapters)
    func noFigures(_ expected: Expected) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("figures-b-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runProgram(expected.program, ["--no-figures"], in: directory)
        #expect(run.status == 0, "\(expected.program) exited \(run.status): \(run.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(!run.output.contains("figure  "))
    }
}
