import DLMath
import Foundation

/// The narration of one chapter in the terminal: numbered sections, formulas
/// in plain text, worked examples, and checks of each computed value against
/// the value derived by hand.
///
///     var chapter = Chapter(number: 1, title: "Linear algebra")
///     chapter.section("The dot product")
///     chapter.formula("x · y = Σᵢ xᵢ yᵢ")
///     chapter.check("x · y for x = [1, 2, 3], y = [4, −5, 6]",
///                   computed: x.dot(y), byHand: 12, derivation: "4 − 10 + 18")
///     chapter.finish()
///
/// `init` reads the command line: `--figures DIR` (where SVG figures go,
/// default `figures/chNN`), `--no-figures`, `--help`. Anything else is a
/// usage error: one line on standard error and exit status 2, as is a
/// figures folder that cannot be written (checked before anything is printed).
/// `finish()` prints the tally and exits 0 when every check agreed, 1 otherwise.
public struct Chapter {
    public let number: Int
    public let title: String
    /// The program name, `chNN`.
    public let program: String
    /// Where figures go; nil with `--no-figures`.
    public let figuresDirectory: String?
    /// The chapter's own flags (see `init(number:title:flags:arguments:)`) that were given.
    public let givenFlags: Set<String>

    private var sectionNumber = 0
    private(set) public var passedChecks = 0
    private(set) public var failedChecks: [String] = []
    private let started = Date()

    /// Starts the chapter: parses the arguments and prints the title.
    ///
    /// `flags` are options of this chapter only, each `(flag, help)`, e.g.
    /// `("--quick", "fewer epochs, for the test suite")`: they are accepted,
    /// listed by `--help` and in usage errors, and `isGiven(_:)` tells whether
    /// one was on the command line.
    public init(number: Int, title: String, flags: [(flag: String, help: String)] = [],
                arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        self.number = number
        self.title = title
        let program = String(format: "ch%02d", number)
        self.program = program
        let names = Set(flags.map(\.flag))
        self.givenFlags = names.intersection(arguments)
        let options = Chapter.parse(arguments.filter { !names.contains($0) }, program: program, flags: flags)
        if let directory = options, let problem = FigureWriter.problem(writingInto: directory) {
            exitWithUsageError(program, "cannot write figures: \(problem); give --figures DIR (a writable folder) or --no-figures")
        }
        self.figuresDirectory = options
        let heading = "Chapter \(number) · \(title)"
        print(heading)
        print(String(repeating: "═", count: heading.count))
    }

    /// The accepted options, as printed by `--help` and in usage errors.
    public static let usage = "--figures DIR (write figures to DIR), --no-figures, --help"

    /// Whether the chapter flag `flag` was given.
    public func isGiven(_ flag: String) -> Bool { givenFlags.contains(flag) }

