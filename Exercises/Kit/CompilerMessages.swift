/// The part of a failed build's output that the reader needs: the errors in
/// their own files, with the compiler's source excerpt under each, paths made
/// relative to the package.
///
/// `swift build` prints every file's diagnostics, progress lines and a
/// summary; a mistake in the workbook is one header line
/// `/…/Exercises/Workbook/Chapter01.swift:12:9: error: …` and the excerpt that
/// follows it (lines `12 |     return y`, `   |  ` `- error: …`). Errors in
/// other files (when the build is broken elsewhere) come back only when no
/// error points into the workbook, so that a failure is never shown empty.
public func workbookErrors(
    in buildOutput: String, packageRoot: String,
    folder: String = "Exercises/Workbook", limit: Int = 40
) -> [String] {
    let root = packageRoot.hasSuffix("/") ? packageRoot : packageRoot + "/"
    var kept: [String] = []
    var seenHeaders: Set<String> = []
    var keeping = false
    var otherErrors: [String] = []
    for raw in buildOutput.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = String(raw)
        if let header = diagnosticHeader(line) {
            keeping = false
            let relative = header.path.hasPrefix(root) ? String(header.path.dropFirst(root.count)) : header.path
            if relative.hasPrefix(folder + "/") && header.isError {
                let text = relative + line.dropFirst(header.path.count)
                if seenHeaders.insert(text).inserted {
                    kept.append(text)
                    keeping = true
                }
            } else if header.isError {
                otherErrors.append(relative + line.dropFirst(header.path.count))
            }
        } else if keeping && isExcerptLine(line) {
            kept.append(line)
        } else {
            keeping = false
        }
    }
    let result = kept.isEmpty ? Array(otherErrors.prefix(5)) : kept
    return result.count > limit ? Array(result.prefix(limit)) + ["…"] : result
}

/// `path:line:column: error: …` → the path and whether it is an error (not a
/// warning or note); nil for any other line.
private func diagnosticHeader(_ line: String) -> (path: String, isError: Bool)? {
    guard line.hasPrefix("/"), let swiftEnd = line.range(of: ".swift:") else { return nil }
    let rest = line[swiftEnd.upperBound...]
    let position = rest.prefix { $0.isNumber || $0 == ":" }
    guard !position.isEmpty else { return nil }
    let kind = rest.dropFirst(position.count).drop { $0 == " " }
    guard kind.hasPrefix("error:") || kind.hasPrefix("warning:") || kind.hasPrefix("note:") else { return nil }
    return (String(line[..<swiftEnd.lowerBound]) + ".swift", kind.hasPrefix("error:"))
}

/// A line of the compiler's source excerpt: `12 | code`, `   | `- error: …`.
private func isExcerptLine(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " }
    let number = trimmed.prefix { $0.isNumber }
    return trimmed.dropFirst(number.count).drop { $0 == " " }.hasPrefix("|")
}
