import DLMath
import Testing

/// The matrix-product kernel against an independent triple loop.
///
/// Tolerance. Both computations add the same k products in different orders
/// (blocks of 512, register tiles, fused or separate multiply-add), so they
/// need not agree bit for bit. The classical bound for a sum of k products
/// (Higham, Accuracy and Stability of Numerical Algorithms, §3.1) is
/// |computed − exact| ≤ γₖ Σₚ |A[i,p]| |B[p,j]| with γₖ = k u / (1 − k u),
/// u = 2⁻⁵³ the unit roundoff. Each side is within that of the exact value,
/// so they are within 2 γₖ Σₚ |A[i,p] B[p,j]| of each other; we allow
/// 2 (k + 1) · 2⁻⁵² Σₚ |A[i,p] B[p,j]|, twice that bound (2⁻⁵² = 2u), plus
/// nothing absolute. Relative to the entry itself would be wrong: entries of
/// random ±1 matrices cancel and can be near zero while their terms are not.
@Suite("Matrix product kernel")
struct MatrixProductTests {
    /// Sizes that straddle every tile and block boundary of the kernel, with
    /// either register tile: the 6-row tile (5, 6, 7), the 32- or 8-column tile (7, 8, 9, 31, 32, 33),
    /// the 48-row block (47, 48, 49), powers of two and one past (64, 65, 129).
    static let sizes = [1, 5, 6, 7, 8, 9, 31, 33, 47, 49, 64, 65]

