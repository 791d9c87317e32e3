/// Estimates of how wide text is, for laying out legends and wrapping notes
/// without a font engine. The figures use Helvetica/Arial, whose average
/// character (mixed lower case, digits, spaces) is about 0.5 em wide and
/// whose widest common ones (m, W, digits in bold) reach 0.8 em; estimating
/// every character at `averageCharacterWidth` = 0.6 em errs a little wide,
/// so a wrapped line fits the width it was wrapped to:
///
///     width(text) ≈ 0.6 · fontSize · (number of characters)
///
/// (12 px text: 7.2 px a character; a 640-pixel figure holds about 93
/// characters of 11-px note text a line.)
enum TextMetrics {
    static let averageCharacterWidth = 0.6

    /// The estimated width in pixels of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        averageCharacterWidth * fontSize * Double(text.count)
    }

    /// Signs that bind the words on either side: a line never breaks next to
    /// one, so "ε = 2.2e-16" and "p = ½" stay whole.
    static let bindingSigns: Set<String> = ["=", "≈", "≠", "<", ">", "≤", "≥", "±", "×", "·", "→", "~", "∝"]

    /// `text` broken into lines at spaces so each line's estimated width is
    /// at most `width`, never beside a binding sign (`bindingSigns`: "a = b"
    /// moves to the next line whole); a word (or bound group) longer than a
    /// line is cut. Never empty: an empty text is one empty line.
    static func wrapped(_ text: String, width: Double, fontSize: Double) -> [String] {
        let capacity = max(1, Int(width / (averageCharacterWidth * fontSize)))
        var lines: [String] = []
        var current = ""
        var groups: [String] = []
        var bindsNext = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let binding = bindingSigns.contains(word)
            if binding || bindsNext, let last = groups.last {
                groups[groups.count - 1] = last + " " + word
            } else {
                groups.append(word)
            }
            bindsNext = binding
        }
        for word in groups {
            var word = word
            while word.count > capacity {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(capacity)))
                word = String(word.dropFirst(capacity))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= capacity {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
