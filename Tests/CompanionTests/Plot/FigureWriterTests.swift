import Foundation
import Testing

@testable import DLPresentation

@Suite("Figure writer")
struct FigureWriterTests {
    /// A fresh folder with a `figures` subfolder as the writer's target.
    func sandbox() throws -> (root: URL, figures: URL) {
        let root = try scratchFolder("plot-tests")
        return (root, root.appendingPathComponent("figures/ch09"))
    }

    func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    let plot = Plot.lines(title: "t", x: "x", y: "y", [Series("a", y: [1, 2, 3])])

    @Test("writes DIR/name.svg, creating DIR, leaving no temporary file")
    func writes() throws {
        let (root, figures) = try sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try FigureWriter(directory: figures.path).write(plot, name: "loss")
        #expect(written.path == figures.appendingPathComponent("loss.svg").path)
        #expect(contents(of: figures) == ["loss.svg"])
        let text = try String(contentsOfFile: written.path, encoding: .utf8)
        _ = try parsedSVG(text)
        // Writing again replaces the figure; `name.svg` is not doubled.
        try FigureWriter(directory: figures.path).write(plot, name: "loss.svg")
        #expect(contents(of: figures) == ["loss.svg"])
    }

    @Test(
        "refuses names that leave the folder or hide files, and writes nothing",
        arguments: [
            "../x", "..", "a/b", "/etc/passwd", ".hidden", "", "x/../../y", "a..b", "name with space", "é"
        ])
    func refusesBadNames(_ name: String) throws {
        let (root, figures) = try sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: PlotError.self) { try FigureWriter(directory: figures.path).write(plot, name: name) }
        // Nothing was created: not the folder, not a file beside it.
        #expect(contents(of: root) == [])
    }

    @Test("a write that cannot happen is a clear PlotError (folder is a file)")
    func unwritable() throws {
        let (root, _) = try sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("not-a-folder")
        try Data("reader's file".utf8).write(to: blocker)
        #expect(throws: PlotError.self) { try FigureWriter(directory: blocker.path).write(plot, name: "x") }
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "reader's file")
    }

    @Test("a symbolic link in the folder is replaced, never followed")
    func symbolicLink() throws {
        let (root, figures) = try sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("precious.txt")
        try Data("keep me".utf8).write(to: outside)
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: figures.appendingPathComponent("loss.svg"), withDestinationURL: outside)
        try FigureWriter(directory: figures.path).write(plot, name: "loss")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
        let attributes = try FileManager.default.attributesOfItem(
            atPath: figures.appendingPathComponent("loss.svg").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }

    @Test("Chapter.figure writes into --figures DIR and nothing with --no-figures")
    func chapterIntegration() throws {
        let (root, figures) = try sandbox()
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = Chapter(number: 9, title: "Test", arguments: ["--figures", figures.path], printing: false)
        chapter.figure(plot, name: "curve")
        #expect(contents(of: figures) == ["curve.svg"])
        let silent = Chapter(number: 9, title: "Test", arguments: ["--no-figures"], printing: false)
        silent.figure(plot, name: "other")
        #expect(contents(of: figures) == ["curve.svg"])
    }
}
