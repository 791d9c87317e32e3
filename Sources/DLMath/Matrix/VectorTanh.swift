/// tanh x for eight Doubles at once, in place of one call of the C library
/// per element (glibc's `tanh` calls `expm1`, some 30 ns a value).
///
/// Not used yet by the tanh activation or the recurrent cells: within 2 ulp
/// is within rounding, but it changes digits the chapters print (chapter 8's
/// gradient-check errors, e.g. 5.53e-13 → 3.33e-12; chapter 13's RNN on the
/// T = 30 memory task, 0.293 → 0.465 after 560 Adam steps), so switching them
/// over needs those outputs reviewed first.
///
/// Method, with a = |x| and the sign put back at the end (tanh is odd):
///
///     a < 0.625:  tanh a = sinh a / cosh a = a (1 + A)/(1 + B)
///                        = a + a (A − B)/(1 + B), from the Taylor series
///                 sinh a = a (1 + A) = Σₖ₌₀⁸ a²ᵏ⁺¹/(2k+1)!,  cosh a = 1 + B = Σₖ₌₀⁹ a²ᵏ/(2k)!
///                 (the first omitted terms are below 2⁻⁵⁹ of the sums; the
///                 correction a (A − B)/(1 + B) ≈ −a³/3 is below 0.13 a)
///     a ≥ 0.625:  tanh a = 1 − 2/(e²ᵃ + 1)     (e²ᵃ by `VectorExp.exp`)
///
/// The series keep the relative accuracy near 0, where 1 − 2/(e²ᵃ + 1)
/// would cancel; from 0.625 on the subtraction loses at most a factor
/// 2/(e²ᵃ + 1)/tanh a < 0.8 of the error of the quotient. e²ᵃ overflows to
/// +∞ for a > 354.9, which gives 1 − 0 = 1, the correctly rounded value (tanh
/// rounds to 1 from a ≈ 19.06 on). Edges: tanh(±0) = ±0, tanh(±∞) = ±1, NaN
/// passed on.
///
/// Error, measured against the C library's `tanh` by `VectorTanhTests` over
/// dense sweeps of [−20, 20] and of [−10⁻³⁰⁰, 10⁻³⁰⁰] scaled values: at most
/// 2 ulp (the tests allow 3).
public enum VectorTanh {
    /// Eight lanes of `Double`, the width the kernels work in.
    public typealias Vector = SIMD8<Double>

    /// Below this |x| the series are used.
    static let seriesLimit = 0.625

    /// tanh x for each lane.
    @inline(__always)
    public static func tanh(_ x: Vector) -> Vector {
        let signBits = unsafeBitCast(x, to: SIMD8<UInt64>.self) & (1 << 63)
        let a = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt64>.self) & ~(1 << 63), to: Vector.self)
        // Series: sinh a = a (1 + a²/3! + a⁴/5! + … + a¹⁶/17!), cosh a = 1 + a²/2! + … + a¹⁸/18!.
        let s = a * a
        var odd = Vector(repeating: 1.0 / 355687428096000)  // 1/17!
        odd = odd * s + 1.0 / 1307674368000  // 1/15!
        odd = odd * s + 1.0 / 6227020800  // 1/13!
        odd = odd * s + 1.0 / 39916800  // 1/11!
        odd = odd * s + 1.0 / 362880  // 1/9!
        odd = odd * s + 1.0 / 5040  // 1/7!
        odd = odd * s + 1.0 / 120  // 1/5!
        odd = odd * s + 1.0 / 6  // 1/3!
        var even = Vector(repeating: 1.0 / 6402373705728000)  // 1/18!
        even = even * s + 1.0 / 20922789888000  // 1/16!
        even = even * s + 1.0 / 87178291200  // 1/14!
        even = even * s + 1.0 / 479001600  // 1/12!
        even = even * s + 1.0 / 3628800  // 1/10!
        even = even * s + 1.0 / 40320  // 1/8!
        even = even * s + 1.0 / 720  // 1/6!
        even = even * s + 1.0 / 24  // 1/4!
        even = even * s + 0.5  // 1/2!
        // sinh a / cosh a = a (1 + A)/(1 + B) = a + a (A − B)/(1 + B), with A = a²·odd ≈ a²/6 and
        // B = a²·even ≈ a²/2: the correction is below 0.13 a, so its rounding errors barely show.
        let oddPart = odd * s, evenPart = even * s
        var result = a + a * (oddPart - evenPart) / (1 + evenPart)
        // Exponential form (the lanes below the limit are replaced, so their e²ᵃ does not matter).
        let large = 1 - 2 / (VectorExp.exp(a + a) + 1)
        result.replace(with: large, where: a .>= seriesLimit)
        result = unsafeBitCast(unsafeBitCast(result, to: SIMD8<UInt64>.self) | signBits, to: Vector.self)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// tanh x for one value, through the vector kernel (for tests).
    public static func tanh(_ x: Double) -> Double { tanh(Vector(repeating: x))[0] }

    /// y[i] = tanh(x[i]) for `count` values (x and y may be the same buffer).
    public static func tanh(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: tanh(v), as: Vector.self)
            i += 8
        }
        if i < count {
            var tail = Vector(repeating: 0)
            for j in 0..<count - i { tail[j] = x[i + j] }
            let t = tanh(tail)
            for j in 0..<count - i { y[i + j] = t[j] }
        }
    }
}
