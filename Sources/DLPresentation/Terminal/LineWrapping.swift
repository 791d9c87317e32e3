/// Splits `text` into lines of at most `width` characters at spaces (each
/// `\n` starts a new paragraph). A word longer than `width` stays whole on
/// its own line: prose is never broken inside a word.
func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var current = ""
        for word in paragraph.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
    }
    return lines
}

/// One line laid out in `width` columns: the line itself when it fits,
/// otherwise pieces of it, the first as it starts and the others indented
/// by `continuation` spaces, every piece at most `width` characters.
///
/// Breaks go, in order of preference, at the widest run of two or more spaces (the
/// gaps between the parts of a formula or the columns of a line), at single
/// spaces, after `, `-separated items, and, when a run of characters has no
/// break at all, inside it.
///
///     fitted("a = 1      b = 2", width: 10, continuation: 4)   // ["a = 1", "    b = 2"]
func fitted(_ line: String, width: Int, continuation: Int) -> [String] {
    guard line.count > width else { return [line] }
    let indent = String(repeating: " ", count: max(0, min(continuation, width / 2)))
    var pieces: [String] = []
    var rest = Substring(line)
    var first = true
    while true {
        let prefix = first ? "" : indent
        let room = width - prefix.count
        if rest.count <= room {
            pieces.append(prefix + rest)
            return pieces
        }
        let cut = breakPoint(in: rest, room: room)
        pieces.append(prefix + String(rest[..<cut.end]).trailingSpacesRemoved)
        rest = rest[cut.resume...].drop(while: { $0 == " " })
        first = false
        if rest.isEmpty { return pieces }
    }
}

/// Where to end a piece of at most `room` characters of `text` (longer than
/// `room`): the end of the piece and where the next one starts.
private func breakPoint(in text: Substring, room: Int) -> (end: String.Index, resume: String.Index) {
    let limit = text.index(text.startIndex, offsetBy: room)
    let window = text[..<limit]
    // The widest gap of two or more spaces (the later of equals) at least a third of the way in.
    let minimum = room / 3
    var best: String.Index?
    var bestRun = 1
    var index = window.startIndex
    var offset = 0
    while index < window.endIndex {
        if window[index] == " ", offset >= minimum, index == window.startIndex || text[text.index(before: index)] != " "
        {
            let run = text[index...].prefix(while: { $0 == " " }).count
            if run >= 2, run >= bestRun {
                best = index
                bestRun = run
            }
        }
        index = window.index(after: index)
        offset += 1
    }
    if let best { return (best, best) }
    // The last single space that the piece may end at (the space itself may sit just past the room).
    if let space = text[...limit].lastIndex(of: " "), text.distance(from: text.startIndex, to: space) > 0 {
        return (space, space)
    }
    // After the last ", " or "," inside the room.
    if let comma = window.lastIndex(of: ","), text.distance(from: text.startIndex, to: comma) > 0 {
        let after = text.index(after: comma)
        return (after, after)
    }
    return (limit, limit)
}

extension String {
    /// The string without the spaces at its end.
    var trailingSpacesRemoved: String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
