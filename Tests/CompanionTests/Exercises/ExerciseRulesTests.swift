import ExerciseCatalog
import ExerciseKit
import Foundation
import Testing

/// The rules of the exercise loop.
@Suite("Exercise rules")
struct ExerciseRulesTests {
    static var solutions: [Exercise] { ExerciseCatalog.exercises(from: .solutions) }
    static var workbook: [Exercise] { ExerciseCatalog.exercises(from: .workbook) }

    @Test("there are exercises for every chapter, with unique ids, in the same order in both sets")
    func catalogShape() {
        #expect(Self.solutions.map(\.id) == Self.workbook.map(\.id))
        #expect(Set(Self.solutions.map(\.id)).count == Self.solutions.count)
        for exercise in Self.solutions { #expect(!exercise.hints.isEmpty, "\(exercise.id) has no hint") }
    }

    @Test("every reference solution passes its checks")
    func solutionsPass() {
        for exercise in Self.solutions {
            #expect(exercise.run() == .passed, "solution \(exercise.id) \(exercise.title): \(exercise.run())")
        }
    }

    @Test("a stub reports 'not started' and never passes or crashes")
    func stubsAreNotStarted() throws {
        // On CI (a clean clone) every workbook function is still a stub. A reader
        // who has solved some keeps a passing test suite: their answers may pass or
        // fail, but every function whose body is still `throw NotStarted()` must
        // report 'not started' (found by reading the workbook files).
        let strict = ProcessInfo.processInfo.environment["CI"] != nil
        var stubBodies: [String: String] = [:]
        let workbookFolder = packageRoot.appendingPathComponent("Exercises/Workbook")
        for file in try FileManager.default.contentsOfDirectory(atPath: workbookFolder.path)
        where file.hasSuffix(".swift") {
            let source = try String(contentsOf: workbookFolder.appendingPathComponent(file), encoding: .utf8)
            for (name, body) in functionBodies(source) { stubBodies["Exercises/Workbook/\(file) \(name)"] = body }
        }
        var stubs = 0
        for exercise in Self.workbook {
            let outcome = exercise.run()
            let name = String(exercise.function.prefix { $0 != "(" && $0 != "<" })
            let body = try #require(
                stubBodies["\(exercise.file) \(name)"], "\(exercise.id): \(name) not found in \(exercise.file)")
            if strict || body == "throwNotStarted()" {
                stubs += 1
                #expect(outcome == .notStarted, "workbook \(exercise.id) is a stub but reports \(outcome)")
            }
        }
        if strict { #expect(stubs == Self.workbook.count) }
        // The checker itself turns a thrown NotStarted into .notStarted, never .passed.
        let stub = Exercise(id: "0.1", title: "stub", task: "", file: "", function: "", hints: ["-"]) {
            throw NotStarted()
        }
        #expect(stub.run() == .notStarted)
        let wrong = Exercise(id: "0.2", title: "wrong", task: "", file: "", function: "", hints: ["-"]) {
            try expect(1.0, equals: 2.0, "one")
        }
        #expect(wrong.run() == .failed("one: expected 2, got 1"))
        let wrongSizes = Exercise(id: "0.3", title: "wrong sizes", task: "", file: "", function: "", hints: ["-"]) {
            try expect([4, 4, 1], equals: [4, 4, 2], "sizes")
        }
        #expect(wrongSizes.run() == .failed("sizes: expected [4, 4, 2], got [4, 4, 1]"))
    }

    @Test("no stub has the same body as its solution")
    func stubsDifferFromSolutions() throws {
        let workbookFolder = packageRoot.appendingPathComponent("Exercises/Workbook")
        let solutionsFolder = packageRoot.appendingPathComponent("Exercises/Solutions")
        let files = try FileManager.default.contentsOfDirectory(atPath: solutionsFolder.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(!files.isEmpty)
        for file in files {
            let stub = try String(contentsOf: workbookFolder.appendingPathComponent(file), encoding: .utf8)
            let solution = try String(contentsOf: solutionsFolder.appendingPathComponent(file), encoding: .utf8)
            let stubBodies = functionBodies(stub)
            let solutionBodies = functionBodies(solution)
            #expect(
                Set(stubBodies.keys) == Set(solutionBodies.keys),
                "\(file): workbook and solutions declare different functions")
            for (name, body) in stubBodies {
                #expect(body != solutionBodies[name], "\(file): the stub \(name) is identical to its solution")
            }
        }
    }

    /// `static func name(` → the text of its body, whitespace removed.
    private func functionBodies(_ source: String) -> [String: String] {
        var result: [String: String] = [:]
        let characters = Array(source)
        var index = 0
        let marker = Array("static func ")
        while index + marker.count < characters.count {
            guard Array(characters[index..<(index + marker.count)]) == marker else { index += 1; continue }
            var nameEnd = index + marker.count
            while nameEnd < characters.count && characters[nameEnd] != "(" && characters[nameEnd] != "<" {
                nameEnd += 1
            }
            let name = String(characters[(index + marker.count)..<nameEnd])
            guard let open = characters[nameEnd...].firstIndex(of: "{") else { break }
            var depth = 0, close = open
            repeat {
                if characters[close] == "{" { depth += 1 }
                if characters[close] == "}" { depth -= 1 }
                close += 1
            } while depth > 0 && close < characters.count
            result[name] = String(characters[(open + 1)..<(close - 1)]).filter { !$0.isWhitespace }
            index = close
        }
        return result
    }
}
