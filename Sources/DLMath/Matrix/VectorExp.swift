/// eˣ for eight Doubles at once: the `exp` of softmax and sigmoid over
/// whole matrices, in place of one call of the C library per element.
///
/// Method (the usual one, e.g. Cody and Waite; Muller, Elementary Functions);
/// n is found by adding 1.5 · 2⁵², which rounds to an integer held in the low bits:
///
///     n = round(x / ln 2),   r = x − n·ln2ₕᵢ − n·ln2ₗₒ   (|r| ≤ ½ ln 2 ≈ 0.347)
///     eʳ ≈ Σₖ₌₀¹³ rᵏ/k!      (Horner; the truncation r¹⁴/14! < 5e-18)
///     eˣ = 2ⁿ eʳ              (2ⁿ built from its exponent bits, in two
///                              factors when 2ⁿ alone would be subnormal)
///
/// ln2ₕᵢ has its low 32 bits zero, so n·ln2ₕᵢ is exact for |n| < 2²⁰ and r
/// carries no cancellation error. Edges: eˣ = 1 exactly at x = 0 (r = 0, n = 0);
/// +∞ for x > 709.782712893384 (the largest x with a finite eˣ), 0 for
/// x < −745.1332191019412 (below half the smallest subnormal), subnormal
/// results in between, NaN for NaN, e^+∞ = +∞, e^−∞ = 0.
///
/// Error, measured against the C library's `exp` (correctly rounded to
/// within about 0.5 ulp) by `VectorExpTests` over a dense sweep of
/// [−745.2, 709.8]: at most 2 ulp of the result (1 ulp in most of the
/// range), including the subnormal range, where the ulp is 2⁻¹⁰⁷⁴.
public enum VectorExp {
    /// Eight lanes of `Double`, the width the kernels work in.
    public typealias Vector = SIMD8<Double>

    static let log2e = 1.4426950408889634
    /// ln 2 split as hi + lo, hi with 32 trailing zero bits.
    static let ln2Hi = 0.6931471803691238
    static let ln2Lo = 1.9082149292705877e-10
    static let overflow = 709.782712893384
    static let underflow = -745.1332191019412
    /// 1.5 · 2⁵²: adding it rounds a Double of magnitude < 2⁵¹ to an integer,
    /// held in the low bits of the sum.
    static let shifter = 6755399441055744.0

    /// eˣ for each lane.
    @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        // Clamp so that n stays in a range where 2ⁿ can be built; the edges are fixed below.
        var clamped = x
        clamped.replace(with: -746, where: x .< -746)
        clamped.replace(with: 710, where: x .> 710)
        let shifted = clamped * log2e + shifter
        let n = shifted - shifter
        let whole = unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- Int64(bitPattern: shifter.bitPattern)
        let r = (clamped - n * ln2Hi) - n * ln2Lo
        // Σₖ₌₀¹³ rᵏ/k! by Horner, from 1/13! down.
        var p = Vector(repeating: 1.0 / 6227020800)
        p = p * r + 1.0 / 479001600
        p = p * r + 1.0 / 39916800
        p = p * r + 1.0 / 3628800
        p = p * r + 1.0 / 362880
        p = p * r + 1.0 / 40320
        p = p * r + 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2ⁿ as 2^(n − h) · 2^h with h = ⌊n/2⌋: both factors are normal for
        // n in [−1076, 1024], so only the last multiplication rounds.
        let half = whole &>> 1
        var result = p * powerOfTwo(whole &- half) * powerOfTwo(half)
        result.replace(with: .infinity, where: x .> overflow)
        result.replace(with: 0, where: x .< underflow)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// 2ᵏ for integers k in [−1022, 1023], from the exponent bits.
    @inline(__always)
    static func powerOfTwo(_ k: SIMD8<Int64>) -> Vector {
        unsafeBitCast((k &+ 1023) &<< 52, to: Vector.self)
    }

    /// y[i] = e^(x[i]) for `count` values (x and y may be the same buffer).
    public static func exp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: exp(v), as: Vector.self)
            i += 8
        }
        if i < count {
            var tail = Vector(repeating: 0)
            for j in 0..<count - i { tail[j] = x[i + j] }
            let e = exp(tail)
            for j in 0..<count - i { y[i + j] = e[j] }
        }
    }

    /// eˣ for one value, through the vector kernel (for tests and scalar call sites
    /// that must agree with the vector path).
    public static func exp(_ x: Double) -> Double { exp(Vector(repeating: x))[0] }

    /// σ(x) = 1/(1 + e⁻ˣ) per lane, in the form of the scalar `logistic`:
    /// with e = e^−|x|, 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0 (no overflow).
    @inline(__always)
    public static func logistic(_ x: Vector) -> Vector {
        let (upper, lower) = logisticPair(x)
        var result = upper
        result.replace(with: lower, where: x .< 0)
        return result
    }

    /// (σ(|x|), σ(−|x|)) per lane: 1/(1 + e) and e/(1 + e) with e = e^−|x|.
    /// Their product is σ(x)σ(−x) = σ′(x) whatever the sign of x.
    @inline(__always)
    public static func logisticPair(_ x: Vector) -> (upper: Vector, lower: Vector) {
        var magnitude = x
        magnitude.replace(with: -x, where: x .< 0)
        let e = exp(-magnitude)
        let denominator = 1 + e
        return (1 / denominator, e / denominator)
    }
}
