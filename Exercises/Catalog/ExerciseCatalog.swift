import ExerciseKit
import Solutions
import Workbook

/// Which answers the checks run against.
public enum AnswerSource: Sendable {
    /// The reader's workbook, `Exercises/Workbook/`.
    case workbook
    /// The reference solutions, `Exercises/Solutions/`.
    case solutions
}

/// Every exercise of the book, chapter by chapter. The same checks run
/// against either source: each chapter's checks are generic over a protocol
/// that both the workbook and the solutions conform to.
public enum ExerciseCatalog {
    public static func exercises(from source: AnswerSource) -> [Exercise] {
        switch source {
        case .workbook:
            return Chapter01Checks.exercises(Workbook.Chapter01.self)
                + Chapter09Checks.exercises(Workbook.Chapter09.self)
                + Chapter10Checks.exercises(Workbook.Chapter10.self)
        case .solutions:
            return Chapter01Checks.exercises(Solutions.Chapter01.self)
                + Chapter09Checks.exercises(Solutions.Chapter09.self)
                + Chapter10Checks.exercises(Solutions.Chapter10.self)
        }
    }
}
