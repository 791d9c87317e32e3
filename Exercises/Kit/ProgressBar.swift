/// A text progress bar, `[██████░░░░░░░░] 12 of 59 solved`: `width` cells,
/// of which round(width · solved/total) are filled.
public func progressBar(solved: Int, total: Int, width: Int = 30) -> String {
    let filled = total > 0 ? Int((Double(width * solved) / Double(total)).rounded()) : 0
    let cells = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    return "[\(cells)] \(solved) of \(total) solved"
}
