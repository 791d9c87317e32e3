import Foundation
import Testing

/// Chapters 1–5 as the reader runs them: each writes its figures (SVG files
/// that parse as XML and carry their titles) where it is told, and
/// `figures/chNN` under the working directory by default.
@Suite("Chapter figures, chapters 1–5")
struct ChapterFigureTests {
    /// What each chapter must write: file name → the figure's title.
    /// The titles are the ones the chapters' stories describe (README of each chapter).
    static let expected: [String: [String: String]] = [
        "ch01": [
            "unit-circle.svg": "The unit circle under A = [[2, 1], [1, 2]]",
            "svd-ellipse.svg": "The SVD of A = [[3, 0], [4, 5]]: A vᵢ = σᵢ uᵢ",
            "digits-pca.svg": "The digits on their first two principal components",
            "explained-variance.svg": "Digits: variance explained by k principal components"
        ],
        "ch02": ["difference-error.svg": "Finite-difference error of sin′(1) vs. step h"],
        "ch03": [
            "gaussian-histogram.svg": "10000 seeded draws (seed 7) vs. the N(0, 1) density",
            "law-of-large-numbers.svg": "Law of large numbers: the mean of n die rolls"
        ],
        "ch04": [
            "bernoulli-entropy.svg": "Entropy of a coin: H(Bernoulli(p)) in bits",
            "kl-asymmetry.svg": "KL divergence is not symmetric"
        ],
        "ch05": [
            "activations.svg": "Activation functions φ(x)",
            "derivatives.svg": "Derivatives φ′(x) of the activations",
            "saturation.svg": "Saturation: |φ′(x)| on a log scale"
        ]
    ]

    static var programs: [String] { expected.keys.sorted() }

    /// The expected figures of `program` as (name without .svg, title).
    static func figures(of program: String) -> [(name: String, title: String)] {
        (expected[program] ?? [:]).sorted { $0.key < $1.key }.map { (String($0.key.dropLast(4)), $0.value) }
    }

    @Test("--figures DIR writes exactly the chapter's figures into DIR, as XML with their titles", arguments: programs)
    func figuresInGivenFolder(_ program: String) throws {
        try expectChapterFigures(program, Self.figures(of: program))
    }

    @Test(
        "with no option, figures go to figures/chNN under the working directory, and nowhere else", arguments: programs)
    func defaultFolder(_ program: String) throws {
        let workingDirectory = try temporaryFolder("\(program)-default")
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        let run = try runProgram(program, in: workingDirectory)
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        let expectedFiles = (Self.expected[program]!.keys.sorted() + ["index.html"]).sorted().map {
            "figures/\(program)/\($0)"
        }
        #expect(files(under: workingDirectory) == expectedFiles)
        try expectFigures(
            Self.figures(of: program), in: workingDirectory.appendingPathComponent("figures/\(program)"), of: program)
    }

    @Test("the chapters print their inline terminal charts")
    func terminalCharts() throws {
        // ch02: two sparklines of log₁₀ |error|; ch03, ch04, ch05: framed line charts (axis ticks ┤).
        let ch02 = try runProgram("ch02", ["--no-figures"])
        #expect(ch02.output.contains("forward  ") && ch02.output.contains("▁") && ch02.output.contains("█"))
        for (program, title) in [
            ("ch03", "error of the running mean vs. log₁₀ n"),
            ("ch04", "entropy of Bernoulli(p), p from 0 to 1"),
            ("ch05", "sigmoid and its derivative, x from −6 to 6")
        ] {
            let run = try runProgram(program, ["--no-figures"])
            #expect(run.output.contains(title), "\(program) lacks the chart '\(title)'")
            #expect(run.output.contains("┤"), "\(program) prints no framed chart")
        }
    }
}
