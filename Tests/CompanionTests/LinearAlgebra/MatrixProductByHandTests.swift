import DLMath
import Testing

/// The matrix product against the definition, (A B)[i, j] = Σₖ A[i, k] B[k, j],
/// computed by a plain triple loop (an independent, obviously correct algorithm).
@Suite("Matrix product")
struct MatrixProductByHandTests {
    /// The definition, written as plainly as possible.
    static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: b.columns) { i, j in
            var sum = 0.0
            for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
            return sum
        }
    }

    @Test("a 2x2 product by hand")
    func byHand() {
        // [[1, 2], [3, 4]] [[5, 6], [7, 8]]:
        // (0,0) 1·5 + 2·7 = 19, (0,1) 1·6 + 2·8 = 22, (1,0) 3·5 + 4·7 = 43, (1,1) 3·6 + 4·8 = 50.
        let product = Matrix([[1, 2], [3, 4]]) * Matrix([[5, 6], [7, 8]])
        #expect(product == [[19, 22], [43, 50]])
        // Not commutative: [[5, 6], [7, 8]] [[1, 2], [3, 4]] = [[23, 34], [31, 46]].
        #expect(Matrix([[5, 6], [7, 8]]) * Matrix([[1, 2], [3, 4]]) == [[23, 34], [31, 46]])
        // Matrix times vector: [[1, 2], [3, 4]] [1, −1] = [−1, −1].
        #expect(Matrix([[1, 2], [3, 4]]) * [1, -1] == [-1, -1])
    }

    @Test(
        "odd sizes agree with the triple loop",
        arguments: [
            (1, 1, 1), (3, 5, 2), (7, 13, 9), (4, 4, 4), (5, 1, 6), (9, 17, 3), (33, 31, 35)
        ])
    func oddSizes(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var generator = SeededGenerator(seed: UInt64(m * 10_000 + k * 100 + n))
        let a = generator.normalMatrix(rows: m, columns: k)
        let b = generator.normalMatrix(rows: k, columns: n)
        // Sums of k products of standard normals: rounding differs by order only.
        expectClose(a * b, Self.naiveProduct(a, b), absolute: 1e-12, relative: 1e-12)
    }

    @Test("0-sized products: empty shapes, and k = 0 gives zeros")
    func zeroSized() {
        #expect((Matrix(rows: 0, columns: 3) * Matrix(rows: 3, columns: 2)).shapeDescription == "0x2")
        #expect((Matrix(rows: 2, columns: 3) * Matrix(rows: 3, columns: 0)).shapeDescription == "2x0")
        // An empty sum is 0: a 2x0 times a 0x3 is the 2x3 zero matrix.
        #expect(Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3) == Matrix(rows: 2, columns: 3))
    }

    @Test("identity is neutral, and (A B)ᵀ = Bᵀ Aᵀ")
    func identities() {
        var generator = SeededGenerator(seed: 7)
        let a = generator.normalMatrix(rows: 5, columns: 3)
        let b = generator.normalMatrix(rows: 3, columns: 4)
        #expect(Matrix.identity(5) * a == a)
        #expect(a * Matrix.identity(3) == a)
        expectClose((a * b).transposed, b.transposed * a.transposed)
    }

    @Test("the outer product x yᵀ")
    func outer() {
        // [1, 2] [3, 4, 5]ᵀ: row i is xᵢ · y.
        #expect(Matrix.outer([1, 2], [3, 4, 5]) == [[3, 4, 5], [6, 8, 10]])
        #expect(Matrix.outer([1, 2], [3, 4, 5]).rank() == 1)
    }

    @Test("trace is the diagonal sum, and tr(AB) = tr(BA)")
    func trace() {
        // 1 + 5 + 9 = 15.
        #expect(Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]).trace == 15)
        #expect(Matrix(rows: 0, columns: 0).trace == 0)
        var generator = SeededGenerator(seed: 11)
        let a = generator.normalMatrix(rows: 3, columns: 5)
        let b = generator.normalMatrix(rows: 5, columns: 3)
        expectClose((a * b).trace, (b * a).trace, absolute: 1e-12, relative: 1e-12)
    }
}
