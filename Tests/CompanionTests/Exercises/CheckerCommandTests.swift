import ExerciseCatalog
import Foundation
import Testing

/// The checker's commands as the reader types them.
@Suite("Exercise checker: commands")
struct CheckerCommandTests {
    @Test(
        "check N checks a whole chapter; list, next and the progress run state what they do; bad options are one line and status 2"
    )
    func commands() throws {
        let folder = try temporaryFolder("commands")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chapter5 = ExerciseCatalog.exercises(from: .solutions).filter { $0.chapter == 5 }
        let solved = try runExercises(["--solutions", "check", "5"], in: folder)
        #expect(solved.status == 0, "\(solved.output)")
        for exercise in chapter5 {
            #expect(solved.output.contains("✓ \(exercise.id) \(exercise.title): solved"), "\(solved.output)")
        }
        #expect(solved.output.contains("\(chapter5.count) of \(chapter5.count) solved in chapter 5"))

        let list = try runExercises(["list"], in: folder, environment: ["COLUMNS": "200"])  // one line per exercise
        let all = ExerciseCatalog.exercises(from: .workbook)
        #expect(list.status == 0 && list.output.contains("\(all.count) exercises."), "\(list.output)")
        for exercise in all {
            #expect(list.output.contains("  \(exercise.id)  \(exercise.title): \(exercise.function)"))
        }

        let next = try runExercises(["--solutions", "next"], in: folder)
        #expect(next.status == 0 && next.output.contains("All \(all.count) exercises solved."), "\(next.output)")

        let progress = try runExercises(["--solutions", "--time-limit", "7", "--jobs", "2"], in: folder)
        #expect(progress.status == 0)
        #expect(
            progress.output.hasPrefix("Checking \(all.count) exercises, 2 at a time, each stopped after 7 s."),
            "\(progress.output)")
        #expect(
            progress.output.contains("[" + String(repeating: "█", count: 30) + "] \(all.count) of \(all.count) solved"))

        for bad in [["--time-limit", "soon"], ["--jobs"], ["check", "99"], ["hint", "1.1", "x"], ["list", "1"]] {
            let run = try runExercises(bad, in: folder)
            #expect(
                run.status == 2 && run.output.isEmpty && run.errors.split(separator: "\n").count == 1,
                "\(bad): \(run.errors)")
        }
    }
}
