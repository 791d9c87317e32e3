import Foundation

/// A standalone SVG document built element by element. Text and attribute
/// values are escaped (`& < > " '`), characters XML 1.0 forbids are dropped,
/// and numbers are written with at most two decimals; a non-finite number is
/// a programming error (the plots clean their data first).
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var body: [String] = []
    private(set) var definitions: [String] = []
    /// Prefixed to every `id` the document defines (`identifier(_:)`), so
    /// that the panels of a `Figure` each have their own clip path and gradient.
    var idPrefix = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Adds an element: `<name a="v" …/>` or, with text, `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        body.append(SVGDocument.markup(name, attributes, text: text))
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        body.append("<\(name)\(SVGDocument.attributeText(attributes))>")
    }

    mutating func close(_ name: String) {
        body.append("</\(name)>")
    }

    /// `name` with the document's current prefix: `plot-area`, `p2-plot-area`.
    func identifier(_ name: String) -> String { idPrefix + name }

    mutating func define(_ markup: String) {
        definitions.append(markup)
    }

    /// The whole file.
    var text: String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGDocument.number(width))\" height=\"\(SVGDocument.number(height))\" viewBox=\"0 0 \(SVGDocument.number(width)) \(SVGDocument.number(height))\" font-family=\"Helvetica, Arial, sans-serif\">"
        ]
        if !definitions.isEmpty { lines += ["<defs>"] + definitions + ["</defs>"] }
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func markup(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) -> String {
        if let text { return "<\(name)\(attributeText(attributes))>\(escaped(text))</\(name)>" }
        return "<\(name)\(attributeText(attributes))/>"
    }

    static func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(escaped($0.value))\"" }.joined()
    }

    /// `text` safe inside XML content and quoted attributes.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other C0 controls, no surrogates (impossible in
                // a Swift String) and not U+FFFE / U+FFFF.
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `12.5`, `300`, `-0.25`: two decimals at most, no `-0`.
    static func number(_ value: Double) -> String {
        precondition(value.isFinite, "SVGDocument: non-finite coordinate \(value)")
        return Ticks.formatTick(value, decimals: 2)
    }

    /// `x1,y1 x2,y2 …` for a polyline.
    static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
    }
}
