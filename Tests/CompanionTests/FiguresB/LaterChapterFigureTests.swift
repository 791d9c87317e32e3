import Foundation
import Testing

/// Chapters 6-10 write their figures: each expected SVG file exists under
/// `--figures DIR`, is well-formed XML (Foundation's XMLParser), carries its
/// title. (`--no-figures` is checked for every chapter in
/// CommandLineTests.) The titles are the ones the
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
        Expected(
            program: "ch06",
            figures: [
                ("regression-losses", "Regression losses against the residual"),
                ("loss-gradients", "Gradients of the regression losses"),
                ("binary-cross-entropy", "Binary cross-entropy against the predicted probability"),
                ("logits-vs-probabilities", "Cross-entropy of target 0 against the logit"),
                ("gradient-check-errors", "Gradient checks of the losses")
            ]),
        Expected(
            program: "ch07",
            figures: [
                ("weights-xavier-uniform", "Xavier uniform weights, 256 x 128"),
                ("weights-he-normal", "He normal weights, 256 x 128"),
                ("activation-spread", "Spread of the activations through depth")
            ]),
        Expected(
            program: "ch08",
            figures: [
                ("loss-surface", "Loss of the two-layer network over two of its weights"),
                ("gradient-check-errors", "Gradient checks of every layer type"),
                ("neuron-graph", "The neuron o = tanh(x₁w₁ + x₂w₂ + b) after backward()"),
                ("network-graph", "The two-layer network's loss L = ½(ŷ − t)² after backward()")
            ]),
        Expected(
            program: "ch09",
            figures: [
                ("quadratic-iterates", "Gradient descent on f(x) = 2x²"),
                ("quadratic-steps", "The first steps on the parabola f(x) = 2x²"),
                ("batch-sizes", "Batch, mini-batch and stochastic descent"),
                ("weight-paths", "Weight paths over the loss"),
                ("decaying-rate", "Constant against decaying learning rate (B = 8)")
            ]),
        Expected(
            program: "ch10",
            figures: [
                ("bowl-paths-momentum", "SGD and momentum on ½(x² + 25y²)"),
                ("bowl-paths-adaptive", "SGD and the adaptive methods on ½(x² + 25y²)"),
                ("bowl-loss", "f against the step on ½(x² + 25y²)"),
                ("rosenbrock-paths-momentum", "SGD and momentum on Rosenbrock's function"),
                ("rosenbrock-paths-adaptive", "SGD and the adaptive methods on Rosenbrock's function"),
                ("rosenbrock-loss", "f against the step on Rosenbrock's function"),
                ("schedules", "Learning-rate schedules"),
                ("newton-rosenbrock", "Newton's path on Rosenbrock's function")
            ])
    ]

    @Test("--figures DIR writes exactly the expected SVGs, well-formed, titled, under 200 KB", arguments: chapters)
    func writesFigures(_ expected: Expected) throws {
        try expectChapterFigures(expected.program, expected.figures)
    }
}
