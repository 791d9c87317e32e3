import DLMath
import Testing

/// The Matrix value type: construction, indexing, element-wise arithmetic,
/// broadcasting, transpose, reductions, row selection and reshaping.
///
/// Exact comparisons (`==`) appear only where every value involved is a small
/// integer or a dyadic fraction (0.5, 0.25), which Double represents exactly,
/// and the operations on them (+, −, ·, / by powers of 2) are exact.
@Suite("Matrix core")
struct MatrixCoreTests {
    // a = [[1, 2, 3],
    //      [4, 5, 6]]
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]

    @Test("a literal fills rows in order; shape, count and subscripts agree")
    func literalAndSubscripts() {
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.shape == (rows: 2, columns: 3))
        #expect(a.count == 6)
        #expect(a.shapeDescription == "2x3")
        // Row-major: element (i, j) is elements[3i + j].
        #expect(a.elements == [1, 2, 3, 4, 5, 6])
        #expect(a[0, 0] == 1 && a[0, 2] == 3 && a[1, 0] == 4 && a[1, 2] == 6)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(1) == [2, 5])
        #expect(!a.isSquare)
        var b = a
        b[1, 1] = -7
        #expect(b[1, 1] == -7)
        #expect(a[1, 1] == 5, "a copy is independent (value semantics)")
    }

    @Test("other initialisers: repeating, entry closure, row, column, identity, diagonal")
    func initialisers() {
        #expect(Matrix(rows: 2, columns: 2, repeating: 3).elements == [3, 3, 3, 3])
        // entry(i, j) = 10 i + j  →  [[0, 1], [10, 11], [20, 21]]
        #expect(Matrix(rows: 3, columns: 2) { i, j in Double(10 * i + j) }.elements == [0, 1, 10, 11, 20, 21])
        #expect(Matrix(row: [1, 2]).shapeDescription == "1x2")
        #expect(Matrix(column: [1, 2]).shapeDescription == "2x1")
        #expect(Matrix.identity(3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(Matrix.diagonal([2, -1]) == [[2, 0], [0, -1]])
        #expect(Matrix(rows: 0, columns: 3).count == 0)
    }

    @Test("matrix + matrix and matrix − matrix work element by element")
    func matrixPlusMinusMatrix() {
        let b: Matrix = [[6, 5, 4], [3, 2, 1]]
        // 1+6 = 7 everywhere.
        #expect(a + b == [[7, 7, 7], [7, 7, 7]])
        // [1−6, 2−5, 3−4; 4−3, 5−2, 6−1]
        #expect(a - b == [[-5, -3, -1], [1, 3, 5]])
        #expect(b - a == [[5, 3, 1], [-1, -3, -5]])
        #expect(-a == [[-1, -2, -3], [-4, -5, -6]])
    }

    @Test("Hadamard product .* and element-wise quotient ./")
    func hadamard() {
        let b: Matrix = [[2, 4, 8], [0.5, 0.25, 2]]
        // [1·2, 2·4, 3·8; 4·0.5, 5·0.25, 6·2]
        #expect((a .* b) == [[2, 8, 24], [2, 1.25, 12]])
        #expect((b .* a) == (a .* b))
        // [1/2, 2/4, 3/8; 4/0.5, 5/0.25, 6/2]
        #expect((a ./ b) == [[0.5, 0.5, 0.375], [8, 20, 3]])
    }

    @Test("a scalar on either side: + and * commute, − and / do not")
    func scalarOnEitherSide() {
        #expect(a + 2 == [[3, 4, 5], [6, 7, 8]])
        #expect(2 + a == [[3, 4, 5], [6, 7, 8]])
        // A − 2 = [aᵢⱼ − 2];  2 − A = [2 − aᵢⱼ] = −(A − 2).
        #expect(a - 2 == [[-1, 0, 1], [2, 3, 4]])
        #expect(2 - a == [[1, 0, -1], [-2, -3, -4]])
        #expect(a * 0.5 == [[0.5, 1, 1.5], [2, 2.5, 3]])
        #expect(0.5 * a == [[0.5, 1, 1.5], [2, 2.5, 3]])
        // A / 2 = [aᵢⱼ / 2];  2 / A = [2 / aᵢⱼ]: 2/1 = 2, 2/2 = 1, 2/4 = 0.5.
        #expect(a / 2 == [[0.5, 1, 1.5], [2, 2.5, 3]])
        let twoOverA = 2 / a
        #expect(twoOverA[0, 0] == 2 && twoOverA[0, 1] == 1 && twoOverA[1, 0] == 0.5)
        expectClose(twoOverA, [[2, 1, 2.0 / 3], [0.5, 0.4, 1.0 / 3]])
    }

    @Test("compound assignment and addScaled")
    func compoundAssignment() {
        var b = a
        b += a  // 2A
        #expect(b == 2 * a)
        b -= a  // A
        #expect(b == a)
        b *= 3
        #expect(b == [[3, 6, 9], [12, 15, 18]])
        var c = a
        c.addScaled(-0.5, [[2, 2, 2], [2, 2, 2]])  // A − 1
        #expect(c == a - 1)
    }

    @Test("a 1 x n row broadcasts over every row, on either side")
    func broadcasting() {
        let bias: Matrix = [[10, 20, 30]]
        // Each row of A plus [10, 20, 30].
        #expect(a + bias == [[11, 22, 33], [14, 25, 36]])
        #expect(bias + a == [[11, 22, 33], [14, 25, 36]])
        // A − b vs b − A: opposite signs.
        #expect(a - bias == [[-9, -18, -27], [-6, -15, -24]])
        #expect(bias - a == [[9, 18, 27], [6, 15, 24]])
        #expect((a .* bias) == [[10, 40, 90], [40, 100, 180]])
        #expect((bias .* a) == (a .* bias))
        // [1/10, 2/20, 3/30; 4/10, 5/20, 6/30] and the reciprocals.
        expectClose(a ./ bias, [[0.1, 0.1, 0.1], [0.4, 0.25, 0.2]])
        expectClose(bias ./ a, [[10, 10, 10], [2.5, 4, 5]])
    }

    @Test("transpose swaps indices and is its own inverse")
    func transpose() {
        #expect(a.transposed == [[1, 4], [2, 5], [3, 6]])
        #expect(a.transposed.transposed == a)
        #expect(Matrix(row: [1, 2, 3]).transposed == Matrix(column: [1, 2, 3]))
        #expect(Matrix(rows: 0, columns: 2).transposed.shapeDescription == "2x0")
    }

    @Test("reductions over all elements and along both axes")
    func reductions() {
        // 1+2+3+4+5+6 = 21, mean 21/6 = 3.5.
        #expect(a.sum == 21)
        #expect(a.mean == 3.5)
        #expect(a.max == 6 && a.min == 1)
        // Along .rows: one value per column, a 1 x 3 row: [1+4, 2+5, 3+6].
        #expect(a.sum(along: .rows) == [[5, 7, 9]])
        #expect(a.mean(along: .rows) == [[2.5, 3.5, 4.5]])
        #expect(a.max(along: .rows) == [[4, 5, 6]])
        // Along .columns: one value per row, a 2 x 1 column: [1+2+3, 4+5+6].
        #expect(a.sum(along: .columns) == [[6], [15]])
        #expect(a.mean(along: .columns) == [[2], [5]])
        #expect(a.max(along: .columns) == [[3], [6]])
        #expect(Matrix([[0.1, 0.7, 0.2], [0.5, 0.1, 0.5]]).argmaxPerRow() == [1, 0])
        #expect(Matrix(rows: 0, columns: 0).sum == 0)
    }

    @Test("rows(at:) picks rows in the given order, repeats allowed")
    func rowsAt() {
        let m: Matrix = [[1, 1], [2, 2], [3, 3]]
        #expect(m.rows(at: [2, 0]) == [[3, 3], [1, 1]])
        #expect(m.rows(at: [1, 1]) == [[2, 2], [2, 2]])
        #expect(m.rows(at: []).shapeDescription == "0x2")
    }

    @Test("reshaping keeps row-major order")
    func reshaping() {
        // [1 2 3 4 5 6] read three rows of two.
        #expect(a.reshaped(rows: 3, columns: 2) == [[1, 2], [3, 4], [5, 6]])
        #expect(a.reshaped(rows: 1, columns: 6) == Matrix(row: [1, 2, 3, 4, 5, 6]))
        #expect(a.reshaped(rows: 3, columns: 2).reshaped(rows: 2, columns: 3) == a)
    }

    @Test("map, description and dot")
    func mapDescriptionDot() {
        #expect(a.map { $0 * $0 } == [[1, 4, 9], [16, 25, 36]])
        #expect(Matrix([[1, -2.5], [10, 0]]).description == "[   1  -2.5]\n[  10     0]")
        // 1·4 + 2·(−5) + 3·6 = 12.
        #expect([1, 2, 3].dot([4, -5, 6]) == 12)
        #expect([Double]().dot([]) == 0)
    }
}
