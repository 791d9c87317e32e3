import DLMath
import Foundation
import Testing

/// The vector exp against the C library's `exp` (glibc's, correctly rounded
/// to within about 0.5 ulp), in ulp of the C library's result.
@Suite("Vector exp")
struct VectorExpTests {
    /// |a − b| in units of b's ulp (the ulp of the smallest subnormal for 0
    /// and subnormal b); 0 when equal, infinite when only one is finite.
    static func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        guard a.isFinite && b.isFinite else { return .infinity }
        return abs(a - b) / max(b.ulp, Double.leastNonzeroMagnitude)
    }

    /// The largest error over `count` + 1 evenly spaced points of [low, high], eight lanes at a time.
    static func worstError(from low: Double, to high: Double, count: Int) -> (ulps: Double, at: Double) {
        var worst = (ulps: 0.0, at: low)
        var inputs = [Double](repeating: 0, count: count + 1)
        for i in 0...count { inputs[i] = low + (high - low) * Double(i) / Double(count) }
        var outputs = inputs
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { y in
                VectorExp.exp(x.baseAddress!, into: y.baseAddress!, count: x.count)
            }
        }
        for (x, y) in zip(inputs, outputs) {
            let error = ulps(y, Foundation.exp(x))
            if error > worst.ulps { worst = (error, x) }
        }
        return worst
    }

    @Test("within 2 ulp over a dense sweep of the whole range [−745.2, 709.8] (measured: 1 ulp)")
    func wholeRange() {
        let worst = Self.worstError(from: -745.2, to: 709.8, count: 400_000)
        #expect(worst.ulps <= 2, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("within 2 ulp on [−1, 1], where most arguments of softmax and sigmoid fall")
    func nearZero() {
        let worst = Self.worstError(from: -1, to: 1, count: 200_001)
        #expect(worst.ulps <= 2, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("within 2 ulp of the smallest subnormal across the subnormal results, x in [−745.13, −708.4]")
    func subnormalRange() {
        let worst = Self.worstError(from: -745.13, to: -708.4, count: 100_000)
        #expect(worst.ulps <= 2, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("exact at 0; +∞ past 709.78, 0 below −745.14, NaN passed on, e^±∞ = +∞ and 0")
    func edges() {
        #expect(VectorExp.exp(0.0) == 1)
        #expect(VectorExp.exp(-0.0) == 1)
        // 709.78 is just below ln(Double.greatestFiniteMagnitude) ≈ 709.7827: finite.
        #expect(VectorExp.exp(709.78).isFinite)
        #expect(VectorExp.exp(709.79) == .infinity)
        #expect(VectorExp.exp(1000.0) == .infinity)
        #expect(VectorExp.exp(Double.infinity) == .infinity)
        // e^−745.13 ≈ 4.94e-324 rounds to the smallest subnormal 2⁻¹⁰⁷⁴; e^−745.14 is below half of it.
        #expect(VectorExp.exp(-745.13) == Double.leastNonzeroMagnitude)
        #expect(VectorExp.exp(-745.14) == 0)
        #expect(VectorExp.exp(-1000.0) == 0)
        #expect(VectorExp.exp(-Double.infinity) == 0)
        #expect(VectorExp.exp(Double.nan).isNaN)
    }

    @Test("e¹ and e⁻¹ by their known digits")
    func knownValues() {
        // e = 2.718281828459045 (nearest Double), 1/e = 0.36787944117144233.
        #expect(abs(VectorExp.exp(1.0) - 2.718281828459045) <= 2.718281828459045.ulp)
        #expect(abs(VectorExp.exp(-1.0) - 0.36787944117144233) <= 0.36787944117144233.ulp)
    }
}
