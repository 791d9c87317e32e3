import Foundation

/// tanh, eight lanes at a time, computed the way the C library computes it,
/// so that the values are the C library's to the bit: the recurrent cells'
/// tanh, whose last bits decide chapter 13's trained networks.
///
/// The C library's tanh (glibc's, fdlibm's algorithm) for 2⁻⁵⁵ ≤ |x| < 22:
///
///     |x| ≥ 1:  t = expm1(2|x|),    tanh|x| = 1 − 2/(t + 2)
///     |x| < 1:  t = expm1(−2|x|),   tanh|x| = −t/(t + 2)
///
/// and expm1(a) reduces a = k ln 2 + r (|r| ≤ ½ ln 2, ln 2 split in a high
/// part exact in k·ln2_hi and a low part, the rounding error of r kept in c),
/// evaluates a rational approximation of degree 10 in r (the polynomial in
/// r²/2 with coefficients Q1…Q5, exactly as fdlibm's s_expm1.c), and scales
/// by 2ᵏ by adding k to the exponent. Every operation here is the one of the
/// library's x86-64 build for CPUs with fused multiply-add (`__expm1_fma`):
/// the same constants, the same fused multiply-adds where that build has
/// them and separate products and sums where it has those, the same
/// branches (as selects between lanes). The error is the library's, under
/// 1 ulp of the true tanh.
///
/// Outside that range (|x| < 2⁻⁵⁵, zeros, |x| ≥ 22, infinities, NaN) a
/// block of eight falls back to `Foundation.tanh` lane by lane. On another C
/// library the values could differ in the last bit, so `tanhEntries` uses
/// the lanes only after `matchesLibrary` has compared them with
/// `Foundation.tanh` on a sweep of inputs, once per process.
enum LibraryTanh {
    typealias Lanes = SIMD8<Double>
    typealias Words = SIMD8<Int64>

    private static let ln2High = Double(bitPattern: 0x3FE6_2E42_FEE0_0000)
    private static let ln2Low = Double(bitPattern: 0x3DEA_39EF_3579_3C76)
    private static let inverseLn2 = Double(bitPattern: 0x3FF7_1547_652B_82FE)
    private static let q1 = Double(bitPattern: 0xBFA1_1111_1111_10F4)
    private static let q2 = Double(bitPattern: 0x3F5A_01A0_19FE_5585)
    private static let q3 = Double(bitPattern: 0xBF14_CE19_9EAA_DBB7)
    private static let q4 = Double(bitPattern: 0x3ED0_CFCA_86E6_5239)
    private static let q5 = Double(bitPattern: 0xBE8A_FDB7_6E09_C32D)

    @inline(__always) private static func words(_ x: Lanes) -> Words { unsafeBitCast(x, to: Words.self) }
    @inline(__always) private static func lanes(_ w: Words) -> Lanes { unsafeBitCast(w, to: Lanes.self) }
    /// The smallest Double whose high word (of |x|) is above `word`: fdlibm's test
    /// "high word of |x| > word" is |x| ≥ this (the order of positive Doubles is that of their bits).
    @inline(__always) private static func above(_ word: Int64) -> Double { Double(bitPattern: UInt64(word + 1) << 32) }
    /// 1.5·2⁵²: added to an integer below 2⁵¹ in magnitude, exactly, it leaves the integer in the low bits.
    private static let magic = Lanes(repeating: 0x1.8p52)
    /// The integer value of integer-valued lanes (|k| < 2⁵¹).
    @inline(__always) private static func integers(_ k: Lanes) -> Words { words(k + magic) &- words(magic) }
    /// 2ᵏ for integer-valued lanes −1022 ≤ k ≤ 1023.
    @inline(__always) private static func power(_ k: Lanes) -> Lanes { lanes((integers(k) &+ 1023) &<< 52) }
    /// y · 2ᵏ by adding k to the exponent field (no overflow or underflow in tanh's range).
    @inline(__always) private static func scaled(_ y: Lanes, _ k: Lanes) -> Lanes {
        lanes(words(y) &+ (integers(k) &<< 52))
    }

    /// v rounded toward zero (as `cvttsd2si` does), for |v| < 2⁵¹.
    @inline(__always) private static func truncated(_ v: Lanes) -> Lanes {
        let magnitude = lanes(words(v) & 0x7FFF_FFFF_FFFF_FFFF)
        var nearest = (magnitude + magic) - magic
        nearest.replace(with: nearest - 1, where: nearest .> magnitude)
        return nearest.replacing(with: -nearest, where: v .< 0)
    }

