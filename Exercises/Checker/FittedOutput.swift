import DLPresentation

/// Prints `text` within the terminal's width (`TerminalWidth`: `COLUMNS`, the
/// terminal's size, or 100 when piped), each line of it wrapped at spaces with
/// continuation lines indented by `continuation`. Code (a reference solution,
/// a compiler message) is printed as it is instead.
func printFitted(_ text: String, continuation: Int = 4) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        for piece in TerminalWidth.fit(String(line), continuation: continuation) { print(piece) }
    }
}
