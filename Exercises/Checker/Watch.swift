import ExerciseKit
import Foundation

// `watch`: rebuild and re-check the current exercise whenever the reader
// saves a workbook file (rustlings' main mode).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// For the checker's own tests only: a shell command run instead of
/// `swift build` (the tests compile a copy of the workbook with `swiftc -parse`).
let buildCommandVariable = "EXERCISES_TEST_ONLY_BUILD_COMMAND"

/// The current exercise is the first that does not pass. Every time a file of
/// `Exercises/Workbook` changes (its modification time or size, polled twice
/// a second), rebuild `exercises` and check the current exercise again; a
/// build that fails is that exercise's failure, shown as the compiler's
/// errors in the workbook. Once it passes, the next unsolved one becomes
/// current; when none is left, watch ends. Ctrl-C ends it too.
func watch(_ exercises: [Exercise], _ options: CheckerOptions) -> Never {
    let workbook = packageRoot.appendingPathComponent("Exercises/Workbook")
    printFitted(
        "Watching Exercises/Workbook: each save rebuilds and checks the current exercise (at most \(options.timeLimitText) a check). Ctrl-C stops."
    )
    guard var current = firstUnsolved(exercises, from: 0, options) else { finishWatching(exercises) }
    var snapshot = FolderSnapshot(folder: workbook)
    printFitted("Waiting for a save…")
    while true {
        fflush(nil)
        usleep(500_000)
        var now = FolderSnapshot(folder: workbook)
        let changed = now.changedFiles(since: snapshot)
        guard !changed.isEmpty else { continue }
        defer { printFitted("Waiting for a save…") }
        // Let the editor finish writing: wait until two looks agree.
        repeat {
            snapshot = now
            usleep(200_000)
            now = FolderSnapshot(folder: workbook)
        } while now != snapshot
        printFitted("\n\(changed.joined(separator: ", ")) saved: rebuilding…")
        fflush(nil)
        if let errors = buildErrors() {
            printFitted("✗ \(exercises[current].id) \(exercises[current].title): does not compile")
            for line in errors { print("  " + line) }
            continue
        }
        let outcome = isolatedOutcome(exercises[current], options)
        printFitted("\(mark(outcome)) \(exercises[current].id) \(exercises[current].title): \(describe(outcome))")
        guard outcome == .passed else { continue }
        fflush(nil)
        guard
            let next = firstUnsolved(exercises, from: current + 1, options)
                ?? firstUnsolved(exercises, from: 0, options, quiet: true)
        else { finishWatching(exercises) }
        current = next
    }
}

/// The index of the first exercise at or after `start` that does not pass,
/// printed with its task; nil when all of them pass.
private func firstUnsolved(
    _ exercises: [Exercise], from start: Int, _ options: CheckerOptions,
    quiet: Bool = false
) -> Int? {
    let candidates = Array(exercises[min(start, exercises.count)...])
    var found: (Int, Outcome)?
    isolatedOutcomes(candidates, options) { index, outcome in
        if outcome == .passed { return true }
        found = (start + index, outcome)
        return false
    }
    guard let (index, outcome) = found else { return nil }
    let item = exercises[index]
    printFitted("\nCurrent: \(item.id) \(item.title): write \(item.function) in \(item.file)")
    printFitted("  Task: \(item.task)")
    if !quiet || outcome != .notStarted {
        printFitted("\(mark(outcome)) \(item.id) \(item.title): \(describe(outcome))")
    }
    return index
}

private func finishWatching(_ exercises: [Exercise]) -> Never {
    printFitted("\nAll \(exercises.count) exercises solved.")
    exit(0)
}

/// Rebuilds the checker; nil when the build succeeds, otherwise the errors
/// to show (those in the workbook when there are any).
private func buildErrors() -> [String]? {
    let command: [String]
    if let test = ProcessInfo.processInfo.environment[buildCommandVariable] {
        command = ["/bin/sh", "-c", test]
    } else {
        // The running checker's own configuration, so that the build replaces it.
        let release = CheckerOptions().executable.contains("/release/")
        command =
            ["swift", "build", "--package-path", packageRoot.path, "--product", "exercises"]
            + (release ? ["-c", "release"] : [])
    }
    guard let build = try? Child(command[0], Array(command.dropFirst()), timeLimit: nil) else {
        return ["cannot start \(command[0])"]
    }
    let result = build.wait()
    guard result.ending != .exited(0) else { return nil }
    let log = result.output + "\n" + result.errors
    let errors = workbookErrors(in: log, packageRoot: packageRoot.path)
    return errors.isEmpty ? log.split(separator: "\n").suffix(5).map(String.init) : errors
}
