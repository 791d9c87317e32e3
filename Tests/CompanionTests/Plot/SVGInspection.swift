import Foundation

@testable import DLPresentation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG file parsed with Foundation's XMLParser: every element with its
/// attributes and text, in document order. Parsing fails (nil) when the file
/// is not well-formed XML.
struct ParsedSVG {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        /// The index in `elements` of the element this one is inside (nil for the root).
        var parent: Int? = nil
        var classes: String { attributes["class"] ?? "" }
    }

    let elements: [Element]

    init?(_ text: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        guard parser.parse(), collector.failure == nil else { return nil }
        elements = collector.elements
    }

    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.classes == className) }
    }

    /// The text of every `text` element with this class.
    func texts(class className: String) -> [String] {
        all("text", class: className).map(\.text)
    }

    /// Every number in the file's numeric attributes, to check none is NaN.
    var numericAttributeValues: [String] {
        let numeric: Set<String> = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "d"]
        return elements.flatMap { element in element.attributes.filter { numeric.contains($0.key) }.map(\.value) }
    }

    /// The indices of the elements `index` is inside, innermost first.
    func ancestors(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = elements[index].parent
        while let next = current { chain.append(next); current = elements[next].parent }
        return chain
    }

    /// The points of a `polyline`, as (x, y) pairs.
    static func points(of polyline: Element) -> [(Double, Double)] {
        (polyline.attributes["points"] ?? "").split(separator: " ").map { pair in
            let parts = pair.split(separator: ",").map { Double($0)! }
            return (parts[0], parts[1])
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []
        var failure: Error?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let parent = open.last
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes, text: "", parent: parent))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            failure = parseError
        }
    }
}

/// Parses `svg`, recording a test failure when it is not well-formed.
func parsedSVG(_ svg: String) throws -> ParsedSVG {
    guard let parsed = ParsedSVG(svg) else {
        throw SVGParseFailure(head: String(svg.prefix(400)))
    }
    return parsed
}

struct SVGParseFailure: Error, CustomStringConvertible {
    let head: String
    var description: String { "not well-formed XML: \(head)" }
}
