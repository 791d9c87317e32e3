import DLMath
import Testing

/// `MatrixProduct.multiply(..., overwriting: true)`: C ← op(A) op(B) without
/// reading C, so that a new result matrix need not be zero-filled first.
///
/// C starts full of NaN (what uninitialised memory could hold, and the value
/// that would show if any entry were read or left unwritten); the result must
/// equal, bit for bit, the product into a zeroed C (the kernel's sums start at
/// +0, so storing a sum s gives what 0 + s gives).
@Suite("Matrix product, overwriting C")
struct OverwritingProductTests {
    static let strategies: [MatrixProduct.Strategy] = [.simpleLoop, .packed(threads: 1), .packed(threads: 2), .direct]

    /// op(A) op(B) into C that starts at `start` (every entry), with or without `overwriting`.
    static func product(
        _ a: Matrix, _ b: Matrix, m: Int, k: Int, n: Int, transposedA: Bool, transposedB: Bool,
        start: Double, overwriting: Bool, strategy: MatrixProduct.Strategy
    ) -> [Double] {
        var c = [Double](repeating: start, count: m * n)
        a.elements.withUnsafeBufferPointer { ap in
            b.elements.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.multiply(
                        ap.baseAddress, bp.baseAddress, into: cp.baseAddress, m: m, k: k, n: n,
                        transposedA: transposedA, transposedB: transposedB,
                        overwriting: overwriting, strategy: strategy)
                }
            }
        }
        return c
    }

    /// Shapes across the 6-row and 32-column tiles, the narrow 8-column
    /// sliver, and a second 512-deep block (k = 513: that block must add).
    @Test(
        "same bits as into a zeroed C, on every path, shape and transposition",
        arguments: [(5, 7, 9), (32, 64, 100), (37, 513, 41), (100, 32, 10), (64, 100, 64)])
    func matchesZeroedStart(m: Int, k: Int, n: Int) {
        var generator = SeededGenerator(seed: UInt64(m * 10_007 + k * 101 + n))
        for transposedA in [false, true] {
            for transposedB in [false, true] {
                let a =
                    transposedA
                    ? generator.uniformMatrix(rows: k, columns: m, low: -1, high: 1)
                    : generator.uniformMatrix(rows: m, columns: k, low: -1, high: 1)
                let b =
                    transposedB
                    ? generator.uniformMatrix(rows: n, columns: k, low: -1, high: 1)
                    : generator.uniformMatrix(rows: k, columns: n, low: -1, high: 1)
                for strategy in Self.strategies {
                    let zeroed = Self.product(
                        a, b, m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB,
                        start: 0, overwriting: false, strategy: strategy)
                    let overwritten = Self.product(
                        a, b, m: m, k: k, n: n, transposedA: transposedA,
                        transposedB: transposedB, start: .nan, overwriting: true,
                        strategy: strategy)
                    let label = "(\(m) x \(k) x \(n)) Aᵀ \(transposedA) Bᵀ \(transposedB) \(strategy)"
                    #expect(overwritten.allSatisfy { !$0.isNaN }, "\(label): an entry left unwritten")
                    #expect(overwritten.map(\.bitPattern) == zeroed.map(\.bitPattern), "\(label)")
                }
            }
        }
    }

    @Test("k = 0: the empty sum, so C becomes 0 whatever it held")
    func emptyInnerDimension() {
        for strategy in Self.strategies + [.automatic] {
            let c = Self.product(
                Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 3), m: 2, k: 0, n: 3,
                transposedA: false, transposedB: false, start: .nan, overwriting: true,
                strategy: strategy)
            #expect(c == [0, 0, 0, 0, 0, 0], "\(strategy)")
        }
    }

    @Test("without overwriting, the product is added to what C held")
    func accumulates() {
        // [[1, 2]] [[3], [4]] = 1·3 + 2·4 = 11, added to 0.5: 11.5 (exact in binary).
        for strategy in Self.strategies {
            let c = Self.product(
                [[1, 2]], [[3], [4]], m: 1, k: 2, n: 1, transposedA: false, transposedB: false,
                start: 0.5, overwriting: false, strategy: strategy)
            #expect(c == [11.5], "\(strategy)")
        }
    }
}
