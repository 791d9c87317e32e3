import DLMath
import Testing

/// Expects `actual` within `absolute + relative · |expected|` of `expected`,
/// reporting at the caller's file and line, with both values and the gap.
func expectClose(
    _ actual: Double, _ expected: Double,
    absolute: Double = 1e-12, relative: Double = 1e-12,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let tolerance = Tolerance(absolute: absolute, relative: relative)
    #expect(
        tolerance.accepts(actual, expected),
        "\(actual) is not within \(tolerance) of \(expected) (gap \(abs(actual - expected)))\(comment.map { ": \($0)" } ?? "")",
        sourceLocation: sourceLocation)
}

/// Element-wise `expectClose` for vectors; the lengths must agree.
func expectClose(
    _ actual: [Double], _ expected: [Double],
    absolute: Double = 1e-12, relative: Double = 1e-12,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.count == expected.count, "lengths \(actual.count) and \(expected.count) differ",
        sourceLocation: sourceLocation)
    guard actual.count == expected.count else { return }
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        let tolerance = Tolerance(absolute: absolute, relative: relative)
        #expect(
            tolerance.accepts(a, e),
            "element \(index): \(a) is not within \(tolerance) of \(e)\(comment.map { ": \($0)" } ?? "")",
            sourceLocation: sourceLocation)
    }
}

/// Element-wise `expectClose` for matrices; the shapes must agree.
func expectClose(
    _ actual: Matrix, _ expected: Matrix,
    absolute: Double = 1e-12, relative: Double = 1e-12,
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.shapeDescription == expected.shapeDescription,
        "shapes \(actual.shapeDescription) and \(expected.shapeDescription) differ", sourceLocation: sourceLocation)
    guard actual.shapeDescription == expected.shapeDescription else { return }
    let tolerance = Tolerance(absolute: absolute, relative: relative)
    for i in 0..<actual.rows {
        for j in 0..<actual.columns {
            #expect(
                tolerance.accepts(actual[i, j], expected[i, j]),
                "element (\(i), \(j)): \(actual[i, j]) is not within \(tolerance) of \(expected[i, j])\(comment.map { ": \($0)" } ?? "")",
                sourceLocation: sourceLocation)
        }
    }
}
