import DLMath
import Foundation

/// The narration of one chapter: numbered sections, formulas in plain
/// text, worked examples, and checks of each computed value against the
/// value derived by hand, printed to the terminal as the chapter runs and,
/// when figures are written, kept for the chapter's web page.
///
///     var chapter = Chapter(number: 1, title: "Linear algebra")
///     chapter.section("The dot product")
///     chapter.formula("x · y = Σᵢ xᵢ yᵢ")
///     chapter.check("x · y for x = [1, 2, 3], y = [4, −5, 6]",
///                   computed: x.dot(y), byHand: 12, derivation: "4 − 10 + 18")
///     chapter.finish()
///
/// `init` reads the command line: `--figures DIR` (where SVG figures and the
/// page `index.html` go, default `figures/chNN`), `--no-figures`, `--help`.
/// Anything else is a usage error: one line on standard error and exit
/// status 2, as is a figures folder that cannot be written (checked before
/// anything is printed). Every line printed fits `width` columns
/// (`TerminalWidth`). `finish()` prints the tally, writes the page, and
/// exits 0 when every check agreed, 1 otherwise.
public struct Chapter {
    public let number: Int
    public let title: String
    /// The program name, `chNN`.
    public let program: String
    /// Where figures go; nil with `--no-figures`.
    public let figuresDirectory: String?
    /// The chapter's own flags (see `init(number:title:flags:arguments:)`) that were given.
    public let givenFlags: Set<String>
    /// The columns every printed line fits in.
    public var width: Int { log.terminal.width }

    private var sectionNumber = 0
    private(set) public var passedChecks = 0
    private(set) public var failedChecks: [String] = []
    private let started = Date()
    /// Every event so far, shared by the copies of this chapter.
    let log: NarrationLog

    /// Starts the chapter: parses the arguments and prints the title.
    ///
    /// `flags` are options of this chapter only, each `(flag, help)`, e.g.
    /// `("--quick", "fewer epochs, for the test suite")`: they are accepted,
    /// listed by `--help` and in usage errors, and `isGiven(_:)` tells whether
    /// one was on the command line.
    ///
    /// `printing: false` keeps the story (for the page) without printing it:
    /// for tests that build a chapter inside the test process.
    public init(
        number: Int, title: String, flags: [(flag: String, help: String)] = [],
        arguments: [String] = Array(CommandLine.arguments.dropFirst()), printing: Bool = true
    ) {
        self.number = number
        self.title = title
        let program = String(format: "ch%02d", number)
        self.program = program
        let names = Set(flags.map(\.flag))
        self.givenFlags = names.intersection(arguments)
        let options = Chapter.parse(arguments.filter { !names.contains($0) }, program: program, flags: flags)
        if let directory = options, let problem = FigureWriter.problem(writingInto: directory) {
            exitWithUsageError(
                program, "cannot write figures: \(problem); give --figures DIR (a writable folder) or --no-figures")
        }
        self.figuresDirectory = options
        self.log =
            printing ? NarrationLog(width: TerminalWidth.columns) : NarrationLog(width: TerminalWidth.columns) { _ in }
        log.record(.title(number: number, title: title))
    }

    /// Whether the chapter flag `flag` was given.
    public func isGiven(_ flag: String) -> Bool { givenFlags.contains(flag) }

    /// Adds `event` to the story and prints it.
    func record(_ event: NarrationEvent) { log.record(event) }

    // MARK: Narration

    /// Starts a numbered section, `N.k  title`.
    public mutating func section(_ title: String) {
        sectionNumber += 1
        record(.section(number: currentSection, title: title))
    }

    /// The number of the current section, `N.k`.
    public var currentSection: String { "\(number).\(sectionNumber)" }

    /// A paragraph of explanation, wrapped at 74 columns (less on a narrow terminal) and indented.
    public func say(_ text: String) { record(.paragraph(text)) }

    /// A formula, set apart from the text (a line too wide is broken at its widest gaps).
    public func formula(_ text: String) { record(.formula(text)) }

