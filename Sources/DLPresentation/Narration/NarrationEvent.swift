import DLMath

/// One thing a chapter says, in the order it says it. The chapter records
/// each event once; `TerminalNarration` prints it and `ChapterPage` turns
/// the whole list into the chapter's web page.
enum NarrationEvent {
    /// `Chapter N · title`, the first event.
    case title(number: Int, title: String)
    /// A numbered section, `N.k  title`.
    case section(number: String, title: String)
    /// A paragraph of explanation.
    case paragraph(String)
    /// A formula, one or more lines set apart from the text.
    case formula(String)
    /// A named value, `name = value`.
    case value(name: String, NarratedValue)
    /// Lines to print as they are (charts, drawings, pre-rendered tables).
    case block(String)
    /// A table, fitted to the room there is.
    case table(TextTable)
    /// A computed value compared with the value derived by hand, or a statement that holds or not.
    case check(CheckRecord)
    /// A figure written to `path`, with its title and the notes about skipped data.
    case figure(path: String, title: String?, notes: [String])
    /// The closing tally: every check that agreed, the labels of those that did not, and the run time.
    case tally(program: String, passed: Int, failed: [String], seconds: Double)
}

/// One check as a chapter made it: what was compared, and whether it agreed.
struct CheckRecord {
    let label: String
    let agrees: Bool
    /// The computed value; for a statement, the detail that supports it.
    let computed: NarratedValue
    /// The value derived by hand; nil for a statement (`check(_:holds:detail:)`).
    let byHand: NarratedValue?
    /// How the hand value was found: arithmetic, a reason, a condition or a
    /// tolerance. Printed beside the hand value, never equated with it.
    let derivation: String?

    /// `✓` or `✗`.
    var mark: String { agrees ? "✓" : "✗" }
}
