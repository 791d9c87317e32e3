import DLMath
import Testing

/// A shape mismatch stops the program with one message naming the operation
/// and the shapes. Each case runs in a child process (a Swift Testing exit
/// test) and the test reads what it wrote on standard error.
@Suite("Shape error messages")
struct ShapeErrorMessageTests {
    /// The message the child process wrote, as text.
    static func standardError(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test("matmul names both shapes and the inner dimensions")
    func matmul() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 3, columns: 4) * Matrix(rows: 5, columns: 2)
        }
        #expect(Self.standardError(result).contains("matmul: (3x4) * (5x2): inner dimensions 4 and 5 differ"))
    }

    @Test("argmaxPerRow of rows without columns has no index to give")
    func argmaxWithoutColumns() async {
        // Before this check it returned 0 for each row: an index into nothing.
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, columns: 0).argmaxPerRow()
        }
        #expect(Self.standardError(result).contains("argmaxPerRow: (2x0) has no columns to choose from"))
        // No rows: no predictions, and nothing to complain about.
        #expect(Matrix(rows: 0, columns: 0).argmaxPerRow() == [])
    }

    @Test("element-wise add with shapes that do not broadcast")
    func add() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, columns: 3) + Matrix(rows: 3, columns: 2)
        }
        #expect(Self.standardError(result).contains("add: (2x3) and (3x2): shapes differ"))
    }

    @Test("a 2 x n matrix is not a row to broadcast")
    func subtract() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 4, columns: 3) - Matrix(rows: 2, columns: 3)
        }
        #expect(Self.standardError(result).contains("subtract: (4x3) and (2x3)"))
    }

    @Test("dot of vectors of different lengths")
    func dot() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = [1.0, 2, 3].dot([1, 2])
        }
        #expect(Self.standardError(result).contains("dot: vectors of length 3 and 2 differ"))
    }

    @Test("solve, inverse and determinant of a non-square matrix")
    func notSquare() async {
        let solve = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? Matrix(rows: 3, columns: 4).solve([1, 2, 3])
        }
        #expect(Self.standardError(solve).contains("solve: (3x4) is not square"))
        let inverse = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? Matrix(rows: 2, columns: 3).inverse()
        }
        #expect(Self.standardError(inverse).contains("inverse: (2x3) is not square"))
        let determinant = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 1, columns: 2).determinant
        }
        #expect(Self.standardError(determinant).contains("determinant: (1x2) is not square"))
    }

    @Test("solve with a right-hand side of the wrong length")
    func solveRightHandSide() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? Matrix.identity(3).solve([1, 2])
        }
        #expect(Self.standardError(result).contains("solve: (3x3) x = b: b has length 2, needs 3"))
    }

    @Test("the symmetric eigendecomposition of a non-square matrix")
    func eigenNotSquare() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try? Matrix(rows: 2, columns: 3).symmetricEigen()
        }
        #expect(Self.standardError(result).contains("symmetricEigen: (2x3) is not square"))
    }
}
