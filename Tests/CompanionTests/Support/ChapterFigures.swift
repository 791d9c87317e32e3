import Foundation
import Testing

/// A fresh, empty temporary folder (under `scratchRoot`, removed at exit at
/// the latest); the caller removes it when done.
func temporaryFolder(_ label: String) throws -> URL {
    try scratchFolder(label)
}

/// Every file below `folder`, as paths relative to it, sorted.
func files(under folder: URL) -> [String] {
    let root = folder.resolvingSymlinksInPath().path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    return walker.compactMap { $0 as? String }.filter { relative in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }.sorted()
}

/// Checks that `folder` holds exactly `figures` (file name without `.svg`, and
/// the figure's title) besides the chapter's page `index.html`, each well-formed XML (Foundation's XMLParser, via
/// `parsedSVG`) with an `svg` root, exactly that title, something drawn, no
/// NaN or infinite coordinate, no legend over data (`legendOverlaps`), and
/// under `maximumBytes` (200 KB); and that a legend label has one colour in all of them
/// (`inconsistentColours`). Returns the parsed figures by name.
@discardableResult
func expectFigures(
    _ figures: [(name: String, title: String)], in folder: URL, of program: String, maximumBytes: Int = 200_000,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [String: ParsedSVG] {
    let expectedFiles = figures.map { $0.name + ".svg" }.sorted()
    #expect(
        files(under: folder).filter { $0 != "index.html" } == expectedFiles, "\(program) wrote \(files(under: folder))",
        sourceLocation: sourceLocation)
    var parsed: [String: ParsedSVG] = [:]
    for (name, title) in figures {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".svg"))
        #expect(
            data.count < maximumBytes, "\(program)/\(name).svg is \(data.count) bytes", sourceLocation: sourceLocation)
        let svg = try parsedSVG(String(decoding: data, as: UTF8.self))
        #expect(
            svg.elements.first?.name == "svg", "\(program)/\(name).svg: the root element is not svg",
            sourceLocation: sourceLocation)
        #expect(
            svg.texts(class: "title") == [title],
            "\(program)/\(name).svg has title \(svg.texts(class: "title")), not '\(title)'",
            sourceLocation: sourceLocation)
        #expect(
            svg.all("polyline").count + svg.all("path").count + svg.all("rect").count + svg.all("circle").count > 0,
            "\(program)/\(name).svg draws nothing", sourceLocation: sourceLocation)
        let bad = svg.numericAttributeValues.filter {
            $0.lowercased().contains("nan") || $0.lowercased().contains("inf")
        }
        #expect(
            bad.isEmpty, "\(program)/\(name).svg has non-finite coordinates: \(bad.prefix(3))",
            sourceLocation: sourceLocation)
        let overlaps = legendOverlaps(svg)
        #expect(
            overlaps.isEmpty, "\(program)/\(name).svg: \(overlaps.count) marks under a legend: \(overlaps.prefix(3))",
            sourceLocation: sourceLocation)
        parsed[name] = svg
    }
    let mixed = inconsistentColours(parsed)
    #expect(mixed.isEmpty, "\(program): a series name with several colours: \(mixed)", sourceLocation: sourceLocation)
    return parsed
}

/// Runs `program arguments --figures DIR` and checks, with `expectFigures`,
/// that DIR holds exactly `figures`, and that each figure's path was printed.
@discardableResult
func expectChapterFigures(
    _ program: String, _ figures: [(name: String, title: String)], arguments: [String] = [],
    maximumBytes: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [String: ParsedSVG] {
    let folder = try temporaryFolder("\(program)-figures")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runProgram(program, arguments + ["--figures", folder.path])
    #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)", sourceLocation: sourceLocation)
    let parsed = try expectFigures(
        figures, in: folder, of: program, maximumBytes: maximumBytes, sourceLocation: sourceLocation)
    try expectChapterPage(in: folder, of: program, figures: figures.map(\.name), sourceLocation: sourceLocation)
    for (name, _) in figures {
        #expect(
            run.output.contains(folder.appendingPathComponent(name + ".svg").path),
            "\(program) did not print the path of \(name).svg", sourceLocation: sourceLocation)
    }
    return parsed
}
