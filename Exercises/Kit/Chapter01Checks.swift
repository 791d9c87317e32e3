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
    /// 1.5 The singular values σ₁ ≥ σ₂ ≥ 0 of a 2x2 matrix: the square roots of the eigenvalues of AᵀA.
    static func singularValues2x2(_ a: Matrix) throws -> [Double]
    /// 1.6 The induced 1-norm ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ| (the largest column sum, not the entry-wise sum).
    static func inducedOneNorm(_ a: Matrix) throws -> Double
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
                    "Start a running total at zero; at each index add the product of the two entries there; the total is the answer."
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
                    "The norm is the square root of the dot product of x with itself: ‖x‖ = √(x · x).",
                    "One running total of squares over the entries, then one square root at the very end (not one per entry)."
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
                task:
                    "Return A x, with (A x)ᵢ = Σⱼ aᵢⱼ xⱼ: one dot product per row of A (A is m x n, x has n entries, the result m).",
                file: file, function: "matrixVectorProduct(_:_:)",
                hints: [
                    "Entry i of the result is the dot product of row i of A with x.",
                    "One outer loop over the rows i of A, one inner loop over its columns j adding aᵢⱼ xⱼ; the result has as many entries as A has rows."
                ],
                check: {
                    // By hand: [[1, 2], [3, 4]] [1, −1] = [1 − 2, 3 − 4] = [−1, −1].
                    try expect(
                        try Answers.matrixVectorProduct([[1, 2], [3, 4]], [1, -1]), equals: [-1, -1],
                        "[[1, 2], [3, 4]] * [1, -1]")
                    // A 2x3 matrix: [[1, 0, 2], [−1, 3, 1]] [1, 2, 3] = [1 + 0 + 6, −1 + 6 + 3] = [7, 8].
                    try expect(
                        try Answers.matrixVectorProduct([[1, 0, 2], [-1, 3, 1]], [1, 2, 3]), equals: [7, 8],
                        "[[1, 0, 2], [-1, 3, 1]] * [1, 2, 3]")
                    // A 3x1 column times a 1-vector scales the column: [2, −1, 0.5] · 4 = [8, −4, 2].
                    try expect(
                        try Answers.matrixVectorProduct([[2], [-1], [0.5]], [4]), equals: [8, -4, 2],
                        "[[2], [-1], [0.5]] * [4]")
                }),
            Exercise(
                id: "1.4", title: "The inverse of a 2x2 matrix",
                task: "For A = [[a, b], [c, d]] with ad − bc ≠ 0, return A⁻¹ = (1 / (ad − bc)) [[d, −b], [−c, a]].",
                file: file, function: "inverse2x2(_:)",
                hints: [
                    "Read a = A[0, 0], b = A[0, 1], c = A[1, 0], d = A[1, 1] and compute det = a d − b c first.",
                    "Swap a and d, negate b and c, divide everything by det: Matrix([[d, -b], [-c, a]]) / det."
                ],
                check: {
                    // By hand: det [[4, 3], [6, 3]] = 12 − 18 = −6; inverse = (1/−6) [[3, −3], [−6, 4]].
                    try expect(
                        try Answers.inverse2x2([[4, 3], [6, 3]]), equals: [[-0.5, 0.5], [1, -2.0 / 3]],
                        "inverse2x2([[4, 3], [6, 3]])")
                    // det [[2, 1], [1, 1]] = 1: inverse [[1, −1], [−1, 2]].
                    try expect(
                        try Answers.inverse2x2([[2, 1], [1, 1]]), equals: [[1, -1], [-1, 2]],
                        "inverse2x2([[2, 1], [1, 1]])")
                    // A diagonal matrix inverts entry by entry: [[2, 0], [0, 0.25]] → [[0.5, 0], [0, 4]].
                    try expect(
                        try Answers.inverse2x2([[2, 0], [0, 0.25]]), equals: [[0.5, 0], [0, 4]],
                        "inverse2x2([[2, 0], [0, 0.25]])")
                }),
            Exercise(
                id: "1.5", title: "Singular values of a 2x2 matrix by hand",
                task:
                    "Return [σ₁, σ₂], descending: the square roots of the two eigenvalues of the symmetric 2x2 matrix AᵀA.",
                file: file, function: "singularValues2x2(_:)",
                hints: [
                    "Form S = AᵀA = [[p, q], [q, r]] with p = a² + c², q = ab + cd, r = b² + d² (A = [[a, b], [c, d]]).",
                    "The eigenvalues of [[p, q], [q, r]] are (p + r)/2 ± √(((p − r)/2)² + q²).",
                    "Both are ≥ 0; take the square root of each (use max(0, λ) against rounding), the larger first."
                ],
                check: {
                    // By hand: AᵀA = [[25, 20], [20, 25]], eigenvalues 45 and 5: σ = 3√5, √5.
                    try expect(
                        try Answers.singularValues2x2([[3, 0], [4, 5]]),
                        equals: [3 * 5.0.squareRoot(), 5.0.squareRoot()],
                        "singularValues2x2([[3, 0], [4, 5]])")
                    // A diagonal matrix: |diagonal| sorted, signs do not matter: diag(−2, 1) → [2, 1].
                    try expect(
                        try Answers.singularValues2x2([[1, 0], [0, -2]]), equals: [2, 1],
                        "singularValues2x2([[1, 0], [0, -2]])")
                    // Rank 1: [[1, 1], [1, 1]] has AᵀA = [[2, 2], [2, 2]], eigenvalues 4 and 0: σ = [2, 0].
                    try expect(
                        try Answers.singularValues2x2([[1, 1], [1, 1]]), equals: [2, 0],
                        "singularValues2x2([[1, 1], [1, 1]])",
                        tolerance: Tolerance(absolute: 1e-7, relative: 1e-9))
                    // A rotation scaled by 2 stretches every direction by 2: σ = [2, 2].
                    try expect(
                        try Answers.singularValues2x2([[0, -2], [2, 0]]), equals: [2, 2],
                        "singularValues2x2([[0, -2], [2, 0]])")
                }),
            Exercise(
                id: "1.6", title: "The induced 1-norm",
                task: "Return ‖A‖₁ = max over x ≠ 0 of ‖A x‖₁ / ‖x‖₁, which is the largest column sum maxⱼ Σᵢ |aᵢⱼ|.",
                file: file, function: "inducedOneNorm(_:)",
                hints: [
                    "The most stretched unit vector in ‖·‖₁ is a standard basis vector eⱼ, and ‖A eⱼ‖₁ is the sum of |entries| of column j.",
                    "For each column j add up |aᵢⱼ| over the rows i; the norm is the largest of these column sums (not the largest row sum, which is ‖A‖∞)."
                ],
                check: {
                    // By hand: columns |1| + |3| = 4 and |−2| + |4| = 6 → 6 (the entry-wise sum would be 10, the largest row sum 7).
                    try expect(
                        try Answers.inducedOneNorm([[1, -2], [3, 4]]), equals: 6, "inducedOneNorm([[1, -2], [3, 4]])")
                    // A 2x3: columns 1 + 4 = 5, 2 + 0 = 2, 3 + 1 = 4 → 5 (rows give 6 and 5).
                    try expect(
                        try Answers.inducedOneNorm([[1, 2, 3], [-4, 0, 1]]), equals: 5,
                        "inducedOneNorm([[1, 2, 3], [-4, 0, 1]])")
                    // A column vector: the sum of |entries|, 1 + 2 + 2 = 5.
                    try expect(
                        try Answers.inducedOneNorm([[1], [-2], [2]]), equals: 5, "inducedOneNorm([[1], [-2], [2]])")
                })
        ]
    }
}
