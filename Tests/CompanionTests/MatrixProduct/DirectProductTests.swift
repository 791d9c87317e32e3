import DLMath
import Testing

/// The unpacked path (`MatrixProduct.Strategy.direct`, taken automatically
/// for the products of training steps) against the packed kernel, with each
/// register tile (6 x 32 and 6 x 8 on x86-64, see `RegisterTile`): each entry
/// is the same chain of multiply-adds, so the results must agree bit for bit,
/// on shapes across every edge of the tiling: m mod 6 from 0 to 5; n a
/// multiple of 32, of 8, or neither (the overlapping last lane: n = 10 stores
/// columns 8 and 9 from a lane over columns 2 ..< 10); k from 1 to one whole
/// depth block; A and B stored as they are or transposed; C overwritten or
/// added to. C sits between guard values that must never change.
@Suite("Matrix product, unpacked path")
struct DirectProductTests {
    static let guardValue = -1234.5

    /// op(A) op(B) with `strategy` into C starting at `start`, inside a buffer
    /// with 8 guard values on each side; returns C and whether the guards held.
    static func product(
        _ a: [Double], _ b: [Double], m: Int, k: Int, n: Int, transposedA: Bool, transposedB: Bool,
        start: [Double], overwriting: Bool, strategy: MatrixProduct.Strategy,
        tile: MatrixProduct.RegisterTile = .forThisMachine
    ) -> (c: [Double], guardsHeld: Bool) {
        var buffer = [Double](repeating: guardValue, count: m * n + 16)
        for index in 0..<(m * n) { buffer[8 + index] = start[index] }
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                buffer.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.multiply(
                        ap.baseAddress, bp.baseAddress, into: cp.baseAddress! + 8, m: m, k: k, n: n,
                        transposedA: transposedA, transposedB: transposedB, overwriting: overwriting,
                        strategy: strategy, tile: tile)
                }
            }
        }
        let guards = buffer[..<8] + buffer[(8 + m * n)...]
        return (Array(buffer[8..<(8 + m * n)]), guards.allSatisfy { $0 == guardValue })
    }

    @Test(
        "same bits as the packed kernel, every edge of the tiling",
        arguments: [
            (32, 64, 100), (32, 100, 10), (100, 32, 10), (32, 10, 100), (64, 32, 100), (32, 100, 64),
            (1, 1, 8), (5, 7, 9), (7, 3, 15), (8, 512, 33), (13, 17, 31), (6, 6, 40), (11, 2, 63),
            (3, 100, 16), (4, 9, 97)
        ])
    func matchesPacked(m: Int, k: Int, n: Int) {
        var generator = SeededGenerator(seed: UInt64(m * 7919 + k * 104_729 + n))
        for transposedA in [false, true] {
            for transposedB in [false, true] {
                let a = generator.uniformMatrix(rows: m, columns: k, low: -1, high: 1).elements
                let b = generator.uniformMatrix(rows: k, columns: n, low: -1, high: 1).elements
                let start = generator.uniformMatrix(rows: m, columns: n, low: -1, high: 1).elements
                for overwriting in [true, false] {
                    let label = "(\(m) x \(k) x \(n)) Aᵀ \(transposedA) Bᵀ \(transposedB) overwriting \(overwriting)"
                    let packed = Self.product(
                        a, b, m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB,
                        start: start, overwriting: overwriting, strategy: .packed(threads: 1), tile: .fourLanes)
                    for tile in MatrixProduct.RegisterTile.allCases {
                        for strategy in [MatrixProduct.Strategy.direct, .packed(threads: 1)] {
                            let other = Self.product(
                                a, b, m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB,
                                start: start, overwriting: overwriting, strategy: strategy, tile: tile)
                            #expect(other.guardsHeld, "\(label) \(strategy) \(tile): wrote outside C")
                            #expect(
                                other.c.map(\.bitPattern) == packed.c.map(\.bitPattern),
                                "\(label) \(strategy) \(tile)")
                        }
                    }
                }
            }
        }
    }

    /// The same products against sums written out as scalar loops (separate
    /// multiply and add, so within a few ulp, not bit for bit): the packed
    /// comparison above would also pass if both paths were wrong the same way.
    @Test("against the sums written out", arguments: [(7, 5, 10), (13, 9, 33), (6, 4, 8)])
    func matchesScalarSums(m: Int, k: Int, n: Int) {
        var generator = SeededGenerator(seed: UInt64(m + 31 * k + 977 * n))
        for transposedA in [false, true] {
            for transposedB in [false, true] {
                let a = generator.uniformMatrix(rows: m, columns: k, low: -1, high: 1).elements
                let b = generator.uniformMatrix(rows: k, columns: n, low: -1, high: 1).elements
                // op(A)[i, p] and op(B)[p, j] as the kernel must read them.
                let opA = { (i: Int, p: Int) in transposedA ? a[p * m + i] : a[i * k + p] }
                let opB = { (p: Int, j: Int) in transposedB ? b[j * k + p] : b[p * n + j] }
                for tile in MatrixProduct.RegisterTile.allCases {
                    let c = Self.product(
                        a, b, m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB,
                        start: [Double](repeating: 0, count: m * n), overwriting: true, strategy: .direct, tile: tile
                    ).c
                    for i in 0..<m {
                        for j in 0..<n {
                            var sum = 0.0
                            var magnitude = 0.0
                            for p in 0..<k {
                                sum += opA(i, p) * opB(p, j)
                                magnitude += abs(opA(i, p) * opB(p, j))
                            }
                            let error = abs(c[i * n + j] - sum)
                            #expect(
                                error <= 4 * Double(k) * Double.ulpOfOne * magnitude,
                                "(\(m) x \(k) x \(n)) \(tile) Aᵀ \(transposedA) Bᵀ \(transposedB) [\(i), \(j)]: \(c[i * n + j]) vs \(sum)"
                            )
                        }
                    }
                }
            }
        }
    }

    @Test("the automatic choice takes the unpacked path only where it holds")
    func automaticChoice() {
        // A 100 x 600 x 16 product (k past one depth block) and a 40 x 64 x 4
        // one (n under a lane) must still be right: they go through the packed kernel.
        var generator = SeededGenerator(seed: 5)
        for (m, k, n) in [(100, 600, 16), (40, 64, 4), (48, 48, 48)] {
            let a = generator.uniformMatrix(rows: m, columns: k, low: -1, high: 1).elements
            let b = generator.uniformMatrix(rows: k, columns: n, low: -1, high: 1).elements
            let zero = [Double](repeating: 0, count: m * n)
            let automatic = Self.product(
                a, b, m: m, k: k, n: n, transposedA: false, transposedB: false, start: zero, overwriting: true,
                strategy: .automatic)
            let packed = Self.product(
                a, b, m: m, k: k, n: n, transposedA: false, transposedB: false, start: zero, overwriting: true,
                strategy: .packed(threads: 1))
            #expect(automatic.guardsHeld)
            #expect(automatic.c.map(\.bitPattern) == packed.c.map(\.bitPattern), "(\(m) x \(k) x \(n))")
        }
    }
}
