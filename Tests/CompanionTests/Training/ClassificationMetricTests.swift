import DLMath
import Testing

@Suite("Accuracy and the confusion matrix")
struct ClassificationMetricTests {
    @Test("a confusion matrix counted by hand")
    func byHand() {
        // actual    0 0 0 1 1 2 2 2
        // predicted 0 1 0 1 1 2 0 2
        // row 0: two 0s, one 1; row 1: two 1s; row 2: one 0, two 2s.
        let confusion = ConfusionMatrix(
            predicted: [0, 1, 0, 1, 1, 2, 0, 2], actual: [0, 0, 0, 1, 1, 2, 2, 2], classCount: 3)
        #expect(confusion.counts == [[2, 1, 0], [0, 2, 0], [1, 0, 2]])
        #expect(confusion.total == 8 && confusion.correct == 6)
        #expect(confusion.actualCounts == [3, 2, 3] && confusion.predictedCounts == [3, 3, 2])
        // 6/8 correct; recall = 2/3, 2/2, 2/3; precision = 2/3, 2/3, 2/2.
        #expect(confusion.accuracy == 0.75)  // 6/8 is exact in binary
        expectClose(confusion.recall, [2.0 / 3, 1, 2.0 / 3])
        expectClose(confusion.precision, [2.0 / 3, 2.0 / 3, 1])
        #expect(confusion.mistakes.map { [$0.actual, $0.predicted, $0.count] } == [[0, 1, 1], [2, 0, 1]])
    }

    @Test("accuracy from labels and from scores agree with the confusion matrix")
    func accuracyAgrees() {
        #expect(accuracy(predicted: [1, 2, 3, 4], actual: [1, 0, 3, 0]) == 0.5)  // 2 of 4, exact
        // Scores whose argmax is 2, 0, 1; one-hot targets 2, 1, 1: 2 of 3 right.
        let scores: Matrix = [[0.1, 0.2, 3], [5, -1, 0], [0, 9, 1]]
        let targets = Matrix.oneHot([2, 1, 1], classCount: 3)
        expectClose(accuracy(scores: scores, targets: targets), 2.0 / 3)
        let confusion = ConfusionMatrix(predicted: scores.argmaxPerRow(), actual: [2, 1, 1], classCount: 3)
        expectClose(confusion.accuracy, 2.0 / 3)
    }

    @Test("a class never predicted has precision NaN")
    func emptyColumn() {
        let confusion = ConfusionMatrix(predicted: [0, 0], actual: [0, 1], classCount: 2)
        #expect(confusion.precision[1].isNaN)
        #expect(confusion.recall == [1, 0])
    }
}
