import ExerciseKit
import Foundation

// Running checks in children: one at a time, or several in parallel.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The settings every command shares.
struct CheckerOptions {
    /// Check the reference solutions instead of the workbook (`--solutions`).
    var useSolutions = false
    /// Seconds a check may run before it is stopped (`--time-limit S`).
    var timeLimit: Double = 5
    /// Children run at once by the commands that check many (`--jobs N`).
    var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// This program, to start as the child.
    var executable: String {
        let named = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        if FileManager.default.isExecutableFile(atPath: named) { return named }
        return Bundle.main.executableURL?.path ?? named
    }

    /// `5 s`, `2.5 s`: the time limit as the output states it.
    var timeLimitText: String {
        timeLimit == timeLimit.rounded() ? "\(Int(timeLimit)) s" : "\(timeLimit) s"
    }
}

/// Starts the child that checks `exercise` (`exercises run-one ID`).
func startCheck(_ exercise: Exercise, _ options: CheckerOptions) throws -> Child {
    try Child(
        options.executable, ["run-one", exercise.id] + (options.useSolutions ? ["--solutions"] : []),
        timeLimit: options.timeLimit)
}

/// Reads a finished child's report: the line `passed`, `not-started` or
/// `failed<TAB>reason` it printed, or how it crashed or timed out.
func outcome(of result: ChildResult, _ options: CheckerOptions) -> Outcome {
    let text = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    switch result.ending {
    case .timedOut:
        return .failed("did not finish in \(options.timeLimitText) (an endless loop?)")
    case .exited(0):
        if text == "passed" { return .passed }
        if text == "not-started" { return .notStarted }
        if text.hasPrefix("failed\t") { return .failed(String(text.dropFirst(7))) }
        return .failed("crashed: printed \(text.prefix(80))")
    case .exited(let status), .signalled(let status):
        let reason =
            result.errors.split(separator: "\n")
            .first { $0.contains("error") || $0.contains("Fatal") }
            .map(String.init) ?? (result.ending == .exited(status) ? "status \(status)" : "signal \(status)")
        return .failed("crashed: \(reason)")
    }
}

/// Checks one exercise in a child and waits for it.
func isolatedOutcome(_ exercise: Exercise, _ options: CheckerOptions) -> Outcome {
    guard let child = try? startCheck(exercise, options) else { return exercise.run() }
    return outcome(of: child.wait(), options)
}

/// Checks every exercise of `exercises` in children, `options.jobs` at a
/// time, and hands each outcome to `report` in the list's order (as soon as
/// it and all before it are known). `report` returns false to stop early:
/// no new child starts and the running ones are ended.
func isolatedOutcomes(
    _ exercises: [Exercise], _ options: CheckerOptions,
    report: (Int, Outcome) -> Bool
) {
    var outcomes = [Outcome?](repeating: nil, count: exercises.count)
    var running: [(index: Int, child: Child)] = []
    var nextToStart = 0, nextToReport = 0
    while nextToReport < exercises.count {
        while running.count < max(1, options.jobs) && nextToStart < exercises.count {
            if let child = try? startCheck(exercises[nextToStart], options) {
                running.append((nextToStart, child))
            } else {
                outcomes[nextToStart] = exercises[nextToStart].run()
            }
            nextToStart += 1
        }
        running.removeAll { entry in
            guard let result = entry.child.poll() else { return false }
            outcomes[entry.index] = outcome(of: result, options)
            return true
        }
        while nextToReport < exercises.count, let known = outcomes[nextToReport] {
            if !report(nextToReport, known) {
                for entry in running { kill(-entry.child.pid, SIGKILL); _ = entry.child.wait() }
                return
            }
            nextToReport += 1
        }
        if nextToReport < exercises.count { usleep(5_000) }
    }
}

/// The child's side, `exercises run-one ID`: runs the check in this process
/// and prints one line for the parent.
func runOne(_ exercise: Exercise) {
    if let path = ProcessInfo.processInfo.environment[runawayVariable] { runAway(recordingIn: path) }
    switch exercise.run() {
    case .passed: print("passed")
    case .notStarted: print("not-started")
    case .failed(let reason): print("failed\t" + reason.replacingOccurrences(of: "\n", with: " "))
    }
}

/// For the checker's own tests only: when this variable names a file, the
/// child starts a grandchild (`sleep 600`), writes both process ids to the
/// file, and then loops forever, as an answer with an endless loop would.
let runawayVariable = "EXERCISES_TEST_ONLY_RUNAWAY_PIDS"

private func runAway(recordingIn path: String) -> Never {
    let grandchild = try? Child("sleep", ["600"], ownGroup: false, timeLimit: nil)
    try? "\(getpid()) \(grandchild?.pid ?? 0)\n".write(toFile: path, atomically: true, encoding: .utf8)
    var counter = 0
    while true {
        counter &+= 1
        if counter == Int.min { print(counter) }
    }
}