    /// expm1(a) for 2⁻⁵⁴ ≤ |a| < 56 ln 2 + 8 (what tanh asks for), as the library computes it.
    /// Integers k are kept as Doubles (exact), so that every test is a comparison of Doubles.
    @inline(__always) static func expm1(_ a: Lanes) -> Lanes {
        let magnitude = lanes(words(a) & 0x7FFF_FFFF_FFFF_FFFF)
        let negative = a .< 0
        let reduced = magnitude .>= above(0x3FD6_2E42)  // |a| > ½ ln 2: k ≠ 0
        let nearOne = reduced .& (magnitude .< above(0x3FF0_A2B1))  // |a| < 1.5 ln 2: k = ±1
        // k = trunc(a / ln 2 ± ½): r = (a − k·ln2_hi) − k·ln2_lo, the first a fused multiply-add.
        let rounding = Lanes(repeating: 0.5).replacing(with: -0.5, where: negative)
        var k = truncated(a * inverseLn2 + rounding)
        var hi = a.addingProduct(-k, ln2High), lo = k * ln2Low
        k.replace(with: Lanes(repeating: 1).replacing(with: -1, where: negative), where: nearOne)
        hi.replace(with: (a - ln2High).replacing(with: a + ln2High, where: negative), where: nearOne)
        lo.replace(with: Lanes(repeating: ln2Low).replacing(with: -ln2Low, where: negative), where: nearOne)
        k.replace(with: 0, where: .!reduced)
        var x = hi - lo
        var c = (hi - x) - lo
        x.replace(with: a, where: .!reduced)
        c.replace(with: 0, where: .!reduced)

        let halfX = 0.5 * x, hxs = x * halfX
        let r1 = Lanes(repeating: 1).addingProduct(hxs, q1)
        let r2 = Lanes(repeating: q2).addingProduct(hxs, q3)
        let r3 = Lanes(repeating: q4).addingProduct(hxs, q5)
        let h2 = hxs * hxs, h4 = h2 * h2
        let r = r1.addingProduct(h2, r2).addingProduct(h4, r3)
        let s = Lanes(repeating: 3).addingProduct(-r, halfX)
        let e = (r - s) / Lanes(repeating: 6).addingProduct(-x, s) * hxs

        // k = 0: x − (x e − hxs).
        var result = x - (-hxs).addingProduct(e, x)
        guard any(reduced) else { return result }
        let f = (-c).addingProduct(e - c, x) - hxs  // e ← x (e − c) − c − hxs
        // k = −1: ½ (x − f) − ½.
        result.replace(with: Lanes(repeating: -0.5).addingProduct(0.5, x - f), where: k .== -1)
        // k = 1: −2 (f − (x + ½)) below x = −¼, else 1 + 2 (x − f).
        let plusOne = Lanes(repeating: 1).addingProduct(x - f, 2).replacing(
            with: (f - (x + 0.5)) * -2, where: x .< -0.25)
        result.replace(with: plusOne, where: k .== 1)
        // k ≤ −2 or k > 56: (1 − (f − x))·2ᵏ − 1.
        result.replace(with: scaled(1 - (f - x), k) - 1, where: (k .<= -2) .| (k .> 56))
        // 2 ≤ k < 20: ((1 − 2⁻ᵏ) − (f − x))·2ᵏ (1 − 2⁻ᵏ is exact: the library builds it from its bits).
        let inverse = power(-k.replacing(with: 0, where: (k .< 2) .| (k .> 56)))
        result.replace(with: scaled((1 - inverse) - (f - x), k), where: (k .>= 2) .& (k .< 20))
        // 20 ≤ k ≤ 56: ((x − (f + 2⁻ᵏ)) + 1)·2ᵏ.
        result.replace(with: scaled((x - (f + inverse)) + 1, k), where: (k .>= 20) .& (k .<= 56))
        return result
    }

    /// tanh of eight lanes; nil when a lane is outside 2⁻⁵⁵ ≤ |x| < 22 (or NaN).
    @inline(__always) static func tanh(_ x: Lanes) -> Lanes? {
        let magnitude = lanes(words(x) & 0x7FFF_FFFF_FFFF_FFFF)
        guard all((magnitude .>= above(0x3C7F_FFFF)) .& (magnitude .< above(0x4035_FFFF))) else { return nil }
        let atLeastOne = magnitude .>= above(0x3FEF_FFFF)
        let t = expm1((magnitude * -2).replacing(with: magnitude + magnitude, where: atLeastOne))
        let z = (-t / (t + 2)).replacing(with: 1 - 2 / (t + 2), where: atLeastOne)
        return z.replacing(with: -z, where: x .< 0)
    }

    /// `count` values tanh(source[i]) into `target`: eight lanes at a time, the rest and any
    /// block with a value outside the lanes' range through `Foundation.tanh`.
    static func apply(_ source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>, count: Int) {
        var index = 0
        while index + 8 <= count {
            let block = UnsafeRawPointer(source + index).loadUnaligned(as: Lanes.self)
            if let value = tanh(block) {
                UnsafeMutableRawPointer(target + index).storeBytes(of: value, as: Lanes.self)
            } else {
                for lane in 0..<8 { target[index + lane] = Foundation.tanh(source[index + lane]) }
            }
            index += 8
        }
        while index < count {
            target[index] = Foundation.tanh(source[index])
            index += 1
        }
    }

    /// tanh of every value, in place: the C library's values, through the lanes when
    /// `matchesLibrary`, else through `Foundation.tanh`.
    static func applyInPlace(_ values: inout [Double]) {
        let count = values.count
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            if matchesLibrary {
                apply(UnsafePointer(base), into: base, count: count)
            } else {
                for index in 0..<count { base[index] = Foundation.tanh(base[index]) }
            }
        }
    }

    /// Whether the lanes give `Foundation.tanh`'s values to the bit on a sweep of
    /// 2¹⁷ inputs: every branch of expm1 (k = 0, −1, −2…−3, 3…19, 20…56, 57…63)
    /// with a spread of mantissas, both signs, and the edges of each range.
    /// Computed once, at the first use.
    static let matchesLibrary: Bool = {
        var inputs: [Double] = [1, 0.5 * log(2.0), 1.5 * log(2.0) / 2, 19.5, 21.999_999_999_999_996]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in 0..<(1 << 17) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) * 0x1p-53
            let magnitude = index % 4 == 0 ? exp2(-54 + 58.4 * unit) : 22 * unit
            inputs.append(index % 2 == 0 ? magnitude : -magnitude)
        }
        while inputs.count % 8 != 0 { inputs.append(0.25) }
        for first in stride(from: 0, to: inputs.count, by: 8) {
            let block = Lanes(inputs[first..<(first + 8)])
            guard let value = tanh(block) else { continue }
            for lane in 0..<8 where value[lane].bitPattern != Foundation.tanh(block[lane]).bitPattern {
                return false
            }
        }
        return true
    }()
}
