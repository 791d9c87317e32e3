// The reader's commands: progress, list, check, next, hint, solution.
import DLPresentation
import ExerciseKit
import Foundation

/// The package's folder, from this file's path when the checker was built;
/// `EXERCISES_PACKAGE_ROOT` overrides it (the checker's tests point it at a
/// copy of the workbook).
let packageRoot: URL = {
    if let root = ProcessInfo.processInfo.environment["EXERCISES_PACKAGE_ROOT"] { return URL(fileURLWithPath: root) }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}()

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

/// `(nothing)`: every check, in parallel, chapter by chapter, a progress bar and the next exercise to do.
func showProgress(_ exercises: [Exercise], _ options: CheckerOptions) -> Int32 {
    printFitted(
        "Checking \(exercises.count) exercises, \(options.jobs) at a time, each stopped after \(options.timeLimitText)."
    )
    var solved = 0
    var next: Exercise?
    var currentChapter = -1
    isolatedOutcomes(exercises, options) { index, outcome in
        let item = exercises[index]
        if item.chapter != currentChapter {
            currentChapter = item.chapter
            printFitted("\nChapter \(currentChapter)")
        }
        printFitted("  \(mark(outcome)) \(item.id)  \(item.title): \(describe(outcome))")
        if outcome == .passed { solved += 1 } else if next == nil { next = item }
        return true
    }
    printFitted("")
    printFitted(
        progressBar(solved: solved, total: exercises.count) + (options.useSolutions ? " (reference solutions)" : ""))
    if let next { printNext(next) }
    // The reference solutions must all pass; the reader's progress is never an error.
    return options.useSolutions && solved != exercises.count ? 1 : 0
}

func printNext(_ next: Exercise) {
    printFitted("Next: \(next.id) \(next.title): write \(next.function) in \(next.file),")
    printFitted("      then swift run exercises check \(next.id)  (hint: swift run exercises hint \(next.id))")
}

/// `list`: every exercise, where to write it, and the hints seen; runs no check.
func listExercises(_ exercises: [Exercise]) {
    let progress = loadProgress()
    var currentChapter = -1
    for item in exercises {
        if item.chapter != currentChapter {
            currentChapter = item.chapter
            printFitted("\nChapter \(currentChapter)  (\(item.file))")
        }
        let seen = progress.hintsSeen[item.id] ?? 0
        printFitted("  \(item.id)  \(item.title): \(item.function), hints seen \(seen) of \(item.hints.count)")
    }
    printFitted("\n\(exercises.count) exercises. swift run exercises shows which are solved.")
}

/// `check ID` or `check N` (a whole chapter): prints each outcome; status 0 when all pass.
func checkExercises(_ chosen: [Exercise], _ options: CheckerOptions) -> Int32 {
    var solved = 0
    var lonely: (Exercise, Outcome)?
    isolatedOutcomes(chosen, options) { index, outcome in
        let item = chosen[index]
        printFitted("\(mark(outcome)) \(item.id) \(item.title): \(describe(outcome))")
        if outcome == .passed { solved += 1 }
        lonely = (item, outcome)
        return true
    }
    if chosen.count == 1, let (item, outcome) = lonely, outcome == .notStarted {
        printFitted("  Write \(item.function) in \(item.file). Stuck? swift run exercises hint \(item.id)")
    }
    if chosen.count > 1 {
        printFitted(progressBar(solved: solved, total: chosen.count) + " in chapter \(chosen[0].chapter)")
    }
    return solved == chosen.count ? 0 : 1
}

/// `next`: the first exercise that does not pass yet, with its task.
func showNext(_ exercises: [Exercise], _ options: CheckerOptions) {
    var found: (Exercise, Outcome)?
    var solved = 0
    isolatedOutcomes(exercises, options) { index, outcome in
        if outcome == .passed { solved += 1; return true }
        found = (exercises[index], outcome)
        return false
    }
    guard let (next, outcome) = found else {
        printFitted("All \(exercises.count) exercises solved.")
        return
    }
    printFitted("\(mark(outcome)) \(next.id) \(next.title): \(describe(outcome))")
    printFitted("  Task: \(next.task)")
    printFitted("  Where: \(next.function) in \(next.file)")
    printFitted("  Then: swift run exercises check \(next.id)   Stuck? swift run exercises hint \(next.id)")
}

/// `hint ID [N]`: the next hint not yet seen, or hint N.
func showHint(_ item: Exercise, number: Int?) {
    var progress = loadProgress()
    let shown: Int
    if let number {
        guard (1...item.hints.count).contains(number) else {
            exitWithUsageError("exercises", "\(item.id) has hints 1 to \(item.hints.count), not \(number)")
        }
        progress.reveal(hint: number, of: item.id)
        shown = number
    } else {
        shown = progress.revealNextHint(of: item.id, count: item.hints.count)
    }
    saveProgress(progress)
    printFitted("\(item.id) \(item.title)")
    printFitted("  Task: \(item.task)")
    printFitted("  Where: \(item.function) in \(item.file)")
    printFitted("  Hint \(shown) of \(item.hints.count): \(item.hints[shown - 1])")
    if shown < item.hints.count {
        printFitted("  (swift run exercises hint \(item.id) again for hint \(shown + 1))")
    } else {
        printFitted(
            "  (that is the last hint; once your answer passes, swift run exercises solution \(item.id) shows the reference solution)"
        )
    }
}

/// `solution ID`: the reference solution's code, once the reader's answer passes.
func showSolution(_ item: Exercise, _ options: CheckerOptions) -> Int32 {
    let outcome = isolatedOutcome(item, options)
    guard outcome == .passed else {
        printError(
            "exercises: the solution of \(item.id) is shown once your answer passes (now: \(describe(outcome))); swift run exercises hint \(item.id) helps"
        )
        return 1
    }
    let file = item.file.replacingOccurrences(of: "Exercises/Workbook/", with: "Exercises/Solutions/")
    let name = String(item.function.prefix { $0 != "(" && $0 != "<" })
    guard let source = try? String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8),
        let text = functionSource(named: name, in: source)
    else {
        printFitted("✓ \(item.id) \(item.title): solved. The reference solution is \(name) in \(file).")
        return 0
    }
    printFitted("✓ \(item.id) \(item.title): solved. The reference solution (\(file)):\n")
    print(text)
    return 0
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

private var progressFile: URL {
    URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(ReaderProgress.fileName)
}

func loadProgress() -> ReaderProgress {
    ReaderProgress(text: (try? String(contentsOf: progressFile, encoding: .utf8)) ?? "")
}

/// Writes the hint count; a folder that cannot be written costs only the count.
func saveProgress(_ progress: ReaderProgress) {
    try? progress.text.write(to: progressFile, atomically: true, encoding: .utf8)
}
