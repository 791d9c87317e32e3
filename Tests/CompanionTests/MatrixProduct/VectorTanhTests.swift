import DLMath
import Foundation
import Testing

/// The vector tanh against the C library's `tanh` (glibc's, within about
/// 1 ulp of the exact value), in ulp of the C library's result.
@Suite("Vector tanh")
struct VectorTanhTests {
    /// The largest error over `inputs`, eight lanes at a time.
    static func worstError(_ inputs: [Double]) -> (ulps: Double, at: Double) {
        var outputs = inputs
        inputs.withUnsafeBufferPointer { x in
            outputs.withUnsafeMutableBufferPointer { y in
                VectorTanh.tanh(x.baseAddress!, into: y.baseAddress!, count: x.count)
            }
        }
        var worst = (ulps: 0.0, at: inputs[0])
        for (x, y) in zip(inputs, outputs) {
            let error = VectorExpTests.ulps(y, Foundation.tanh(x))
            if error > worst.ulps { worst = (error, x) }
        }
        return worst
    }

    /// `count` + 1 evenly spaced points of [low, high].
    static func sweep(from low: Double, to high: Double, count: Int) -> [Double] {
        (0...count).map { low + (high - low) * Double($0) / Double(count) }
    }

    @Test("within 3 ulp over a dense sweep of [−20, 20], across the series/exponential switch at 0.625")
    func wholeRange() {
        let worst = Self.worstError(Self.sweep(from: -20, to: 20, count: 400_001))
        #expect(worst.ulps <= 3, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("within 3 ulp on [−0.7, 0.7], around the switch, densely")
    func aroundTheSwitch() {
        let worst = Self.worstError(Self.sweep(from: -0.7, to: 0.7, count: 200_001))
        #expect(worst.ulps <= 3, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("relative accuracy kept near 0: within 3 ulp for |x| from 10⁻³⁰⁰ to 10⁻¹")
    func tinyArguments() {
        // x = ±10^e for e from −300 to −1 in steps of 0.01: tanh x ≈ x − x³/3, no cancellation allowed.
        let magnitudes = (0...29_900).map { pow(10, -300 + Double($0) / 100) }
        let worst = Self.worstError(magnitudes + magnitudes.map { -$0 })
        #expect(worst.ulps <= 3, "worst \(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test("tanh(±0) = ±0, ±1 for large |x| and ±∞, subnormals passed on, NaN passed on")
    func edges() {
        #expect(VectorTanh.tanh(0.0) == 0 && VectorTanh.tanh(0.0).sign == .plus)
        #expect(VectorTanh.tanh(-0.0) == 0 && VectorTanh.tanh(-0.0).sign == .minus)
        // tanh x = x − x³/3 + …: for the smallest subnormal, x itself.
        #expect(VectorTanh.tanh(Double.leastNonzeroMagnitude) == Double.leastNonzeroMagnitude)
        #expect(VectorTanh.tanh(-Double.leastNonzeroMagnitude) == -Double.leastNonzeroMagnitude)
        // 1 − tanh 20 ≈ 2e⁻⁴⁰ ≈ 8.5e-18 < 2⁻⁵⁴: rounds to 1; e²ᵃ overflows from a ≈ 354.9 on.
        for x in [20.0, 354.0, 355.0, 1000.0, Double.greatestFiniteMagnitude, .infinity] {
            #expect(VectorTanh.tanh(x) == 1, "tanh(\(x))")
            #expect(VectorTanh.tanh(-x) == -1, "tanh(\(-x))")
        }
        #expect(VectorTanh.tanh(Double.nan).isNaN)
    }

    @Test("tanh 1 and tanh ½ by their known digits")
    func knownValues() {
        // tanh 1 = (e² − 1)/(e² + 1) = 0.7615941559557649, tanh ½ = 0.46211715726000974 (nearest Doubles).
        #expect(abs(VectorTanh.tanh(1.0) - 0.7615941559557649) <= 2 * 0.7615941559557649.ulp)
        #expect(abs(VectorTanh.tanh(0.5) - 0.46211715726000974) <= 2 * 0.46211715726000974.ulp)
    }
}
