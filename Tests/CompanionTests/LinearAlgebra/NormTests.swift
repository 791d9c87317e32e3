import DLMath
import Testing

@Suite("Norms")
struct NormTests {
    @Test("vector norms by hand")
    func vectorNorms() {
        let x: [Double] = [3, -4, 12]
        // |3| + |−4| + |12| = 19
        #expect(x.norm(.l1) == 19)
        // √(9 + 16 + 144) = √169 = 13 (the scaled sum rounds, so compare closely)
        expectClose(x.norm(.l2), 13)
        expectClose(x.norm(), 13, "L2 is the default")
        // max(3, 4, 12) = 12
        #expect(x.norm(.max) == 12)
    }

    @Test("norms are ordered: ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ ≤ n ‖x‖∞", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func ordering(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let x = (0..<10).map { _ in generator.normal() }
        #expect(x.norm(.max) <= x.norm(.l2))
        #expect(x.norm(.l2) <= x.norm(.l1))
        #expect(x.norm(.l1) <= 10 * x.norm(.max))
        // ‖x‖₂² = x · x, an independent computation.
        expectClose(x.norm(.l2) * x.norm(.l2), x.dot(x), absolute: 1e-12, relative: 1e-12)
    }

    @Test("the L2 norm neither overflows nor underflows")
    func scaling() {
        // A 3-4-5 triangle at extreme scales: squaring 3e200 would overflow to ∞,
        // squaring 3e-200 would underflow to 0.
        expectClose([3e200, 4e200].norm(.l2), 5e200, absolute: 0, relative: 1e-15)
        expectClose([3e-200, 4e-200].norm(.l2), 5e-200, absolute: 0, relative: 1e-15)
    }

    @Test("edge cases: empty, zero, NaN, infinity")
    func edgeCases() {
        for kind in Norm.allCases {
            #expect([Double]().norm(kind) == 0)
            #expect([0.0, 0].norm(kind) == 0)
            #expect([1, Double.nan].norm(kind).isNaN)
            #expect([1, -Double.infinity].norm(kind) == .infinity)
        }
    }

    @Test("matrix norms are entry-wise; Frobenius² = trace(AᵀA)")
    func matrixNorms() {
        let a: Matrix = [[1, -2], [-2, 4]]
        // 1 + 2 + 2 + 4 = 9;  √(1 + 4 + 4 + 16) = 5;  max |aᵢⱼ| = 4.
        #expect(a.norm(.l1) == 9)
        expectClose(a.frobeniusNorm, 5)
        expectClose(a.norm(), 5)
        #expect(a.norm(.max) == 4)
        var generator = SeededGenerator(seed: 3)
        let b = generator.normalMatrix(rows: 4, columns: 3)
        expectClose(b.frobeniusNorm * b.frobeniusNorm, (b.transposed * b).trace, absolute: 1e-12, relative: 1e-12)
    }
}
