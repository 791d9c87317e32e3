import DLMath

/// The exercises of chapter 1 (linear algebra). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter01Exercises {
    /// 1.1 The dot product x · y = Σᵢ xᵢ yᵢ of two vectors of the same length.
    static func dot(_ x: [Double], _ y: [Double]) throws -> Double
    /// 1.2 The Euclidean (L2) norm ‖x‖₂ = √(Σᵢ xᵢ²).
    static func l2Norm(_ x: [Double]) throws -> Double
    /// 1.3 The matrix-vector product (A x)ᵢ = Σⱼ aᵢⱼ xⱼ.
    static func matrixVectorProduct(_ a: Matrix, _ x: [Double]) throws -> [Double]
    /// 1.4 The inverse of a 2x2 matrix, (1 / (ad − bc)) [[d, −b], [−c, a]].
    static func inverse2x2(_ a: Matrix) throws -> Matrix
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
            Exercise(
                id: "1.2", title: "The L2 norm",
                task: "Return ‖x‖₂ = √(Σᵢ xᵢ²), the Euclidean length of x (0 for the empty vector).",
                file: file, function: "l2Norm(_:)",
                hints: [
                    "Square every entry, add the squares, take the square root.",
                    "The norm is the square root of the dot product of x with itself: (x · x).squareRoot().",
                    "var sum = 0.0; for value in x { sum += value * value }; return sum.squareRoot()",
                ],
                check: {
                    // By hand: √(3² + 4²) = √25 = 5.
                    try expect(try Answers.l2Norm([3, 4]), equals: 5, "l2Norm([3, 4])")
                    // √(9 + 16 + 144) = √169 = 13: signs do not matter.
                    try expect(try Answers.l2Norm([3, -4, 12]), equals: 13, "l2Norm([3, -4, 12])")
                    // √(1 + 1 + 1 + 1) = 2.
                    try expect(try Answers.l2Norm([1, -1, 1, -1]), equals: 2, "l2Norm([1, -1, 1, -1])")
                    try expect(try Answers.l2Norm([]), equals: 0, "l2Norm([])")
                }),
            Exercise(
                id: "1.3", title: "Matrix times vector",
                task: "Return A x, with (A x)ᵢ = Σⱼ aᵢⱼ xⱼ: one dot product per row of A (A is m x n, x has n entries, the result m).",
                file: file, function: "matrixVectorProduct(_:_:)",
                hints: [
                    "Entry i of the result is the dot product of row i of A (a.row(i)) with x.",
                    "Loop over the rows: (0..<a.rows).map { i in ... }, and inside sum a[i, j] * x[j] over j in 0..<a.columns.",
                ],
                check: {
                    // By hand: [[1, 2], [3, 4]] [1, −1] = [1 − 2, 3 − 4] = [−1, −1].
                    try expect(try Answers.matrixVectorProduct([[1, 2], [3, 4]], [1, -1]), equals: [-1, -1],
                               "[[1, 2], [3, 4]] * [1, -1]")
                    // A 2x3 matrix: [[1, 0, 2], [−1, 3, 1]] [1, 2, 3] = [1 + 0 + 6, −1 + 6 + 3] = [7, 8].
                    try expect(try Answers.matrixVectorProduct([[1, 0, 2], [-1, 3, 1]], [1, 2, 3]), equals: [7, 8],
                               "[[1, 0, 2], [-1, 3, 1]] * [1, 2, 3]")
                    // A 3x1 column times a 1-vector scales the column: [2, −1, 0.5] · 4 = [8, −4, 2].
                    try expect(try Answers.matrixVectorProduct([[2], [-1], [0.5]], [4]), equals: [8, -4, 2],
                               "[[2], [-1], [0.5]] * [4]")
                }),
            Exercise(
                id: "1.4", title: "The inverse of a 2x2 matrix",
                task: "For A = [[a, b], [c, d]] with ad − bc ≠ 0, return A⁻¹ = (1 / (ad − bc)) [[d, −b], [−c, a]].",
                file: file, function: "inverse2x2(_:)",
                hints: [
                    "Read a = A[0, 0], b = A[0, 1], c = A[1, 0], d = A[1, 1] and compute det = a d − b c first.",
                    "Swap a and d, negate b and c, divide everything by det: Matrix([[d, -b], [-c, a]]) / det.",
                ],
                check: {
                    // By hand: det [[4, 3], [6, 3]] = 12 − 18 = −6; inverse = (1/−6) [[3, −3], [−6, 4]].
                    try expect(try Answers.inverse2x2([[4, 3], [6, 3]]), equals: [[-0.5, 0.5], [1, -2.0 / 3]],
                               "inverse2x2([[4, 3], [6, 3]])")
                    // det [[2, 1], [1, 1]] = 1: inverse [[1, −1], [−1, 2]].
                    try expect(try Answers.inverse2x2([[2, 1], [1, 1]]), equals: [[1, -1], [-1, 2]],
                               "inverse2x2([[2, 1], [1, 1]])")
                    // A diagonal matrix inverts entry by entry: [[2, 0], [0, 0.25]] → [[0.5, 0], [0, 4]].
                    try expect(try Answers.inverse2x2([[2, 0], [0, 0.25]]), equals: [[0.5, 0], [0, 4]],
                               "inverse2x2([[2, 0], [0, 0.25]])")
                }),
        ]
    }
}
