import DLMath
import Testing

/// Products with a transposed operand and the product with a bias row,
/// against the plain product of the transposes formed beforehand.
///
/// Tolerance: none. The packing step reads a transposed operand in its
/// stored layout but packs the same values in the same order, and the simple
/// loop adds the same terms in the same order, so Aᵀ B must equal
/// `a.transposed * b` bit for bit; the bias row is added to each finished
/// sum, as `+` adds it afterwards, so A B + r must equal `a * b + r` exactly
/// (r + s = s + r in floating point).
@Suite("Products with transposed operands")
struct TransposedProductTests {
    /// Odd sizes across the 6-row and 32-column tiles and the simple-loop threshold.
    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (1, 1, 1), (3, 5, 2), (7, 9, 33), (32, 64, 100), (32, 100, 64), (47, 31, 65), (100, 32, 10), (13, 600, 7)
    ]

    static func matrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return generator.uniformMatrix(rows: rows, columns: columns, low: -1, high: 1)
    }

    @Test("Aᵀ B equals a.transposed * b on odd shapes", arguments: shapes.indices)
    func transposedLeft(index: Int) {
        let (m, k, n) = Self.shapes[index]
        let a = Self.matrix(k, m, seed: 1), b = Self.matrix(k, n, seed: 2)
        #expect(a.transposedTimes(b) == a.transposed * b)
    }

    @Test("A Bᵀ equals a * b.transposed on odd shapes", arguments: shapes.indices)
    func transposedRight(index: Int) {
        let (m, k, n) = Self.shapes[index]
        let a = Self.matrix(m, k, seed: 3), b = Self.matrix(n, k, seed: 4)
        #expect(a.timesTransposed(b) == a * b.transposed)
    }

    @Test("A B + r equals a * b + r on odd shapes", arguments: shapes.indices)
    func biasRow(index: Int) {
        let (m, k, n) = Self.shapes[index]
        let a = Self.matrix(m, k, seed: 5), b = Self.matrix(k, n, seed: 6), r = Self.matrix(1, n, seed: 7)
        let fused = a.times(b, addingRow: r)
        let separate = a * b + r
        if k <= 512 {
            #expect(fused == separate)
        } else {
            // Past one depth block the kernel adds r before the second block's sum: rounding only.
            for (x, y) in zip(fused.elements, separate.elements) { #expect(abs(x - y) <= 1e-12 * (1 + abs(y))) }
        }
    }

    @Test(
        "both operands transposed, both strategies, on the kernel",
        arguments: [
            MatrixProduct.Strategy.simpleLoop, .packed(threads: 1), .packed(threads: 2)
        ])
    func kernelBothTransposed(strategy: MatrixProduct.Strategy) {
        let (m, k, n) = (37, 19, 41)
        let at = Self.matrix(k, m, seed: 8), bt = Self.matrix(n, k, seed: 9)
        var c = [Double](repeating: 0, count: m * n)
        c.withUnsafeMutableBufferPointer { cp in
            MatrixProduct.multiply(
                at.elements, bt.elements, into: cp.baseAddress, m: m, k: k, n: n,
                transposedA: true, transposedB: true, strategy: strategy)
        }
        var plain = [Double](repeating: 0, count: m * n)
        plain.withUnsafeMutableBufferPointer { cp in
            MatrixProduct.multiply(
                at.transposed.elements, bt.transposed.elements, into: cp.baseAddress,
                m: m, k: k, n: n, strategy: strategy)
        }
        #expect(c == plain)
    }

    @Test("a 2 x 2 by hand: Aᵀ B and A Bᵀ")
    func handExample() {
        let a: Matrix = [[1, 2], [3, 4]], b: Matrix = [[5, 6], [7, 8]]
        // Aᵀ B: row 0 of Aᵀ is (1, 3): 1·5 + 3·7 = 26, 1·6 + 3·8 = 30; row 1 (2, 4): 10 + 28 = 38, 12 + 32 = 44.
        #expect(a.transposedTimes(b) == [[26, 30], [38, 44]])
        // A Bᵀ: (1, 2)·(5, 6) = 17, (1, 2)·(7, 8) = 23; (3, 4)·(5, 6) = 39, (3, 4)·(7, 8) = 53.
        #expect(a.timesTransposed(b) == [[17, 23], [39, 53]])
        // A B + (10, 20): A B = [[19, 22], [43, 50]].
        #expect(a.times(b, addingRow: [[10, 20]]) == [[29, 42], [53, 70]])
    }
}
