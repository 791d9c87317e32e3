import DLMath
import Testing

@Suite("One-hot encoding")
struct OneHotTests {
    @Test("labels to one-hot rows and back by argmax")
    func roundTrip() throws {
        // By hand: label 2 of 3 classes is the row (0, 0, 1), label 0 is (1, 0, 0).
        let encoded = Matrix.oneHot([2, 0, 1, 2], classCount: 3)
        #expect(encoded == [[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(encoded.argmaxPerRow() == [2, 0, 1, 2])
        let digits = try Dataset.digits()
        let oneHot = digits.oneHotLabels
        #expect(oneHot.rows == 1797 && oneHot.columns == 10)
        #expect(oneHot.sum(along: .columns).elements.allSatisfy { $0 == 1 })  // one 1 per row
        #expect(oneHot.argmaxPerRow() == digits.labels)
        // Column sums are the class counts (counted from the raw file, see ShippedDatasetTests).
        #expect(oneHot.sum(along: .rows).elements == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }
}
