import Foundation
import Testing

/// The chapters, `formulas` and `exercises` as the reader runs them.
@Suite("Command-line programs")
struct CommandLineTests {
    static let chapterPrograms = [
        "ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch07", "ch08", "ch09", "ch10", "ch11", "ch12", "ch13", "ch14"
    ]
    /// Extra arguments per chapter: ch11 trains on the digits, slow in the debug build `swift test` uses, so it
    /// runs with its documented `--quick` option (fewer epochs, lower accuracy bar; about 15 s in debug); so does
    /// ch12 (a smaller speed test, 100 training images, one seed; about 20 s in debug), ch13 (shorter training; about 8 s in debug) and ch14 (a few training steps, short sequences).
    static let chapterArguments = ["ch11": ["--quick"], "ch12": ["--quick"], "ch13": ["--quick"], "ch14": ["--quick"]]

    @Test(
        "each chapter runs to completion, all its printed checks agree, every line fits COLUMNS=80, and --no-figures writes nothing",
        arguments: chapterPrograms)
    func chapterRuns(_ program: String) throws {
        let workingDirectory = try temporaryFolder("\(program)-run")
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        let run = try runProgram(
            program, ["--no-figures"] + (Self.chapterArguments[program] ?? []), in: workingDirectory,
            environment: ["COLUMNS": "80"])
        let widest = widestLine(of: run.output)
        #expect(widest.width <= 80, "\(program) printed \(widest.width) columns at COLUMNS=80: \(widest.line)")
        #expect(
            files(under: workingDirectory).isEmpty, "\(program) --no-figures wrote \(files(under: workingDirectory))")
        #expect(!run.output.contains("figure  "), "\(program) --no-figures printed a figure path")
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        #expect(!run.output.contains("✗"), "\(program) printed a failing check")
        // The closing tally: "chNN: N of N checks agree ✓".
        let tally = run.output.split(separator: "\n").last { $0.hasPrefix("\(program):") }
        #expect(tally?.contains("checks agree ✓") == true, "no passing tally in \(program)'s output")
        // Every printed number is seeded: the output (timings aside) is the pinned one.
        try PinnedOutput.expectMatches(program, run.output)
    }

    @Test("a chapter prints the same output twice in a row (timings aside)")
    func chapterIsDeterministic() throws {
        let first = try runProgram("ch05", ["--no-figures"]), second = try runProgram("ch05", ["--no-figures"])
        #expect(first.status == 0 && second.status == 0)
        #expect(PinnedOutput.normalised(first.output) == PinnedOutput.normalised(second.output))
        #expect(first.output.contains("checks agree ✓"))
    }

    @Test("a chapter rejects an unknown argument with one line and status 2", arguments: chapterPrograms)
    func chapterRejectsUnknownArgument(_ program: String) throws {
        let run = try runProgram(program, ["--frobnicate"])
        #expect(run.status == 2)
        #expect(run.errors.split(separator: "\n").count == 1)
        #expect(run.errors.contains("--frobnicate") && run.errors.contains("accepted"))
        #expect(run.output.isEmpty || !run.output.contains("checks agree"))
    }

    @Test("formulas: every formula passes, one chapter can be chosen, bad chapters are refused")
    func formulas() throws {
        let all = try runProgram("formulas")
        #expect(all.status == 0, "formulas failed: \(all.output.suffix(400))")
        let one = try runProgram("formulas", ["1"])
        #expect(one.status == 0)
        #expect(one.output.contains("1.1"))
        let bad = try runProgram("formulas", ["99"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("99") && bad.errors.contains("accepted"))
        let notNumber = try runProgram("formulas", ["x"])
        #expect(notNumber.status == 2)
        for run in [bad, notNumber] {
            #expect(run.errors.split(separator: "\n").count == 1 && run.output.isEmpty, "\(run.errors)")
        }
    }

    @Test("exercises: progress, check, hint and errors, every line within COLUMNS=80; the workbook is never written")
    func exercises() throws {
        let workbook = packageRoot.appendingPathComponent("Exercises/Workbook")
        func workbookContents() throws -> [String: Data] {
            var contents: [String: Data] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: workbook.path) {
                contents[file] = try Data(contentsOf: workbook.appendingPathComponent(file))
            }
            return contents
        }
        let before = try workbookContents()
        defer { #expect((try? workbookContents()) == before, "running the checker changed Exercises/Workbook") }
        // At COLUMNS=80, every line fits.
        let narrow = ["COLUMNS": "80"]
        func expectFits(_ run: ProgramRun, _ what: String) {
            let widest = widestLine(of: run.output)
            #expect(widest.width <= 80, "exercises \(what) printed \(widest.width) columns: \(widest.line)")
        }
        let solutions = try runProgram("exercises", ["--solutions"], environment: narrow)
        expectFits(solutions, "--solutions")
        #expect(solutions.status == 0, "reference solutions fail: \(solutions.output)")
        #expect(!solutions.output.contains("✗"))
        let progress = try runProgram("exercises", environment: narrow)
        expectFits(progress, "progress")
        #expect(progress.status == 0)
        #expect(progress.output.contains("solved"))
        let hint = try runProgram("exercises", ["hint", "7.1"], environment: narrow)
        expectFits(hint, "hint 7.1")
        #expect(hint.status == 0 && hint.output.contains("Hint 1"))
        let check = try runProgram("exercises", ["check", "7.1"], environment: narrow)
        expectFits(check, "check 7.1")
        #expect(check.output.contains("7.1") && [0, 1].contains(check.status))
        let unknown = try runProgram("exercises", ["check", "99.9"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("99.9") && unknown.errors.contains("accepted"))
        let badCommand = try runProgram("exercises", ["frobnicate"])
        #expect(badCommand.status == 2)
        let missingID = try runProgram("exercises", ["hint"])
        #expect(missingID.status == 2)
        for run in [unknown, badCommand, missingID] {
            #expect(run.errors.split(separator: "\n").count == 1 && run.output.isEmpty, "\(run.errors)")
        }
    }
}
