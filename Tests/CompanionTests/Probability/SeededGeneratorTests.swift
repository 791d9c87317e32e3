import DLMath
import Foundation
import Testing

/// The seeded generator: the exact sequence, the ranges, and the statistics of its draws.
///
/// Statistical tolerances are 5 standard errors, σ/√n for a mean: a correct
/// generator fails one with probability below 1e-6, and since the seed is
/// fixed the outcome is the same on every run.
@Suite("Seeded generator")
struct SeededGeneratorTests {
    // Reference outputs from an independent implementation: a 20-line Python
    // script written from the published C reference of SplitMix64 and
    // xoshiro256** (Blackman and Vigna, prng.di.unimi.it), seeding the four
    // state words with four SplitMix64 outputs as SeededGenerator.swift documents:
    //     M = 2**64 - 1; x = (x + 0x9E3779B97F4A7C15) & M; z = x
    //     z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M; z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    //     state word = z ^ (z >> 31)
    //     result = rotl(s1 * 5, 7) * 9; t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    // uniform = (raw >> 11) * 2**-53, printed with repr().
    static let rawSeed0: [UInt64] = [
        0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
        0x6AA5_94F1_262D_2D2C, 0xBBA5_AD4A_1F84_2E59
    ]
    static let rawSeed42: [UInt64] = [
        0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1,
        0xECB8_AD47_03B3_60A1, 0xFDE6_DC7F_E2EC_5E64
    ]
    static let uniformSeed42: [Double] = [
        0.08386297105988216, 0.3789802506626686, 0.6800434110281394,
        0.9246929453253876, 0.9918039142821028
    ]
    // The same script's polar method (math.sqrt, math.log) on those uniforms.
    static let normalSeed42: [Double] = [
        -0.7262191382447857, -0.21119691823195985,
        0.2216227015035933, 0.5227716877560146
    ]

    @Test("the first raw outputs match an independent xoshiro256** + SplitMix64")
    func rawOutputs() {
        var zero = SeededGenerator(seed: 0)
        #expect((0..<5).map { _ in zero.next() } == Self.rawSeed0)
        var fortyTwo = SeededGenerator(seed: 42)
        #expect((0..<5).map { _ in fortyTwo.next() } == Self.rawSeed42)
    }

    @Test("the first uniforms match: k · 2⁻⁵³ is exact, so equality is exact")
    func uniformOutputs() {
        var rng = SeededGenerator(seed: 42)
        // Exact equality is right here: k · 2⁻⁵³ with k < 2⁵³ is representable,
        // and both sides compute it without rounding.
        #expect((0..<5).map { _ in rng.uniform() } == Self.uniformSeed42)
    }

    @Test("the first normals match the polar method on the same uniforms")
    func normalOutputs() {
        var rng = SeededGenerator(seed: 42)
        // Not bit-exact across C libraries (log), hence a tolerance of a few ulps.
        expectClose((0..<4).map { _ in rng.normal() }, Self.normalSeed42, absolute: 1e-15, relative: 1e-14)
    }

