import Foundation

/// Where an axis puts its tick marks, and how they are labelled.
///
/// Linear axes use "nice" steps m·10ᵏ with m ∈ {1, 2, 5}: the smallest such
/// step at least span / `targetCount`, and every multiple of it inside the
/// range (0…0.87 → 0, 0.2, 0.4, 0.6, 0.8). Log axes put one tick on each
/// power of ten inside the range, or on every s-th power (s ∈ 1, 2, 3, 5, 10,
/// 20, …) when more than `maximumCount` decades would be crowded. A range
/// holding fewer than three powers of ten (less than about two decades) gets
/// the values m·10ᵏ inside it with m ∈ {1, 2, 5} (0.0098…0.05 → 0.01, 0.02,
/// 0.05); if those are fewer than three, m ∈ {1, …, 9}; if still fewer than
/// three, linear ticks.
public enum Ticks {
    /// Ticks of a linear axis: multiples of the nice step inside `range`
    /// (ends included, with a tolerance of 10⁻⁹ steps for rounding). Each value
    /// is computed as k·m·10ᵉ directly, so 0.6 is the Double nearest 0.6.
    public static func linear(in range: ClosedRange<Double>, targetCount: Int = 5) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite, targetCount > 0 else { return span == 0 ? [range.lowerBound] : [] }
        let step = niceStep(span / Double(targetCount))
        let first = (range.lowerBound / step.value - 1e-9).rounded(.up)
        let last = (range.upperBound / step.value + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { step.multiple($0) }
    }

    /// Ticks of a log axis: powers of ten inside `range` (every s-th decade
    /// when there are more than `maximumCount`; exponents divisible by s).
    /// With fewer than three powers of ten inside, the first of these with at
    /// least three ticks: m·10ᵏ inside the range for m ∈ {1, 2, 5}, for
    /// m ∈ {1, …, 9}, and else linear ticks (`linear(in:)`).
    public static func logarithmic(in range: ClosedRange<Double>, maximumCount: Int = 7) -> [Double] {
        guard range.lowerBound > 0, range.upperBound.isFinite, maximumCount >= 2 else { return [] }
        let lowest = Int((Foundation.log10(range.lowerBound) - 1e-9).rounded(.up))
        let highest = Int((Foundation.log10(range.upperBound) + 1e-9).rounded(.down))
        guard highest - lowest + 1 >= 3 else {
            for mantissas in [[1.0, 2, 5], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
                let ticks = multiples(of: mantissas, in: range)
                if ticks.count >= 3 { return ticks }
            }
            return linear(in: range)
        }
        for every in decadeStrides {
            let exponents = (lowest...highest).filter { $0 % every == 0 }
            if exponents.count <= maximumCount && exponents.count >= 1 {
                return exponents.map(powerOfTen)
            }
        }
        return [powerOfTen(lowest), powerOfTen(highest)]
    }

