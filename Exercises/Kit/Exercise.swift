import DLMath

/// Thrown by every function of the workbook until the reader writes it:
/// the checker reports such an exercise as "not started".
public struct NotStarted: Error, Sendable {
    public init() {}
}

/// Thrown by a check when the reader's answer is wrong; the message says what
/// was expected and what came back.
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The result of checking one exercise.
public enum Outcome: Sendable, Equatable {
    case passed
    /// The reader's function ran and gave a wrong answer (expected vs. got).
    case failed(String)
    /// The function still throws `NotStarted`.
    case notStarted
}

/// One exercise: what to write, where, how it is checked, and hints.
public struct Exercise {
    /// `chapter.k`, e.g. `1.2`.
    public let id: String
    public let title: String
    /// The task and its formula, as in the workbook's doc comment.
    public let task: String
    /// The workbook file and function the reader edits.
    public let file: String
    public let function: String
    /// Hints, from a nudge to the idea that settles it; prose and formulas, never code
    /// (`hint ID` shows them one at a time; `solution ID` shows the code once the answer passes).
    public let hints: [String]
    private let body: () throws -> Void

    /// - Parameter check: calls the answer under test and throws `CheckFailure`
    ///   (via `expect`) on a wrong answer; `NotStarted` passes through.
    public init(
        id: String, title: String, task: String, file: String, function: String,
        hints: [String], check: @escaping () throws -> Void
    ) {
        self.id = id
        self.title = title
        self.task = task
        self.file = file
        self.function = function
        self.hints = hints
        self.body = check
    }

    /// The chapter number, the part of `id` before the dot.
    public var chapter: Int { Int(id.split(separator: ".").first ?? "") ?? 0 }

    /// Runs the check. Never throws: a stub gives `.notStarted`, a wrong
    /// answer or any other error gives `.failed` with the reason.
    public func run() -> Outcome {
        do {
            try body()
            return .passed
        } catch is NotStarted {
            return .notStarted
        } catch let failure as CheckFailure {
            return .failed(failure.message)
        } catch {
            return .failed("threw \(error)")
        }
    }
}

// MARK: - Assertions used by the checks

/// Passes when `got` is within `tolerance` of `expected`; otherwise throws
/// `CheckFailure("what: expected E, got G")`.
public func expect(
    _ got: Double, equals expected: Double, _ what: String,
    tolerance: Tolerance = .standard
) throws {
    guard tolerance.accepts(got, expected) else {
        throw CheckFailure(
            "\(what): expected \(formatCompact(expected, significantDigits: 10)), got \(formatCompact(got, significantDigits: 10))"
        )
    }
}

/// Element-wise comparison of vectors (lengths must agree).
public func expect(
    _ got: [Double], equals expected: [Double], _ what: String,
    tolerance: Tolerance = .standard
) throws {
    guard got.count == expected.count else {
        throw CheckFailure("\(what): expected \(expected.count) values, got \(got.count)")
    }
    guard tolerance.accepts(got, expected) else {
        throw CheckFailure("\(what): expected \(vectorText(expected)), got \(vectorText(got))")
    }
}

/// Element-wise comparison of matrices (shapes must agree).
public func expect(
    _ got: Matrix, equals expected: Matrix, _ what: String,
    tolerance: Tolerance = .standard
) throws {
    guard got.rows == expected.rows && got.columns == expected.columns else {
        throw CheckFailure("\(what): expected shape \(expected.shapeDescription), got \(got.shapeDescription)")
    }
    guard tolerance.accepts(got, expected) else {
        throw CheckFailure(
            "\(what): expected \(expected.rowArrays.map(vectorText)), got \(got.rowArrays.map(vectorText))")
    }
}

/// Passes when the integers are equal.
public func expect(_ got: Int, equals expected: Int, _ what: String) throws {
    guard got == expected else { throw CheckFailure("\(what): expected \(expected), got \(got)") }
}

/// Passes when the lists of integers are equal.
public func expect(_ got: [Int], equals expected: [Int], _ what: String) throws {
    guard got == expected else { throw CheckFailure("\(what): expected \(expected), got \(got)") }
}

/// Passes when the tables of integers (lists of rows) are equal.
public func expect(_ got: [[Int]], equals expected: [[Int]], _ what: String) throws {
    guard got == expected else { throw CheckFailure("\(what): expected \(expected), got \(got)") }
}

/// Passes when `condition` holds; otherwise throws `CheckFailure(message)`.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    guard condition else { throw CheckFailure(message()) }
}

private func vectorText(_ values: [Double]) -> String {
    "[" + values.map { formatCompact($0, significantDigits: 8) }.joined(separator: ", ") + "]"
}
