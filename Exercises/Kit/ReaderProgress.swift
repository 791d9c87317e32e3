/// What the checker remembers about the reader between runs: how many hints
/// of each exercise they have seen. It lives in a small text file of its own
/// (`.exercises-progress` in the folder the checker runs in), one line per
/// exercise, `hints 1.2 2`; the workbook itself is never written.
public struct ReaderProgress: Equatable, Sendable {
    /// Exercise id → the number of its hints shown so far (1-based count).
    public private(set) var hintsSeen: [String: Int]

    /// The file name, relative to the working directory.
    public static let fileName = ".exercises-progress"

    public init(hintsSeen: [String: Int] = [:]) {
        self.hintsSeen = hintsSeen
    }

    /// Reads the file's text; lines it does not understand are skipped, so a
    /// damaged file costs the reader their hint count and nothing else.
    public init(text: String) {
        var seen: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count == 3, words[0] == "hints", let count = Int(words[2]), count > 0 else { continue }
            seen[String(words[1])] = count
        }
        self.hintsSeen = seen
    }

    /// The file's text, one sorted line per exercise.
    public var text: String {
        hintsSeen.keys.sorted().map { "hints \($0) \(hintsSeen[$0]!)\n" }.joined()
    }

    /// The hint `hint ID` shows (1-based): the first one not yet seen, or the
    /// last once all `count` have been; records it as seen.
    public mutating func revealNextHint(of id: String, count: Int) -> Int {
        let next = min((hintsSeen[id] ?? 0) + 1, count)
        hintsSeen[id] = max(hintsSeen[id] ?? 0, next)
        return next
    }

    /// Records that the reader asked for hint `number` (`hint ID N`): every
    /// hint up to it counts as seen.
    public mutating func reveal(hint number: Int, of id: String) {
        hintsSeen[id] = max(hintsSeen[id] ?? 0, number)
    }
}
