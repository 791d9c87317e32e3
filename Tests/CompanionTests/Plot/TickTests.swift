import Testing

@testable import DLPresentation

@Suite("Plot ticks")
struct TickTests {
    @Test("0…0.87: step 0.2 gives 0, 0.2, 0.4, 0.6, 0.8")
    func zeroToPointEightSeven() {
        // span 0.87 / 5 = 0.174; the smallest of 1, 2, 5 × 10ᵏ at least 0.174 is 0.2;
        // multiples of 0.2 in [0, 0.87]: 0, 0.2, 0.4, 0.6, 0.8 (1.0 > 0.87).
        let ticks = Ticks.linear(in: 0...0.87)
        expectClose(ticks, [0, 0.2, 0.4, 0.6, 0.8], absolute: 1e-15, relative: 0)
        #expect(Ticks.labels(for: ticks) == ["0", "0.2", "0.4", "0.6", "0.8"])
    }

    @Test("axis ticks: the smallest nice step from span/10 up that gives at most 8 ticks")
    func axisTicks() {
        // 0…100: span/10 = 10 → 11 ticks (too many); 20 → 0, 20, …, 100 (6).
        expectClose(Ticks.axisLinear(in: 0...100), [0, 20, 40, 60, 80, 100], absolute: 0, relative: 0)
        // 3…17: 1.4 → step 2: 4, 6, …, 16 (7 ticks; the plain `linear` gives only 5, 10, 15).
        expectClose(Ticks.axisLinear(in: 3...17), [4, 6, 8, 10, 12, 14, 16], absolute: 0, relative: 0)
        // −7.3…−2.1: 0.52 → step 1: −7 … −3 (5 ticks).
        expectClose(Ticks.axisLinear(in: -7.3 ... -2.1), [-7, -6, -5, -4, -3], absolute: 0, relative: 0)
        // 0…0.87: 0.087 → 0.1 gives 9 (0 … 0.8), too many → 0.2: 5.
        expectClose(Ticks.axisLinear(in: 0...0.87), [0, 0.2, 0.4, 0.6, 0.8], absolute: 1e-15, relative: 0)
        // Minor ticks on a log axis of whole decades: 2…9 × 10ᵏ; 1e-2…1: 2e-2 … 9e-2, 0.2 … 0.9.
        #expect(Ticks.minorLogarithmic(in: 1e-2...1).count == 16)
        #expect(Ticks.minorLogarithmic(in: 1e-12...1e-1).isEmpty)  // every 2nd decade: no minors
    }

    @Test("hand-worked linear ranges")
    func linearCases() {
        // −1…1: 2/5 = 0.4 → step 0.5: −1, −0.5, 0, 0.5, 1.
        expectClose(Ticks.linear(in: -1...1), [-1, -0.5, 0, 0.5, 1], absolute: 1e-15, relative: 0)
        // 0…100: 100/5 = 20 → step 20: 0, 20, …, 100.
        expectClose(Ticks.linear(in: 0...100), [0, 20, 40, 60, 80, 100], absolute: 0, relative: 0)
        // 3…17: 14/5 = 2.8 → step 5: 5, 10, 15 (0 and 20 lie outside).
        expectClose(Ticks.linear(in: 3...17), [5, 10, 15], absolute: 0, relative: 0)
        // 0.001…0.0042: 0.0032/5 = 0.00064 → step 0.001: 0.001 … 0.004.
        expectClose(Ticks.linear(in: 0.001...0.0042), [0.001, 0.002, 0.003, 0.004], absolute: 1e-18, relative: 0)
        // −7.3…−2.1: 5.2/5 = 1.04 → step 2: −6, −4 (−8 and −2 outside).
        expectClose(Ticks.linear(in: -7.3 ... -2.1), [-6, -4], absolute: 0, relative: 0)
        // 0…1: 1/5 = 0.2 exactly → step 0.2 (not 0.5): six ticks with both ends.
        #expect(Ticks.linear(in: 0...1).count == 6)
    }

    @Test("tick labels: decimals as the step needs, no -0, the minus sign U+2212, scientific for tiny steps")
    func labels() {
        #expect(Ticks.labels(for: [-1, -0.5, 0, 0.5, 1]) == ["\u{2212}1", "\u{2212}0.5", "0", "0.5", "1"])
        #expect(Ticks.labels(for: [-2e-5, 0, 2e-5]) == ["\u{2212}2×10⁻⁵", "0", "2×10⁻⁵"])
        #expect(Ticks.labels(for: [0, 20, 40]) == ["0", "20", "40"])
        #expect(Ticks.labels(for: [0.001, 0.002, 0.003]) == ["0.001", "0.002", "0.003"])
        // Steps below 10⁻⁴ switch to m×10ᵏ: 2e-5 = 2×10⁻⁵.
        #expect(Ticks.labels(for: [0, 2e-5, 4e-5]) == ["0", "2×10⁻⁵", "4×10⁻⁵"])
    }

