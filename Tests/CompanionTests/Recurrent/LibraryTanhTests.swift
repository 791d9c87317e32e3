import Foundation
import Testing

@testable import DLMath

@Suite("The recurrent cells' tanh, eight lanes at a time")
struct LibraryTanhTests {
    /// `count` inputs spread over every branch of expm1: log-uniform magnitudes from 2⁻⁵⁶ to 2⁵,
    /// uniform ones up to 23 and up to 1.2, both signs.
    func inputs(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) * 0x1p-53
            let magnitude = [exp2(-56 + 61 * unit), 23 * unit, 1.2 * unit][index % 3]
            return state & 1 == 0 ? magnitude : -magnitude
        }
    }

    @Test("the lanes give the C library's tanh to the bit, on 2¹⁸ inputs and the edges of each range")
    func bitForBit() {
        var values = inputs(1 << 18, seed: 11)
        values += [1, -1, 0.5 * log(2.0), 0.75 * log(2.0), 19.5, -19.6, 21.999_999_999_999_996]
        values += [Double(bitPattern: 0x3C80_0000_0000_0000), Double(bitPattern: 0x3FEF_FFFF_FFFF_FFFF)]
        var compared = 0, differing = 0, largestUlps = 0.0
        for first in stride(from: 0, to: values.count - 7, by: 8) {
            let block = SIMD8<Double>(values[first..<(first + 8)])
            guard let lanes = LibraryTanh.tanh(block) else { continue }
            for lane in 0..<8 {
                let expected = Foundation.tanh(block[lane])
                compared += 1
                if lanes[lane].bitPattern != expected.bitPattern {
                    differing += 1
                    largestUlps = max(largestUlps, abs(lanes[lane] - expected) / expected.ulp)
                }
            }
        }
        #expect(compared > 150_000)
        #if os(Linux) && arch(x86_64)
            // glibc's build for x86-64 with FMA, whose operations the lanes repeat.
            #expect(differing == 0)
            #expect(LibraryTanh.matchesLibrary)
        #else
            // Another C library: the same algorithm's accuracy, within 2 ulp of it.
            #expect(largestUlps <= 2)
        #endif
    }

    @Test("blocks with a zero, a tiny value, |x| ≥ 22, ±∞ or NaN go through the C library")
    func edges() {
        var values: [Double] = [0, -0.0, 1e-300, -1e-17, 22, -40, .infinity, -.infinity, .nan, 0.3, -2.5]
        values += (0..<21).map { Double($0) / 7 - 1.5 }
        let expected = values.map { Foundation.tanh($0) }
        LibraryTanh.applyInPlace(&values)
        for (value, reference) in zip(values, expected) {
            #expect(value.bitPattern == reference.bitPattern || (value.isNaN && reference.isNaN))
        }
        #expect(LibraryTanh.tanh(SIMD8<Double>(repeating: 0)) == nil)
        #expect(LibraryTanh.tanh(SIMD8<Double>(repeating: 22)) == nil)
    }
}
