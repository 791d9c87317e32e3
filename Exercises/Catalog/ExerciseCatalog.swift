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
                + Chapter02Checks.exercises(Workbook.Chapter02.self)
                + Chapter03Checks.exercises(Workbook.Chapter03.self)
                + Chapter04Checks.exercises(Workbook.Chapter04.self)
                + Chapter05Checks.exercises(Workbook.Chapter05.self)
                + Chapter06Checks.exercises(Workbook.Chapter06.self)
                + Chapter07Checks.exercises(Workbook.Chapter07.self)
                + Chapter08Checks.exercises(Workbook.Chapter08.self)
                + Chapter09Checks.exercises(Workbook.Chapter09.self)
                + Chapter10Checks.exercises(Workbook.Chapter10.self)
                + Chapter11Checks.exercises(Workbook.Chapter11.self)
                + Chapter12Checks.exercises(Workbook.Chapter12.self)
                + Chapter13Checks.exercises(Workbook.Chapter13.self)
                + Chapter14Checks.exercises(Workbook.Chapter14.self)
        case .solutions:
            return Chapter01Checks.exercises(Solutions.Chapter01.self)
                + Chapter02Checks.exercises(Solutions.Chapter02.self)
                + Chapter03Checks.exercises(Solutions.Chapter03.self)
                + Chapter04Checks.exercises(Solutions.Chapter04.self)
                + Chapter05Checks.exercises(Solutions.Chapter05.self)
                + Chapter06Checks.exercises(Solutions.Chapter06.self)
                + Chapter07Checks.exercises(Solutions.Chapter07.self)
                + Chapter08Checks.exercises(Solutions.Chapter08.self)
                + Chapter09Checks.exercises(Solutions.Chapter09.self)
                + Chapter10Checks.exercises(Solutions.Chapter10.self)
                + Chapter11Checks.exercises(Solutions.Chapter11.self)
                + Chapter12Checks.exercises(Solutions.Chapter12.self)
                + Chapter13Checks.exercises(Solutions.Chapter13.self)
                + Chapter14Checks.exercises(Solutions.Chapter14.self)
        }
    }
}