    @Test("log 1e-12…1e-1: one tick per decade or fewer, all powers of ten")
    func logManyDecades() {
        // Exponents −12…−1 are 12 decades, more than the 7 allowed; every 2nd
        // decade (exponents divisible by 2) gives −12, −10, −8, −6, −4, −2.
        let ticks = Ticks.logarithmic(in: 1e-12...1e-1)
        expectClose(ticks, [1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2], absolute: 0, relative: 1e-15)
        #expect(ticks.count <= 12)
        #expect(Ticks.labels(for: ticks) == ["10⁻¹²", "10⁻¹⁰", "10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²"])
    }

    @Test("log axes: every decade when there are three to seven")
    func logFewDecades() {
        // 0.5…2000 holds 1, 10, 100, 1000: four decades, one tick each.
        let ticks = Ticks.logarithmic(in: 0.5...2000)
        expectClose(ticks, [1, 10, 100, 1000], absolute: 0, relative: 1e-15)
        #expect(Ticks.labels(for: ticks) == ["1", "10", "10²", "10³"])
        // 1e-300…1e300: 601 decades, every 100th: −300, −200, …, 300 (7 ticks).
        #expect(Ticks.logarithmic(in: 1e-300...1e300).count == 7)
        // 0.9…110 holds 1, 10, 100: three powers of ten are enough, nothing added.
        expectClose(Ticks.logarithmic(in: 0.9...110), [1, 10, 100], absolute: 0, relative: 1e-15)
    }

    // The rule for short log axes, written out: let P be the powers of ten in
    // [lo, hi]. If |P| ≥ 3, ticks are P (thinned as above). Otherwise take
    // T₁ = {m·10ᵏ in [lo, hi] : m ∈ {1, 2, 5}}; if |T₁| ≥ 3, ticks are T₁.
    // Otherwise T₂ = {m·10ᵏ in [lo, hi] : m ∈ {1, …, 9}}; if |T₂| ≥ 3, ticks
    // are T₂. Otherwise linear ticks (step rule of `linear(in:)`).
    @Test("log axes shorter than two decades get 2 and 5 multiples, then 1…9, then linear ticks")
    func logShortRanges() {
        // 0.0098…0.05: P = {0.01} (0.001 < 0.0098, 0.1 > 0.05), one power.
        // T₁: 0.005 < 0.0098 is out; 0.01, 0.02, 0.05 are in; 0.1 is out → three ticks.
        // Labels: smallest gap 0.01 → two decimals.
        let small = Ticks.logarithmic(in: 0.0098...0.05)
        expectClose(small, [0.01, 0.02, 0.05], absolute: 1e-17, relative: 0)
        #expect(Ticks.labels(for: small) == ["0.01", "0.02", "0.05"])
        // 3…30: P = {10}. T₁: 2 < 3 out; 5, 10, 20 in; 50 > 30 out → 5, 10, 20 (3 itself is no 1-2-5 multiple).
        let tens = Ticks.logarithmic(in: 3...30)
        expectClose(tens, [5, 10, 20], absolute: 0, relative: 0)
        #expect(Ticks.labels(for: tens) == ["5", "10", "20"])
        // 0.5…20: P = {1, 10}, two powers. T₁ = 0.5, 1, 2, 5, 10, 20 (0.2 and 50 out); smallest gap 0.5 → one decimal.
        let two = Ticks.logarithmic(in: 0.5...20)
        expectClose(two, [0.5, 1, 2, 5, 10, 20], absolute: 0, relative: 0)
        #expect(Ticks.labels(for: two) == ["0.5", "1", "2", "5", "10", "20"])
        // 2…8: P is empty; T₁ = {2, 5}, only two; T₂ = 2, 3, 4, 5, 6, 7, 8.
        expectClose(Ticks.logarithmic(in: 2...8), [2, 3, 4, 5, 6, 7, 8], absolute: 0, relative: 0)
        // 2.1…3.9: T₁ is empty and T₂ = {3}: linear ticks, 1.8/5 = 0.36 → step 0.5: 2.5, 3, 3.5.
        expectClose(Ticks.logarithmic(in: 2.1...3.9), [2.5, 3, 3.5], absolute: 0, relative: 0)
    }
}
