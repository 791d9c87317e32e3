/// Text made safe to put inside an HTML (and XHTML) element or a quoted
/// attribute: `&`, `<`, `>`, `"` and `'` become character references, and
/// characters XML forbids (control characters other than tab, line feed
/// and carriage return) are dropped.
///
///     htmlEscaped("a < b & \"c\"")   // a &lt; b &amp; &quot;c&quot;
func htmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        default:
            let value = scalar.value
            let forbidden = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
            if !forbidden { result.unicodeScalars.append(scalar) }
        }
    }
    return result
}
