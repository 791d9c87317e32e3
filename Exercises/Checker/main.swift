// `swift run exercises [--solutions] [check ID | hint ID | list]`
//
//   (nothing)       progress over every exercise, and the next one to do
//   check ID        checks one exercise, prints expected vs. got
//   hint ID         the hints for one exercise
//   --solutions     run the same checks on the reference solutions
//
// Each check runs in a child process, so an answer that crashes (an index
// out of range, say) is reported as a failure instead of stopping the
// checker. Nothing here writes to any file.
import ExerciseCatalog
import ExerciseKit
import DLPresentation
import Foundation

let usage = "usage: swift run exercises [--solutions] [check ID | hint ID]"
var arguments = Array(CommandLine.arguments.dropFirst())
let useSolutions = arguments.contains("--solutions")
arguments.removeAll { $0 == "--solutions" }
let source: AnswerSource = useSolutions ? .solutions : .workbook
let exercises = ExerciseCatalog.exercises(from: source)
let ids = exercises.map(\.id)

@MainActor
func exercise(_ id: String) -> Exercise {
    guard let found = exercises.first(where: { $0.id == id }) else {
        exitWithUsageError("exercises", "unknown exercise '\(id)'; accepted: \(ids.joined(separator: ", "))")
    }
    return found
}

/// Runs one check in a child process (this program with `run-one ID`).
@MainActor
func isolatedOutcome(_ exercise: Exercise) -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path),
       let resolved = Bundle.main.executableURL {
        process.executableURL = resolved
    }
    process.arguments = ["run-one", exercise.id] + (useSolutions ? ["--solutions"] : [])
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { return exercise.run() }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: outputData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if process.terminationReason == .exit && process.terminationStatus == 0 {
        if text == "passed" { return .passed }
        if text == "not-started" { return .notStarted }
        if text.hasPrefix("failed\t") { return .failed(String(text.dropFirst(7))) }
    }
    let reason = String(decoding: errorData, as: UTF8.self)
        .split(separator: "\n").first { $0.contains("error") || $0.contains("Fatal") }
        .map(String.init) ?? "status \(process.terminationStatus)"
    return .failed("crashed: \(reason)")
}

/// Prints `line` within the terminal's width, continuation lines indented by `continuation`.
func printFitted(_ line: String, continuation: Int = 4) {
    for piece in TerminalWidth.fit(line, continuation: continuation) { print(piece) }
}

func mark(_ outcome: Outcome) -> String {
    switch outcome {
    case .passed: return "✓"
    case .failed: return "✗"
    case .notStarted: return "·"
    }
}

func describe(_ outcome: Outcome) -> String {
    switch outcome {
    case .passed: return "solved"
    case .failed(let reason): return "failing: \(reason)"
    case .notStarted: return "not started"
    }
}

switch arguments.first {
case "--help", "-h":
    print(usage)
    exit(0)

case "run-one":
    // Internal: the child process of `isolatedOutcome`.
    guard arguments.count == 2 else { exitWithUsageError("exercises", usage) }
    switch exercise(arguments[1]).run() {
    case .passed: print("passed")
    case .notStarted: print("not-started")
    case .failed(let reason): print("failed\t" + reason.replacingOccurrences(of: "\n", with: " "))
    }

case "check":
    guard arguments.count == 2 else { exitWithUsageError("exercises", "check needs one exercise id; \(usage)") }
    let chosen = exercise(arguments[1])
    let outcome = isolatedOutcome(chosen)
    printFitted("\(mark(outcome)) \(chosen.id) \(chosen.title): \(describe(outcome))")
    if outcome == .notStarted {
        printFitted("  Write \(chosen.function) in \(chosen.file). Stuck? swift run exercises hint \(chosen.id)")
    }
    exit(outcome == .passed ? 0 : 1)

case "hint":
    guard arguments.count == 2 else { exitWithUsageError("exercises", "hint needs one exercise id; \(usage)") }
    let chosen = exercise(arguments[1])
    print("\(chosen.id) \(chosen.title)")
    printFitted("  Task: \(chosen.task)", continuation: 8)
    printFitted("  Where: \(chosen.function) in \(chosen.file)", continuation: 9)
    for (number, hint) in chosen.hints.enumerated() {
        printFitted("  Hint \(number + 1): \(hint)", continuation: 10)
    }

case nil:
    var solved = 0
    var next: Exercise?
    var failing = 0
    var currentChapter = -1
    for item in exercises {
        if item.chapter != currentChapter {
            currentChapter = item.chapter
            print("\nChapter \(currentChapter)")
        }
        let outcome = isolatedOutcome(item)
        printFitted("  \(mark(outcome)) \(item.id)  \(item.title): \(describe(outcome))", continuation: 6)
        if outcome == .passed { solved += 1 } else {
            if case .failed = outcome { failing += 1 }
            if next == nil { next = item }
        }
    }
    print("")
    print("\(solved) of \(exercises.count) solved\(useSolutions ? " (reference solutions)" : "")")
    if let next {
        printFitted("Next: \(next.id) \(next.title): write \(next.function) in \(next.file),", continuation: 6)
        print("      then swift run exercises check \(next.id)  (hint: swift run exercises hint \(next.id))")
    }
    // The reference solutions must all pass; the reader's progress is never an error.
    exit(useSolutions && solved != exercises.count ? 1 : 0)

default:
    exitWithUsageError("exercises", "unknown command '\(arguments[0])'; accepted: check ID, hint ID, --solutions, --help")
}