    /// A named value: a number, a vector, a matrix (matrices on their own lines).
    public func show(_ name: String, _ value: Matrix) {
        if value.rows <= 1 {
            record(.value(name: name, value.rows == 1 ? .vector(value.elements) : .text("[]")))
        } else {
            record(.value(name: name, .shownMatrix(value)))
        }
    }

    public func show(_ name: String, _ value: [Double]) { record(.value(name: name, .vector(value))) }

    public func show(_ name: String, _ value: Double) { record(.value(name: name, .number(value))) }

    public func show(_ name: String, _ value: String) { record(.value(name: name, .text(value))) }

    /// Lines as they are, indented (charts, drawings); a line too wide is broken at its widest gaps.
    public func block(_ text: String) { record(.block(text)) }

    /// A table, indented, narrowed or split into column groups to fit the
    /// width; on the page, an HTML table.
    public func table(_ table: TextTable) { record(.table(table)) }

    // MARK: Checks

    /// Compares a computed value with the value derived by hand and prints
    /// the label with ✓ or ✗, then the computed value, the hand value, and
    /// in parentheses how it was derived (arithmetic, a reason, a condition):
    ///
    ///     ✓ rank of the 3x3 A
    ///         computed 3   by hand 3   (det A = −16 ≠ 0)
    public mutating func check(
        _ label: String, computed: Double, byHand: Double,
        derivation: String? = nil, tolerance: Tolerance = .standard
    ) {
        record(
            label, agrees: tolerance.accepts(computed, byHand), computed: .number(computed),
            byHand: .number(byHand), derivation: derivation)
    }

    /// Element-wise comparison of two vectors.
    public mutating func check(
        _ label: String, computed: [Double], byHand: [Double],
        derivation: String? = nil, tolerance: Tolerance = .standard
    ) {
        record(
            label, agrees: tolerance.accepts(computed, byHand), computed: .vector(computed),
            byHand: .vector(byHand), derivation: derivation)
    }

    /// Element-wise comparison of two matrices (shapes must agree too).
    public mutating func check(
        _ label: String, computed: Matrix, byHand: Matrix,
        derivation: String? = nil, tolerance: Tolerance = .standard
    ) {
        record(
            label, agrees: tolerance.accepts(computed, byHand), computed: .matrix(computed),
            byHand: .matrix(byHand), derivation: derivation)
    }

    /// A check of a statement that is true or false (an inequality, a property).
    public mutating func check(_ label: String, holds: Bool, detail: String) {
        record(label, agrees: holds, computed: .text(detail), byHand: nil, derivation: nil)
    }

    private mutating func record(
        _ label: String, agrees: Bool, computed: NarratedValue, byHand: NarratedValue?,
        derivation: String?
    ) {
        record(
            .check(
                CheckRecord(label: label, agrees: agrees, computed: computed, byHand: byHand, derivation: derivation)))
        if agrees { passedChecks += 1 } else { failedChecks.append("\(currentSection) \(label)") }
    }

    // MARK: Ending

    /// Prints the tally, writes the web page when figures are written, and
    /// exits: status 0 when every check agreed, 1 otherwise.
    public func finish() -> Never {
        // The tally names the program as the reader typed it: `ch01` or `linear-algebra`.
        let typed = programName
        let name = !typed.isEmpty && typed.allSatisfy({ $0.isLowercase || $0 == "-" }) ? typed : program
        let tally = NarrationEvent.tally(
            program: name, passed: passedChecks, failed: failedChecks,
            seconds: Date().timeIntervalSince(started))
        if let figuresDirectory {
            let page = ChapterPage(number: number, events: log.events + [tally])
            do {
                let path = try page.write(into: figuresDirectory)
                for line in log.terminal.pathLines("page    ", path) { print(line) }
            } catch {
                exitWithError(program, "the chapter's web page: \(error)")
            }
        }
        record(tally)
        exit(failedChecks.isEmpty ? 0 : 1)
    }
}
