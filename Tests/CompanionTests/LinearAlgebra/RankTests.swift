import DLMath
import Testing

@Suite("Rank")
struct RankTests {
    @Test(
        "rank by hand",
        arguments: [
            // Independent rows.
            (Matrix.identity(3), 3),
            // Row 2 = 2 · row 1 − row 0: two independent rows.
            (Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 2),
            // Every row a multiple of [1, 2, 3].
            (Matrix([[1, 2, 3], [2, 4, 6]]), 1),
            // Tall, two independent columns.
            (Matrix([[1, 0], [0, 1], [1, 1]]), 2),
            // Wide, columns 0 and 2 independent, column 1 = 2 · column 0.
            (Matrix([[1, 2, 0, 1], [2, 4, 1, 3]]), 2),
            // The zero matrix and the empty matrix.
            (Matrix(rows: 3, columns: 4), 0),
            (Matrix(rows: 0, columns: 0), 0),
            // A zero first column: the pivot moves on to column 1.
            (Matrix([[0, 1, 2], [0, 2, 4], [0, 0, 1]]), 2)
        ])
    func byHand(_ matrix: Matrix, _ expected: Int) {
        #expect(matrix.rank() == expected)
        #expect(matrix.transposed.rank() == expected, "row rank = column rank")
    }

    @Test("rank of a product is at most the smaller rank; x yᵀ has rank 1")
    func products() {
        var generator = SeededGenerator(seed: 17)
        let a = generator.normalMatrix(rows: 5, columns: 2)
        let b = generator.normalMatrix(rows: 2, columns: 6)
        #expect(a.rank() == 2 && b.rank() == 2)
        // A B is 5x6 but factors through ℝ², so its rank is 2.
        #expect((a * b).rank() == 2)
        #expect(Matrix.outer([1, -2, 3], [4, 5]).rank() == 1)
        #expect(generator.normalMatrix(rows: 6, columns: 6).rank() == 6)
    }

    @Test("the tolerance decides what counts as zero")
    func tolerance() {
        let a: Matrix = [[1, 0], [0, 1e-10]]
        #expect(a.rank() == 2, "1e-10 is far above the default 2·ε·1 ≈ 4.4e-16")
        #expect(a.rank(tolerance: 1e-8) == 1)
    }
}
