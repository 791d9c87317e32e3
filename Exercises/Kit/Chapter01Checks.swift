import DLMath

/// The exercises of chapter 1 (linear algebra). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter01Exercises {
    /// 1.1 The dot product x · y = Σᵢ xᵢ yᵢ of two vectors of the same length.
    static func dot(_ x: [Double], _ y: [Double]) throws -> Double
}

/// The checks and hints of chapter 1, run against any conforming answers.
public enum Chapter01Checks {
    static let file = "Exercises/Workbook/Chapter01.swift"

    public static func exercises<Answers: Chapter01Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "1.1", title: "The dot product",
                task: "Return x · y = Σᵢ xᵢ yᵢ.",
                file: file, function: "dot(_:_:)",
                hints: [
                    "Walk both arrays with one index and add up the products.",
                    "var sum = 0.0; for i in x.indices { sum += x[i] * y[i] }; return sum",
                ],
                check: {
                    // By hand: 1·4 + 2·(−5) + 3·6 = 4 − 10 + 18 = 12.
                    try expect(try Answers.dot([1, 2, 3], [4, -5, 6]), equals: 12, "dot([1, 2, 3], [4, -5, 6])")
                    // Orthogonal vectors: 1·(−2) + 2·1 = 0.
                    try expect(try Answers.dot([1, 2], [-2, 1]), equals: 0, "dot([1, 2], [-2, 1])")
                    // The empty sum is 0.
                    try expect(try Answers.dot([], []), equals: 0, "dot([], [])")
                }),
        ]
    }
}
