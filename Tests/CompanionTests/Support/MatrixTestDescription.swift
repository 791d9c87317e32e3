import DLMath
import Testing

/// A matrix given as a test argument is named on one line, `2x3 [[1, 2, 3], [4, 5, 6]]`
/// (its `description` spans several lines, which broke the test log apart).
extension Matrix: CustomTestStringConvertible {
    public var testDescription: String {
        let rows = rowArrays.map { row in "[" + row.map { formatCompact($0) }.joined(separator: ", ") + "]" }
        return "\(shapeDescription) [" + rows.joined(separator: ", ") + "]"
    }
}
