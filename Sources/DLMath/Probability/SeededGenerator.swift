import Foundation

/// A seedable pseudo-random generator that gives the same sequence on every
/// platform: xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// The algorithm uses only 64-bit integer shifts, rotations, multiplications
/// and xors, so the raw 64-bit outputs are bit-for-bit identical on Linux,
/// macOS and any other platform. Derived values:
/// - `uniform()` in [0, 1): the top 53 bits, k · 2⁻⁵³, exact on every platform;
/// - `normal()`: the Marsaglia polar method, which needs `sqrt` (correctly
///   rounded by IEEE 754) and `log` from the platform's C library; the
///   printed digits agree everywhere, the last bit may in principle differ
///   between C libraries;
/// - integers in a range: Lemire's multiply-shift with rejection, unbiased.
///
/// It conforms to `RandomNumberGenerator`, so Swift's own `shuffled(using:)`
/// and `random(in:using:)` accept it; their algorithms are not specified by
/// the standard library, though, so this module uses its own `shuffle` and
/// `integer(below:)` to keep results reproducible across Swift versions.
///
///     var rng = SeededGenerator(seed: 42)
///     rng.uniform()      // the same number on every machine
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second normal deviate of the last polar-method pair, if unused.
    private var spareNormal: Double?

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (0 included) over the 256-bit state.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform number in [0, 1): k · 2⁻⁵³ with k the top 53 bits of `next()`.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform number in [low, high): low + (high − low) · U.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        precondition(low <= high, "uniform: low \(low) > high \(high)")
        return low + (high - low) * uniform()
    }

    /// A standard normal deviate N(0, 1) by the Marsaglia polar method:
    /// draw (u, v) uniform in the unit disc, s = u² + v², then u·√(−2 ln s / s)
    /// and v·√(−2 ln s / s) are independent N(0, 1). The second is kept for the next call.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * Foundation.log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A normal deviate with mean μ and standard deviation σ: μ + σ Z.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        precondition(standardDeviation >= 0, "normal: standard deviation \(standardDeviation) < 0")
        return mean + standardDeviation * normal()
    }

    /// A uniform integer in 0..<n (n > 0), unbiased (Lemire 2019).
    public mutating func integer(below n: Int) -> Int {
        precondition(n > 0, "integer(below:): n = \(n) must be positive")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A uniform integer in the closed range.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + integer(below: range.upperBound - range.lowerBound + 1)
    }

    /// True with probability p (a Bernoulli(p) draw): U < p.
    public mutating func bernoulli(_ p: Double) -> Bool {
        precondition(p >= 0 && p <= 1, "bernoulli: p = \(p) is not in [0, 1]")
        return uniform() < p
    }

    /// An index drawn with probability proportional to `weights[i]` (a categorical draw).
    /// Weights must be non-negative with a positive sum.
    public mutating func categorical(_ weights: [Double]) -> Int {
        precondition(
            !weights.isEmpty && weights.allSatisfy { $0 >= 0 && $0.isFinite },
            "categorical: weights must be non-negative and finite")
        let total = weights.reduce(0, +)
        precondition(total > 0, "categorical: weights sum to 0")
        let target = uniform() * total
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if target < cumulative { return i }
        }
        return weights.lastIndex { $0 > 0 }!
    }

    /// Shuffles in place by Fisher–Yates: for i from n−1 down to 1, swap
    /// element i with element j, j uniform in 0...i. Every order is equally likely.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, integer(below: i + 1))
        }
    }

    /// A shuffled copy of `array` (see `shuffle(_:)`).
    public mutating func shuffled<T>(_ array: [T]) -> [T] {
        var copy = array
        shuffle(&copy)
        return copy
    }

    /// A permutation of 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] { shuffled(Array(0..<n)) }

    /// An m x n matrix of N(mean, sd²) deviates, filled row by row.
    public mutating func normalMatrix(rows: Int, columns: Int, mean: Double = 0, standardDeviation: Double = 1)
        -> Matrix
    {
        var elements: [Double] = []
        elements.reserveCapacity(rows * columns)
        for _ in 0..<(rows * columns) { elements.append(normal(mean: mean, standardDeviation: standardDeviation)) }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }

    /// An m x n matrix of uniform deviates in [low, high), filled row by row.
    public mutating func uniformMatrix(rows: Int, columns: Int, low: Double = 0, high: Double = 1) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(rows * columns)
        for _ in 0..<(rows * columns) { elements.append(uniform(low, high)) }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }
}
