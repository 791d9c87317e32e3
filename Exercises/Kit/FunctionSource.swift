/// The text of the function `static func name` in Swift `source`: its doc
/// comment, signature and body as written, with the common indentation
/// removed; nil when `source` declares no such function. `solution ID`
/// prints a reference solution this way, and the tests read the solutions'
/// bodies with it.
public func functionSource(named name: String, in source: String) -> String? {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard
        let start = lines.firstIndex(where: {
            $0.contains("static func \(name)(") || $0.contains("static func \(name)<")
        })
    else { return nil }
    var first = start
    while first > 0 && lines[first - 1].trimmingLeadingSpaces.hasPrefix("///") { first -= 1 }
    var depth = 0, opened = false, last = start
    scan: for index in start..<lines.count {
        for character in lines[index] {
            if character == "{" { depth += 1; opened = true }
            if character == "}" { depth -= 1 }
            if opened && depth == 0 { last = index; break scan }
        }
        last = index
    }
    let chosen = lines[first...last]
    let indent =
        chosen.filter { !$0.trimmingLeadingSpaces.isEmpty }
        .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return chosen.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
}

/// The body of a function's text (between its first `{` and its last `}`).
public func functionBody(of functionText: String) -> String {
    guard let open = functionText.firstIndex(of: "{"), let close = functionText.lastIndex(of: "}"), open < close else {
        return ""
    }
    return String(functionText[functionText.index(after: open)..<close])
}

extension String {
    fileprivate var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}
