import ExerciseKit
import Testing

/// Runs every exercise of a chapter against plausible wrong answers and
/// expects each one to fail with a message that shows expected vs got:
/// the proof that a chapter's checks can fail at all.
func expectEveryExerciseFails(_ exercises: [Exercise], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!exercises.isEmpty, "no exercises to run", sourceLocation: sourceLocation)
    for exercise in exercises {
        let outcome = exercise.run()
        guard case .failed(let message) = outcome else {
            Issue.record("\(exercise.id) accepted a wrong answer: \(outcome)", sourceLocation: sourceLocation)
            continue
        }
        #expect(message.contains("expected"), "\(exercise.id): \(message)", sourceLocation: sourceLocation)
    }
}
