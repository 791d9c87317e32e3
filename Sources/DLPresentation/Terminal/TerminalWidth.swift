import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many columns the programs' output may use.
///
/// In order: the `COLUMNS` environment variable (a positive whole number), the
/// size of the terminal standard output is (ioctl `TIOCGWINSZ`, on Linux
/// and macOS), and 100 when standard output is a pipe or a file; below 40
/// columns the layouts no longer fit, so 40 is the least used. Read once
/// per run.
///
///     let width = TerminalWidth.columns          // 100 when piped
///     print(table.rendered(width: width))
public enum TerminalWidth {
    /// The width used when neither `COLUMNS` nor a terminal says otherwise.
    public static let piped = 100
    /// The narrowest width honoured; below it lines are laid out for 40 columns.
    public static let narrowest = 40

    /// The columns available to this run's output.
    public static let columns: Int = resolve(
        environment: ProcessInfo.processInfo.environment["COLUMNS"],
        terminal: terminalColumns())

    /// The width from a `COLUMNS` value and the terminal's own width (nil when not a terminal).
    static func resolve(environment: String?, terminal: Int?) -> Int {
        if let text = environment?.trimmingCharacters(in: .whitespaces), let value = Int(text), value > 0 {
            return max(value, narrowest)
        }
        if let terminal, terminal > 0 { return max(terminal, narrowest) }
        return piped
    }

    /// The width of the terminal on standard output, or nil when it is not a terminal.
    static func terminalColumns() -> Int? {
        #if os(Linux) || os(macOS)
            guard isatty(STDOUT_FILENO) == 1 else { return nil }
            var size = winsize()
            #if os(Linux)
                let request = UInt(TIOCGWINSZ)
            #else
                let request = TIOCGWINSZ
            #endif
            guard ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 else { return nil }
            return Int(size.ws_col)
        #else
            return nil
        #endif
    }
}

extension TerminalWidth {
    /// `line` as lines of at most `width` columns (default: this run's
    /// width): the line itself when it fits, else broken at its widest gaps
    /// or at spaces, the continuation lines indented by `continuation`.
    ///
    ///     for piece in TerminalWidth.fit("  Hint 1: " + hint, continuation: 10) { print(piece) }
    public static func fit(_ line: String, width: Int = columns, continuation: Int = 4) -> [String] {
        fitted(line, width: width, continuation: continuation)
    }
}