    @Test("the same seed gives the same sequence, another seed another one")
    func determinism() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let sa = (0..<100).map { _ in a.next() }
        #expect(sa == (0..<100).map { _ in b.next() })
        #expect(sa != (0..<100).map { _ in c.next() })
    }

    @Test("uniform() lies in [0, 1) with mean 1/2 and variance 1/12")
    func uniformRange() {
        var rng = SeededGenerator(seed: 1)
        let n = 100_000
        let draws = (0..<n).map { _ in rng.uniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        // U(0, 1): mean 1/2, variance 1/12; standard error of the mean √(1/12)/√n.
        expectClose(mean(draws), 0.5, absolute: 5 * (1.0 / 12).squareRoot() / Double(n).squareRoot(), relative: 0)
        // Var of (U − ½)² is 1/80 − 1/144 = 1/180: standard error √(1/180)/√n.
        expectClose(
            variance(draws, correction: .biased), 1.0 / 12,
            absolute: 5 * (1.0 / 180).squareRoot() / Double(n).squareRoot(), relative: 0)
        var ranged = SeededGenerator(seed: 2)
        #expect((0..<1000).allSatisfy { _ in (-3.0..<5.0).contains(ranged.uniform(-3, 5)) })
    }

    @Test("integer(below:) stays in 0..<n and is roughly uniform", arguments: [1, 3, 7, 10])
    func integerRange(_ bound: Int) {
        var rng = SeededGenerator(seed: 3)
        let n = 60_000
        var counts = [Int](repeating: 0, count: bound)
        for _ in 0..<n {
            let k = rng.integer(below: bound)
            #expect(k >= 0 && k < bound)
            if k >= 0 && k < bound { counts[k] += 1 }
        }
        // Each count is Binomial(n, 1/bound): mean n/bound, sd √(n (1/b)(1 − 1/b)).
        let p = 1 / Double(bound)
        let sd = (Double(n) * p * (1 - p)).squareRoot()
        for count in counts { expectClose(Double(count), Double(n) * p, absolute: 5 * sd + 1e-9, relative: 0) }
    }

    @Test("integer(in:) covers both ends of a closed range")
    func integerClosedRange() {
        var rng = SeededGenerator(seed: 4)
        let draws = Set((0..<2000).map { _ in rng.integer(in: -2...2) })
        #expect(draws == Set(-2...2))
    }

    @Test("shuffle gives a permutation, the same one for the same seed")
    func shuffle() {
        let original = Array(0..<50)
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5), c = SeededGenerator(seed: 6)
        let first = a.shuffled(original)
        #expect(first.sorted() == original)
        #expect(first != original)  // 1/50! chance of equality for a correct shuffle
        #expect(b.shuffled(original) == first)
        #expect(c.shuffled(original) != first)
        #expect(a.permutation(10).sorted() == Array(0..<10))
        var single = [42]
        a.shuffle(&single)
        #expect(single == [42])
    }

    @Test("shuffle puts each element in each place about equally often")
    func shuffleUniformity() {
        var rng = SeededGenerator(seed: 9)
        let trials = 30_000
        var firstPlace = [Int](repeating: 0, count: 4)
        for _ in 0..<trials { firstPlace[rng.shuffled([0, 1, 2, 3])[0]] += 1 }
        // Each count is Binomial(trials, 1/4): sd √(trials · 3/16).
        let sd = (Double(trials) * 3 / 16).squareRoot()
        for count in firstPlace { expectClose(Double(count), Double(trials) / 4, absolute: 5 * sd, relative: 0) }
    }

    @Test("normal(mean:standardDeviation:) has the asked mean and variance within 5 standard errors")
    func normalMoments() {
        var rng = SeededGenerator(seed: 11)
        let n = 100_000
        let mu = 2.0, sigma = 3.0
        let draws = (0..<n).map { _ in rng.normal(mean: mu, standardDeviation: sigma) }
        // Standard error of the mean σ/√n; of the variance σ² √(2/n) (Gaussian fourth moment 3σ⁴).
        expectClose(mean(draws), mu, absolute: 5 * sigma / Double(n).squareRoot(), relative: 0)
        expectClose(
            variance(draws, correction: .unbiased), sigma * sigma,
            absolute: 5 * sigma * sigma * (2 / Double(n)).squareRoot(), relative: 0)
        // About 68.27 % within one σ: a Bernoulli proportion with sd √(p(1 − p)/n).
        let inside = Double(draws.filter { abs($0 - mu) < sigma }.count) / Double(n)
        expectClose(inside, 0.6826894921370859, absolute: 5 * (0.6827 * 0.3173 / Double(n)).squareRoot(), relative: 0)
    }

    @Test("bernoulli and categorical draw with the asked frequencies")
    func bernoulliAndCategorical() {
        var rng = SeededGenerator(seed: 12)
        let n = 50_000
        let ones = (0..<n).filter { _ in rng.bernoulli(0.3) }.count
        expectClose(Double(ones) / Double(n), 0.3, absolute: 5 * (0.21 / Double(n)).squareRoot(), relative: 0)
        #expect((0..<100).allSatisfy { _ in !rng.bernoulli(0) && rng.bernoulli(1) })
        let weights = [1.0, 0, 3]  // probabilities 1/4, 0, 3/4
        var counts = [0, 0, 0]
        for _ in 0..<n { counts[rng.categorical(weights)] += 1 }
        #expect(counts[1] == 0)
        expectClose(Double(counts[2]) / Double(n), 0.75, absolute: 5 * (0.1875 / Double(n)).squareRoot(), relative: 0)
    }

    @Test("Binomial.sample has mean n p and variance n p (1 − p)")
    func binomialSampler() {
        var rng = SeededGenerator(seed: 13)
        let binomial = Binomial(trials: 10, probability: 0.3)
        let m = 20_000
        let draws = (0..<m).map { _ in Double(binomial.sample(using: &rng)) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 10 })
        // n p = 3, n p (1 − p) = 2.1; standard error of the mean √(2.1/m).
        expectClose(mean(draws), 3, absolute: 5 * (2.1 / Double(m)).squareRoot(), relative: 0)
        // Fourth central moment of a binomial: n p q (1 + 3(n − 2) p q) = 2.1 (1 + 24 · 0.21) = 12.684;
        // the sample variance then has sd ≈ √((μ₄ − σ⁴)/m) = √((12.684 − 4.41)/m).
        expectClose(
            variance(draws, correction: .unbiased), 2.1,
            absolute: 5 * ((12.684 - 4.41) / Double(m)).squareRoot(), relative: 0)
    }
}
