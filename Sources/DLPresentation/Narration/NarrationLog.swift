/// The events of one chapter run, printed as they are recorded and kept for
/// the web page. A reference, so that every copy of a `Chapter` (a function
/// given the chapter by value, say) adds to the same story.
final class NarrationLog {
    private(set) var events: [NarrationEvent] = []
    let terminal: TerminalNarration
    /// Where the lines go (standard output unless a test says otherwise).
    private let write: (String) -> Void

    init(width: Int, write: @escaping (String) -> Void = { print($0) }) {
        self.terminal = TerminalNarration(width: width)
        self.write = write
    }

    /// Keeps `event` and prints it.
    func record(_ event: NarrationEvent) {
        events.append(event)
        for line in terminal.lines(event) { write(line) }
    }
}