    /// The reference: C[i, j] = Σₚ A[i, p] B[p, j] by the i-j-p loop, and
    /// beside it the scale Σₚ |A[i, p] B[p, j]| that bounds rounding errors.
    static func reference(_ a: Matrix, _ b: Matrix) -> (product: [Double], scale: [Double]) {
        let (m, k, n) = (a.rows, a.columns, b.columns)
        let (x, y) = (a.elements, b.elements)
        var product = [Double](repeating: 0, count: m * n)
        var scale = product
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let term = x[i * k + p] * y[p * n + j]
                    sum += term
                    magnitude += abs(term)
                }
                product[i * n + j] = sum
                scale[i * n + j] = magnitude
            }
        }
        return (product, scale)
    }

    /// Random m x k and k x n matrices with entries uniform in [-1, 1), seeded by the shape.
    static func operands(m: Int, k: Int, n: Int) -> (Matrix, Matrix) {
        var generator = SeededGenerator(seed: UInt64(m * 1_000_003 + k * 1_009 + n))
        return (
            generator.uniformMatrix(rows: m, columns: k, low: -1, high: 1),
            generator.uniformMatrix(rows: k, columns: n, low: -1, high: 1)
        )
    }

    /// C = A B through `MatrixProduct.multiply` with `strategy` and register `tile`, into a zeroed buffer.
    static func kernelProduct(
        _ a: Matrix, _ b: Matrix, _ strategy: MatrixProduct.Strategy,
        tile: MatrixProduct.RegisterTile = .forThisMachine
    ) -> [Double] {
        var c = [Double](repeating: 0, count: a.rows * b.columns)
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.multiply(
                        ap.baseAddress, bp.baseAddress, into: cp.baseAddress,
                        m: a.rows, k: a.columns, n: b.columns, strategy: strategy, tile: tile)
                }
            }
        }
        return c
    }

    /// Checks `product` against the reference for A B within the bound above;
    /// reports the worst entry only, so that a broken shape gives one message.
    static func expectMatchesReference(
        _ product: [Double], _ a: Matrix, _ b: Matrix, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (expected, scale) = reference(a, b)
        #expect(
            product.count == expected.count, "\(label): \(product.count) entries, expected \(expected.count)",
            sourceLocation: sourceLocation)
        guard product.count == expected.count else { return }
        let allowance = 2 * Double(a.columns + 1) * Double.ulpOfOne
        var worst: (index: Int, excess: Double)? = nil
        for index in product.indices {
            let gap = abs(product[index] - expected[index])
            let excess = gap - allowance * scale[index]
            if !(excess <= 0), excess > (worst?.excess ?? 0) || excess.isNaN { worst = (index, excess) }
        }
        if let worst {
            let (i, j) = worst.index.quotientAndRemainder(dividingBy: b.columns)
            let message =
                "\(label): entry (\(i), \(j)) is \(product[worst.index]), "
                + "expected \(expected[worst.index]) within \(allowance * scale[worst.index])"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    @Test("a 2 x 2 product by hand")
    func handExample() {
        // [[1, 2], [3, 4]] [[5, 6], [7, 8]] = [[1·5 + 2·7, 1·6 + 2·8], [3·5 + 4·7, 3·6 + 4·8]]
        //                                   = [[19, 22], [43, 50]];
        // small integers, so every step is exact and equality is exact.
        let product: Matrix = [[1, 2], [3, 4]] * [[5, 6], [7, 8]]
        #expect(product == [[19, 22], [43, 50]])
        // 1 x 1: 3 · 4 = 12 exactly, on every path.
        for strategy in [MatrixProduct.Strategy.automatic, .simpleLoop, .packed(threads: 1), .packed(threads: 2)] {
            #expect(Self.kernelProduct([[3]], [[4]], strategy) == [12], "\(strategy)")
        }
    }

    @Test("empty dimensions give an empty or zero product")
    func emptyShapes() {
        // m = 0 or n = 0: no entries. k = 0: the empty sum, so every entry is 0.
        #expect((Matrix(rows: 0, columns: 3) * Matrix(rows: 3, columns: 4)).shapeDescription == "0x4")
        #expect((Matrix(rows: 2, columns: 3) * Matrix(rows: 3, columns: 0)).shapeDescription == "2x0")
        let innerEmpty = Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3)
        #expect(innerEmpty == Matrix(rows: 2, columns: 3))
        for strategy in [MatrixProduct.Strategy.simpleLoop, .packed(threads: 1), .packed(threads: 2)] {
            #expect(
                Self.kernelProduct(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 3), strategy)
                    == [0, 0, 0, 0, 0, 0], "\(strategy)")
        }
    }

    @Test(
        "every combination of boundary sizes, packed kernel and simple loop",
        arguments: sizes)
    func boundaryShapes(m: Int) {
        for k in Self.sizes {
            for n in Self.sizes {
                let (a, b) = Self.operands(m: m, k: k, n: n)
                let shape = "(\(m) x \(k))(\(k) x \(n))"
                for tile in MatrixProduct.RegisterTile.allCases {
                    Self.expectMatchesReference(
                        Self.kernelProduct(a, b, .packed(threads: 1), tile: tile), a, b, "packed \(tile) \(shape)")
                }
                Self.expectMatchesReference(Self.kernelProduct(a, b, .simpleLoop), a, b, "simple \(shape)")
            }
        }
    }

    @Test(
        "large and unbalanced shapes: across the 512-deep and 1024-wide blocks",
        arguments: [(129, 513, 65), (513, 129, 7), (7, 65, 1025), (65, 1025, 5), (49, 47, 1057), (1, 513, 1)])
    func largeShapes(m: Int, k: Int, n: Int) {
        let (a, b) = Self.operands(m: m, k: k, n: n)
        for tile in MatrixProduct.RegisterTile.allCases {
            Self.expectMatchesReference(
                Self.kernelProduct(a, b, .packed(threads: 1), tile: tile), a, b,
                "packed \(tile) (\(m) x \(k))(\(k) x \(n))")
        }
        Self.expectMatchesReference((a * b).elements, a, b, "Matrix * (\(m) x \(k))(\(k) x \(n))")
    }

    @Test(
        "the threaded path: split by rows and by columns, uneven parts, more threads than tiles",
        arguments: [(257, 65, 31), (31, 65, 257), (7, 33, 9), (49, 129, 33), (1, 5, 65), (65, 5, 1)])
    func threadedShapes(m: Int, k: Int, n: Int) {
        let (a, b) = Self.operands(m: m, k: k, n: n)
        for threads in [2, 3] {
            for tile in MatrixProduct.RegisterTile.allCases {
                Self.expectMatchesReference(
                    Self.kernelProduct(a, b, .packed(threads: threads), tile: tile), a, b,
                    "\(threads) threads, \(tile) (\(m) x \(k))(\(k) x \(n))")
            }
        }
    }

    @Test("Matrix * takes two threads for a large product and agrees with one thread")
    func automaticLargeProduct() {
        // 257 x 256 x 260 multiplications exceed the two-thread threshold 256³.
        let (a, b) = Self.operands(m: 257, k: 256, n: 260)
        let automatic = (a * b).elements
        Self.expectMatchesReference(automatic, a, b, "Matrix * (257 x 256)(256 x 260)")
        // The threads split C into disjoint parts, each summed in the same order
        // as on one thread, so the results are identical bit for bit, whichever
        // register tile computes them (each entry is one chain over p either way).
        for tile in MatrixProduct.RegisterTile.allCases {
            #expect(automatic == Self.kernelProduct(a, b, .packed(threads: 1), tile: tile), "\(tile)")
        }
    }

    @Test("Matrix * on the shapes of the book's small networks")
    func smallNetworkShapes() {
        for (m, k, n) in [(2, 2, 2), (100, 2, 2), (100, 2, 1), (32, 64, 10), (10, 64, 32), (1, 1, 7)] {
            let (a, b) = Self.operands(m: m, k: k, n: n)
            Self.expectMatchesReference((a * b).elements, a, b, "Matrix * (\(m) x \(k))(\(k) x \(n))")
        }
    }
}