    /// Ticks of a linear axis: the multiples (inside `range`) of the smallest
    /// nice step m·10ᵏ, m ∈ {1, 2, 5}, at least span/10, that gives at most
    /// `maximumCount` ticks, so an axis gets about 5 to 8 (0…100: step 10 gives
    /// 11, step 20 gives 6; 3…17: step 2 gives 4, 6, …, 16).
    public static func axisLinear(in range: ClosedRange<Double>, maximumCount: Int = 8) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite, maximumCount > 0 else { return span == 0 ? [range.lowerBound] : [] }
        var step = niceStep(span / 10)
        while true {
            let first = (range.lowerBound / step.value - 1e-9).rounded(.up)
            let last = (range.upperBound / step.value + 1e-9).rounded(.down)
            if last - first + 1 <= Double(maximumCount) {
                return first <= last ? stride(from: first, through: last, by: 1).map { step.multiple($0) } : []
            }
            step =
                step.mantissa == 1
                ? NiceStep(mantissa: 2, exponent: step.exponent)
                : step.mantissa == 2
                    ? NiceStep(mantissa: 5, exponent: step.exponent)
                    : NiceStep(mantissa: 1, exponent: step.exponent + 1)
        }
    }

    /// Every m·10ᵏ (m from `mantissas`, each computed as the Double nearest
    /// the decimal) inside `range`, ends included to 10⁻⁹ relative, ascending.
    static func multiples(of mantissas: [Double], in range: ClosedRange<Double>) -> [Double] {
        let low = range.lowerBound * (1 - 1e-9), high = range.upperBound * (1 + 1e-9)
        let first = Int(Foundation.log10(range.lowerBound).rounded(.down)) - 1
        let last = Int(Foundation.log10(range.upperBound).rounded(.down)) + 1
        return (first...last).flatMap { exponent in
            mantissas.map { NiceStep(mantissa: $0, exponent: exponent).value }
        }.filter { $0 >= low && $0 <= high }
    }

    /// The ticks of an axis with this scale and range.
    public static func ticks(for scale: AxisScale, in range: ClosedRange<Double>) -> [Double] {
        scale == .linear ? axisLinear(in: range) : logarithmic(in: range)
    }

    /// Minor ticks of a log axis: 2…9 × 10ᵏ inside `range` when the major
    /// ticks are whole decades one apart (none otherwise: the majors are dense already).
    public static func minorLogarithmic(in range: ClosedRange<Double>) -> [Double] {
        let major = logarithmic(in: range)
        guard major.count >= 2, major.count <= 7, abs(major[1] / major[0] - 10) < 1e-6 else { return [] }
        return multiples(of: [2, 3, 4, 5, 6, 7, 8, 9], in: range)
    }

    /// Labels for ticks: powers of ten as `10⁻³` (`1` and `10` plainly) when
    /// every tick is one; otherwise fixed-point with as many decimals as the
    /// step needs (`0.2`, `15`, `−0.05`), or `2×10⁻⁵` for very small or large
    /// values. Negative values take the minus sign U+2212, as the text does.
    public static func labels(for ticks: [Double]) -> [String] {
        asciiLabels(for: ticks).map { $0.replacingOccurrences(of: "-", with: "\u{2212}") }
    }

    /// `labels(for:)` with the ASCII hyphen-minus.
    private static func asciiLabels(for ticks: [Double]) -> [String] {
        guard !ticks.isEmpty else { return [] }
        let exponents = ticks.map { Foundation.log10($0) }
        if ticks.count >= 2, ticks.allSatisfy({ $0 > 0 }), exponents.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) {
            return exponents.map { powerOfTenLabel(Int($0.rounded())) }
        }
        let step = ticks.count >= 2 ? zip(ticks, ticks.dropFirst()).map { abs($1 - $0) }.min()! : abs(ticks[0])
        let largest = ticks.map(abs).max()!
        if largest >= 1e6 || (step > 0 && step < 1e-4) {
            return ticks.map(scientificLabel)
        }
        let decimals = step > 0 ? max(0, Int((-Foundation.log10(step) + 1e-9).rounded(.up))) : 0
        return ticks.map { formatTick($0, decimals: decimals) }
    }

    // MARK: Helpers

    /// A step m·10ᵉ, m ∈ {1, 2, 5}, kept as integers so multiples are exact.
    struct NiceStep {
        let mantissa: Double
        let exponent: Int
        var value: Double { multiple(1) }
        /// k·m·10ᵉ, computed so that the result is the Double nearest the decimal.
        func multiple(_ k: Double) -> Double {
            let integer = k * mantissa
            return exponent >= 0
                ? integer * Ticks.exactPowerOfTen(exponent) : integer / Ticks.exactPowerOfTen(-exponent)
        }
    }

    /// The smallest m·10ᵉ (m ∈ {1, 2, 5}) that is at least `raw` (to 10⁻⁹ relative).
    static func niceStep(_ raw: Double) -> NiceStep {
        var exponent = Int(Foundation.log10(raw).rounded(.down))
        let fraction = raw / Foundation.pow(10, Double(exponent))
        let slack = 1 + 1e-9
        let mantissa: Double
        if fraction <= 1 * slack {
            mantissa = 1
        } else if fraction <= 2 * slack {
            mantissa = 2
        } else if fraction <= 5 * slack {
            mantissa = 5
        } else {
            mantissa = 1; exponent += 1
        }
        return NiceStep(mantissa: mantissa, exponent: exponent)
    }

    private static let decadeStrides = [1, 2, 3, 5, 10, 20, 30, 50, 100]

    /// 10ᵏ as the Double nearest it (10^|k| is exact for |k| ≤ 22).
    static func powerOfTen(_ k: Int) -> Double {
        k >= 0 ? exactPowerOfTen(k) : 1 / exactPowerOfTen(-k)
    }

    static func exactPowerOfTen(_ k: Int) -> Double {
        k <= 22 ? (0..<k).reduce(1.0) { value, _ in value * 10 } : Foundation.pow(10, Double(k))
    }

    /// `1`, `10`, `10²`, `10⁻³`.
    static func powerOfTenLabel(_ exponent: Int) -> String {
        switch exponent {
        case 0: return "1"
        case 1: return "10"
        default: return "10" + superscript(exponent)
        }
    }

    /// `2×10⁻⁵`, `1.5×10⁶`, `0`.
    static func scientificLabel(_ value: Double) -> String {
        if value == 0 { return "0" }
        var exponent = Int(Foundation.log10(abs(value)).rounded(.down))
        var mantissa = value / Foundation.pow(10, Double(exponent))
        mantissa = (mantissa * 100).rounded() / 100
        if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        let digits = formatTick(mantissa, decimals: 2)
        return (digits == "1" ? "" : digits == "-1" ? "-" : digits + "×") + "10" + superscript(exponent)
    }

    /// Fixed-point with at most `decimals` digits, trailing zeros dropped, no `-0`.
    static func formatTick(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func superscript(_ exponent: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
            "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"
        ]
        return String(String(exponent).map { digits[$0] ?? $0 })
    }
}
