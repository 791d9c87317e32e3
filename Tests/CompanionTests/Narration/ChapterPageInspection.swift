import Foundation
import Testing

/// The widest line of a program's output, in characters (`String.count`, as
/// the narration measures: ✓, σ and x̂ are one column each).
func widestLine(of output: String) -> (width: Int, line: String) {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let widest = lines.max { $0.count < $1.count } ?? ""
    return (widest.count, widest)
}

/// Checks the chapter's web page `folder/index.html`: it is well-formed XML
/// (so strict HTML5: every element closed, no undeclared entity), starts
/// with `<!DOCTYPE html>`, has an `html` root with a title and an inline
/// style sheet, holds no script and no reference to anything outside the
/// folder but the neighbouring chapters' pages, shows every figure in
/// `figures` with `<img src="name.svg">`, and every image it shows exists.
/// Returns the parsed page.
@discardableResult
func expectChapterPage(
    in folder: URL, of program: String, figures: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ParsedSVG {
    let page = folder.appendingPathComponent("index.html")
    let data = try Data(contentsOf: page)
    let text = String(decoding: data, as: UTF8.self)
    #expect(
        text.hasPrefix("<!DOCTYPE html>\n"), "\(program)/index.html does not start with the HTML5 doctype",
        sourceLocation: sourceLocation)
    let parsed = try parsedSVG(text)  // any well-formed XML, not only SVG
    #expect(
        parsed.elements.first?.name == "html", "\(program)/index.html: the root is not html",
        sourceLocation: sourceLocation)
    #expect(parsed.all("title").first?.text.hasPrefix("Chapter ") == true, sourceLocation: sourceLocation)
    #expect(
        parsed.all("style").count == 1 && parsed.all("script").isEmpty && parsed.all("link").isEmpty,
        "\(program)/index.html must carry its style inline and no script", sourceLocation: sourceLocation)
    #expect(
        parsed.all("h2").count >= 3, "\(program)/index.html has \(parsed.all("h2").count) sections",
        sourceLocation: sourceLocation)
    #expect(
        !parsed.all("div").filter { $0.classes.hasPrefix("check") }.isEmpty, "\(program)/index.html shows no check",
        sourceLocation: sourceLocation)
    let images = parsed.all("img").compactMap { $0.attributes["src"] }
    #expect(
        images.sorted() == figures.map { $0 + ".svg" }.sorted(),
        "\(program)/index.html shows \(images), not the figures \(figures)", sourceLocation: sourceLocation)
    for image in images {
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(image).path),
            "\(program)/index.html shows \(image), which is not there", sourceLocation: sourceLocation)
    }
    let references = parsed.elements.flatMap { [$0.attributes["src"], $0.attributes["href"]].compactMap { $0 } }
    for reference in references {
        let local = !reference.contains(":") && !reference.hasPrefix("/") && !reference.contains("..")
        let neighbour = reference.range(of: #"^\.\./ch[0-9]{2}/index\.html$"#, options: .regularExpression) != nil
        #expect(local || neighbour, "\(program)/index.html refers to \(reference)", sourceLocation: sourceLocation)
    }
    return parsed
}
