import ExerciseCatalog
import ExerciseKit
import Foundation
import Testing

/// Hints nudge and never give the answer away; the solution waits until the answer passes.
@Suite("Exercise hints and solutions")
struct HintAndSolutionTests {
    /// Marks of Swift code that prose and formulas do not need.
    static let codeMarks = [
        "return ", "let ", "var ", "{", "}", "..<", ".map", ".reduce", ".transposed", ".sum(",
        "exp(", "log(", "()", "func ", " try ", "+=", "==", " ? ", "!", "$0", "abs("
    ]

    @Test("no hint contains code, nor any statement of its exercise's reference solution")
    func hintsHoldNoCode() throws {
        for exercise in ExerciseCatalog.exercises(from: .solutions) {
            let statements = try solutionStatements(exercise)
            #expect(!statements.isEmpty, "\(exercise.id): no solution body found")
            for (number, hint) in exercise.hints.enumerated() {
                for mark in Self.codeMarks {
                    #expect(
                        !hint.contains(mark), "\(exercise.id) hint \(number + 1) contains code ('\(mark)'): \(hint)")
                }
                let compact = hint.filter { !$0.isWhitespace }
                for statement in statements where statement.count >= 10 {
                    #expect(
                        !compact.contains(statement),
                        "\(exercise.id) hint \(number + 1) contains the solution's '\(statement)'")
                }
            }
        }
    }

    @Test("hint ID shows the hints one at a time, hint ID N a chosen one, and the count survives between runs")
    func hintsOneAtATime() throws {
        let folder = try temporaryFolder("hints")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hints = try #require(ExerciseCatalog.exercises(from: .workbook).first { $0.id == "1.2" }).hints
        try #require(hints.count >= 2)
        let first = try runExercises(["hint", "1.2"], in: folder)
        #expect(first.status == 0 && first.output.contains("Hint 1 of \(hints.count): \(hints[0])"), "\(first.output)")
        #expect(!first.output.contains(hints[1]))
        let second = try runExercises(["hint", "1.2"], in: folder)
        #expect(
            second.output.contains("Hint 2 of \(hints.count): \(hints[1])") && !second.output.contains(hints[0]),
            "\(second.output)")
        let chosen = try runExercises(["hint", "1.2", "1"], in: folder)
        #expect(chosen.output.contains("Hint 1 of"), "\(chosen.output)")
        let state = try String(contentsOf: folder.appendingPathComponent(".exercises-progress"), encoding: .utf8)
        #expect(state == "hints 1.2 2\n")
        let outOfRange = try runExercises(["hint", "1.2", "\(hints.count + 1)"], in: folder)
        #expect(outOfRange.status == 2 && outOfRange.errors.split(separator: "\n").count == 1)
    }

    @Test("solution ID is refused with one line until the answer passes, and shown once it does")
    func solutionOnlyAfterPassing() throws {
        let folder = try temporaryFolder("solution")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The workbook as shipped (CI) holds stubs; a reader's workbook may hold a solved 1.1.
        let check = try runExercises(["check", "1.1"], in: folder)
        let refused = try runExercises(["solution", "1.1"], in: folder)
        if check.status != 0 {
            #expect(refused.status == 1 && refused.output.isEmpty, "\(refused.output)")
            #expect(
                refused.errors.split(separator: "\n").count == 1 && refused.errors.contains("once your answer passes"),
                "\(refused.errors)")
        }
        // The reference answers pass, so their solution is shown: the code of dot(_:_:).
        let shown = try runExercises(["--solutions", "solution", "1.1"], in: folder)
        #expect(shown.status == 0, "\(shown.errors)")
        let source = try String(
            contentsOf: packageRoot.appendingPathComponent("Exercises/Solutions/Chapter01.swift"), encoding: .utf8)
        let body = try #require(functionSource(named: "dot", in: source))
        #expect(shown.output.contains(body), "\(shown.output)")
    }

    /// The statements of an exercise's reference solution, whitespace removed.
    private func solutionStatements(_ exercise: Exercise) throws -> [String] {
        let file = exercise.file.replacingOccurrences(of: "Exercises/Workbook/", with: "Exercises/Solutions/")
        let source = try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
        let name = String(exercise.function.prefix { $0 != "(" && $0 != "<" })
        let text = try #require(functionSource(named: name, in: source), "\(exercise.id): \(name) not in \(file)")
        return functionBody(of: text).split { $0 == "\n" || $0 == ";" }
            .map { $0.filter { !$0.isWhitespace } }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
    }
}
