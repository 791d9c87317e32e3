import Foundation
import Testing

/// Chapters 1–5 as the reader runs them: each writes its figures (SVG files
/// that parse as XML and carry their titles) where it is told, nothing with
/// `--no-figures`, and `figures/chNN` under the working directory by default.
@Suite("Chapter figures, chapters 1–5")
struct ChapterFigureTests {
    /// What each chapter must write: file name → the figure's title.
    /// The titles are the ones the chapters' stories describe (README of each chapter).
    static let expected: [String: [String: String]] = [
        "ch01": ["unit-circle.svg": "The unit circle under A = [[2, 1], [1, 2]]"],
        "ch02": ["difference-error.svg": "Finite-difference error of sin′(1) vs. step h"],
        "ch03": ["gaussian-histogram.svg": "10000 seeded draws (seed 7) vs. the N(0, 1) density",
                 "law-of-large-numbers.svg": "Law of large numbers: the mean of n die rolls"],
        "ch04": ["bernoulli-entropy.svg": "Entropy of a coin: H(Bernoulli(p)) in bits",
                 "kl-asymmetry.svg": "KL divergence is not symmetric"],
        "ch05": ["activations.svg": "Activation functions φ(x)",
                 "derivatives.svg": "Derivatives φ′(x) of the activations",
                 "saturation.svg": "Saturation: |φ′(x)| on a log scale"],
    ]

    static var programs: [String] { expected.keys.sorted() }

    /// A fresh, empty temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every file below `folder`, as paths relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { relative in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// Checks that `folder` holds exactly the program's figures, each well-formed
    /// XML whose root is `svg` and whose text contains the figure's title.
    static func expectFigures(of program: String, in folder: URL) throws {
        let figures = try #require(expected[program])
        #expect(files(under: folder) == figures.keys.sorted(), "\(program) wrote \(files(under: folder))")
        for (file, title) in figures {
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            // parsedSVG (Plot/SVGInspection.swift) parses with Foundation's XMLParser and throws if not well-formed.
            let parsed = try parsedSVG(text)
            #expect(parsed.elements.first?.name == "svg", "\(program)/\(file): the root element is not svg")
            #expect(parsed.texts(class: "title") == [title], "\(program)/\(file) has title \(parsed.texts(class: "title")), not '\(title)'")
            #expect(parsed.all("polyline").count + parsed.all("path").count + parsed.all("rect").count > 0,
                    "\(program)/\(file) draws nothing")
            let bad = parsed.numericAttributeValues.filter { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") }
            #expect(bad.isEmpty, "\(program)/\(file) has non-finite coordinates: \(bad.prefix(3))")
        }
    }

    @Test("--figures DIR writes exactly the chapter's figures into DIR, as XML with their titles", arguments: programs)
    func figuresInGivenFolder(_ program: String) throws {
        let folder = try Self.temporaryFolder("\(program)-figures")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runProgram(program, ["--figures", folder.path])
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        try Self.expectFigures(of: program, in: folder)
        // Each figure's path is printed for the reader.
        for file in Self.expected[program]!.keys {
            #expect(run.output.contains("figure  \(folder.appendingPathComponent(file).path)")
                    || run.output.contains(file), "\(program) did not print the path of \(file)")
        }
    }

    @Test("--no-figures writes nothing", arguments: programs)
    func noFigures(_ program: String) throws {
        let folder = try Self.temporaryFolder("\(program)-none")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runProgram(program, ["--no-figures"], in: folder)
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        #expect(Self.files(under: folder).isEmpty, "\(program) --no-figures wrote \(Self.files(under: folder))")
        #expect(!run.output.contains("figure  "))
    }

    @Test("with no option, figures go to figures/chNN under the working directory, and nowhere else", arguments: programs)
    func defaultFolder(_ program: String) throws {
        let workingDirectory = try Self.temporaryFolder("\(program)-default")
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        let run = try runProgram(program, in: workingDirectory)
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        let expectedFiles = Self.expected[program]!.keys.sorted().map { "figures/\(program)/\($0)" }
        #expect(Self.files(under: workingDirectory) == expectedFiles)
        try Self.expectFigures(of: program, in: workingDirectory.appendingPathComponent("figures/\(program)"))
    }

    @Test("the chapters print their inline terminal charts")
    func terminalCharts() throws {
        // ch02: two sparklines of log₁₀ |error|; ch03, ch04, ch05: framed line charts (axis ticks ┤).
        let ch02 = try runProgram("ch02", ["--no-figures"])
        #expect(ch02.output.contains("forward  ") && ch02.output.contains("▁") && ch02.output.contains("█"))
        for (program, title) in [("ch03", "error of the running mean vs. log₁₀ n"),
                                 ("ch04", "entropy of Bernoulli(p), p from 0 to 1"),
                                 ("ch05", "sigmoid and its derivative, x from −6 to 6")] {
            let run = try runProgram(program, ["--no-figures"])
            #expect(run.output.contains(title), "\(program) lacks the chart '\(title)'")
            #expect(run.output.contains("┤"), "\(program) prints no framed chart")
        }
    }
}