    private static func parse(_ arguments: [String], program: String, flags: [(flag: String, help: String)]) -> String? {
        let accepted = usage + flags.map { ", \($0.flag) (\($0.help))" }.joined()
        var directory: String? = "figures/\(program)"
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--figures":
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                    exitWithUsageError(program, "--figures needs a directory; accepted: \(accepted)")
                }
                directory = arguments[index + 1]
                index += 1
            case "--no-figures":
                directory = nil
            case "--help", "-h":
                print("usage: swift run \(program) [--figures DIR | --no-figures]" + flags.map { " [\($0.flag)]" }.joined())
                print("Prints chapter \(program.dropFirst(2)) with its worked examples and checks.")
                for flag in flags { print("  \(flag.flag)  \(flag.help)") }
                exit(0)
            default:
                exitWithUsageError(program, "unknown argument '\(arguments[index])'; accepted: \(accepted)")
            }
            index += 1
        }
        return directory
    }

    // MARK: Narration

    /// Starts a numbered section, `N.k  title`.
    public mutating func section(_ title: String) {
        sectionNumber += 1
        print("")
        print("\(number).\(sectionNumber)  \(title)")
        print("")
    }

    /// The number of the current section, `N.k`.
    public var currentSection: String { "\(number).\(sectionNumber)" }

    /// Prints a paragraph of explanation, wrapped at 80 columns and indented.
    public func say(_ text: String) {
        for line in wrapped(text, width: 74) { print("    " + line) }
    }

    /// Prints a formula, set apart from the text.
    public func formula(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            print("        " + line)
        }
    }

    /// Prints a named value: a number, a vector, a matrix (matrices on their own lines).
    public func show(_ name: String, _ value: Matrix) {
        if value.rows <= 1 {
            print("    \(name) = \(value.rows == 1 ? arrayText(value.elements) : "[]")")
        } else {
            print("    \(name) =")
            for line in value.description.split(separator: "\n") { print("        " + line) }
        }
    }

    public func show(_ name: String, _ value: [Double]) {
        print("    \(name) = \(arrayText(value))")
    }

    public func show(_ name: String, _ value: Double) {
        print("    \(name) = \(formatCompact(value, significantDigits: 10))")
    }

    public func show(_ name: String, _ value: String) {
        print("    \(name) = \(value)")
    }

    /// Prints lines as they are, indented (tables, charts).
    public func block(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { print("    " + line) }
    }

    // MARK: Checks

    /// Compares a computed value with the value derived by hand and prints one
    /// line: label, computed value, hand value (with its derivation), ✓ or ✗.
    public mutating func check(_ label: String, computed: Double, byHand: Double,
                               derivation: String? = nil, tolerance: Tolerance = .standard) {
        record(label, agrees: tolerance.accepts(computed, byHand),
               computed: formatCompact(computed, significantDigits: 10),
               byHand: formatCompact(byHand, significantDigits: 10), derivation: derivation)
    }

    /// Element-wise comparison of two vectors.
    public mutating func check(_ label: String, computed: [Double], byHand: [Double],
                               derivation: String? = nil, tolerance: Tolerance = .standard) {
        record(label, agrees: tolerance.accepts(computed, byHand),
               computed: arrayText(computed), byHand: arrayText(byHand), derivation: derivation)
    }

    /// Element-wise comparison of two matrices (shapes must agree too).
    public mutating func check(_ label: String, computed: Matrix, byHand: Matrix,
                               derivation: String? = nil, tolerance: Tolerance = .standard) {
        record(label, agrees: tolerance.accepts(computed, byHand),
               computed: matrixText(computed), byHand: matrixText(byHand), derivation: derivation)
    }

    /// A check of a statement that is true or false (an inequality, a property).
    public mutating func check(_ label: String, holds: Bool, detail: String) {
        record(label, agrees: holds, computed: detail, byHand: nil, derivation: nil)
    }

    private mutating func record(_ label: String, agrees: Bool, computed: String, byHand: String?, derivation: String?) {
        let mark = agrees ? "✓" : "✗"
        print("    \(mark) \(label)")
        if let byHand {
            let hand = derivation.map { "\($0) = \(byHand)" } ?? byHand
            print("        computed \(computed)   by hand \(hand)")
        } else {
            print("        \(computed)")
        }
        if agrees { passedChecks += 1 } else { failedChecks.append("\(currentSection) \(label)") }
    }

    // MARK: Ending

    /// Prints the tally and exits: status 0 when every check agreed, 1 otherwise.
    public func finish() -> Never {
        let total = passedChecks + failedChecks.count
        let seconds = Date().timeIntervalSince(started)
        print("")
        print(String(repeating: "─", count: 40))
        if failedChecks.isEmpty {
            print("\(program): \(total) of \(total) checks agree ✓  (\(formatFixed(seconds, decimals: 2)) s)")
            exit(0)
        }
        print("\(program): \(failedChecks.count) of \(total) checks disagree ✗")
        for failure in failedChecks { print("    ✗ \(failure)") }
        exit(1)
    }
}

/// `[1, 2.5, -3]`: a vector on one line (long vectors are elided in the middle).
public func arrayText(_ values: [Double], significantDigits: Int = 6) -> String {
    let texts = values.map { formatCompact($0, significantDigits: significantDigits) }
    if texts.count > 12 {
        return "[" + texts.prefix(5).joined(separator: ", ") + ", …, " + texts.suffix(5).joined(separator: ", ") + "]"
    }
    return "[" + texts.joined(separator: ", ") + "]"
}

/// `[[1, 2], [3, 4]]`: a small matrix on one line; a large one by its shape.
public func matrixText(_ matrix: Matrix) -> String {
    if matrix.count > 16 { return "(\(matrix.shapeDescription) matrix)" }
    return "[" + matrix.rowArrays.map { arrayText($0) }.joined(separator: ", ") + "]"
}

/// Splits `text` into lines of at most `width` characters at spaces.
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
