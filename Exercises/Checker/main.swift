import DLPresentation
// `swift run exercises [options] [command]`
//
//   (nothing)        checks every exercise (in parallel), chapter by chapter, a progress bar, the next one to do
//   list             every exercise, where to write it, hints seen (runs no check)
//   check ID         checks one exercise (`check 1.2`), prints expected vs. got
//   check N          checks a whole chapter (`check 5`)
//   next             the first exercise that does not pass yet, and its task
//   hint ID [N]      the next hint not seen yet, or hint N
//   solution ID      the reference solution, once your answer passes
//   watch            rebuilds and re-checks the current exercise on every save of a workbook file
//
//   --solutions      run the same checks on the reference solutions
//   --time-limit S   stop a check after S seconds (default 5)
//   --jobs N         children run at once (default: the number of cores)
//
// Each check runs in a child process in its own process group, so an answer
// that crashes (an index out of range) or loops forever is reported as a
// failure instead of stopping the checker: the child is killed after the
// time limit, and Ctrl-C kills it too. The only file written is the hint
// count, `.exercises-progress` in the current folder; the workbook is never
// written.
import ExerciseCatalog
import ExerciseKit
import Foundation

let usage =
    "usage: swift run exercises [--solutions] [--time-limit S] [--jobs N] [list | check ID|N | next | hint ID [N] | solution ID | watch]"
var arguments = Array(CommandLine.arguments.dropFirst())
var options = CheckerOptions()
options.useSolutions = arguments.contains("--solutions")
arguments.removeAll { $0 == "--solutions" }

/// Removes `--name VALUE` from the arguments and returns VALUE as a positive number.
@MainActor
func takeNumber(_ name: String) -> Double? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.count, let value = Double(arguments[index + 1]), value > 0, value.isFinite else {
        exitWithUsageError("exercises", "\(name) needs a positive number; \(usage)")
    }
    arguments.removeSubrange(index...(index + 1))
    return value
}
if let limit = takeNumber("--time-limit") { options.timeLimit = limit }
if let jobs = takeNumber("--jobs") { options.jobs = max(1, Int(jobs)) }

let exercises = ExerciseCatalog.exercises(from: options.useSolutions ? .solutions : .workbook)
let ids = exercises.map(\.id)

@MainActor
func exercise(_ id: String) -> Exercise {
    guard let found = exercises.first(where: { $0.id == id }) else {
        exitWithUsageError("exercises", "unknown exercise '\(id)'; accepted: \(ids.joined(separator: ", "))")
    }
    return found
}

/// `5.1` → that exercise; `5` → every exercise of chapter 5.
@MainActor
func selection(_ text: String) -> [Exercise] {
    if let chapter = Int(text) {
        let chosen = exercises.filter { $0.chapter == chapter }
        if chosen.isEmpty {
            let chapters = Set(exercises.map(\.chapter)).sorted().map(String.init)
            exitWithUsageError(
                "exercises", "no chapter \(text); accepted: \(chapters.joined(separator: ", ")) or an exercise id")
        }
        return chosen
    }
    return [exercise(text)]
}

@MainActor
func requireArguments(_ counts: ClosedRange<Int>, _ what: String) {
    guard counts.contains(arguments.count - 1) else {
        exitWithUsageError("exercises", "\(arguments[0]) needs \(what); \(usage)")
    }
}

if arguments.first != "run-one" { RunningGroups.endChildrenOnInterrupt() }

switch arguments.first {
case "--help", "-h":
    print(usage)
    exit(0)

case "run-one":
    // Internal: the child process of `isolatedOutcome`.
    guard arguments.count == 2 else { exitWithUsageError("exercises", usage) }
    runOne(exercise(arguments[1]))

case "list":
    requireArguments(0...0, "nothing more")
    listExercises(exercises)

case "check":
    requireArguments(1...1, "one exercise id or chapter number")
    exit(checkExercises(selection(arguments[1]), options))

case "next":
    requireArguments(0...0, "nothing more")
    showNext(exercises, options)

case "hint":
    requireArguments(1...2, "one exercise id and optionally a hint number")
    var number: Int?
    if arguments.count == 3 {
        guard let chosen = Int(arguments[2]) else {
            exitWithUsageError("exercises", "the hint number must be a whole number, not '\(arguments[2])'")
        }
        number = chosen
    }
    showHint(exercise(arguments[1]), number: number)

case "solution":
    requireArguments(1...1, "one exercise id")
    exit(showSolution(exercise(arguments[1]), options))

case "watch":
    requireArguments(0...0, "nothing more")
    watch(exercises, options)

case nil:
    exit(showProgress(exercises, options))

default:
    exitWithUsageError(
        "exercises",
        "unknown command '\(arguments[0])'; accepted: list, check ID|N, next, hint ID [N], solution ID, watch, --solutions, --time-limit S, --jobs N, --help"
    )
}
