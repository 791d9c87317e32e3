import DLMath
import DLPresentation
import Foundation

/// Section 3.7's figure: a histogram of seeded N(0, 1) draws, normalised to
/// area 1, with the density p(x) = exp(−x²/2)/√(2π) drawn over it.
func gaussianHistogramFigure(_ samples: [Double], seed: UInt64) -> Plot {
    .histogram(
        title: "\(samples.count) seeded draws (seed \(seed)) vs. the N(0, 1) density", x: "x", samples,
        bins: 40, density: Gaussian.standard.pdf, densityName: "N(0, 1) density")
}

/// The sample sizes of the running-mean curve: 20 a decade, 1 to `count`, without repeats.
func runningMeanSizes(upTo count: Int) -> [Int] {
    let decades = log10(Double(count))
    let sizes = (0...Int((decades * 20).rounded())).map { Int(pow(10, Double($0) / 20).rounded()) }
    return Array(Set(sizes.filter { $0 >= 1 && $0 <= count })).sorted()
}

/// Section 3.8's figure: the running mean x̄ₙ (the mean of the first n rolls,
/// for each n in `sizes`) against n on a log axis, the expectation, and the
/// band E ± 2σ/√n in which the mean stays about 95 % of the time.
func lawOfLargeNumbersFigure(sizes: [Int], runningMeans: [Double], expectation: Double, sigma: Double) -> Plot {
    let n = sizes.map(Double.init)
    var plot = Plot(
        title: "Law of large numbers: the mean of n die rolls", x: .log("number of rolls n"),
        y: Axis("mean of the first n rolls", range: 1...6))
    plot.line("running mean x̄ₙ", x: n, y: runningMeans)
    plot.line("E[X] = \(formatCompact(expectation))", x: [1, n.last ?? 1], y: [expectation, expectation])
    // The band as one closed curve (out along the upper edge, back along the lower), so it is one colour.
    let upper = n.map { expectation + 2 * sigma / $0.squareRoot() },
        lower = n.map { expectation - 2 * sigma / $0.squareRoot() }
    plot.line("E[X] ± 2σ/√n", x: n + n.reversed(), y: upper + lower.reversed(), dashed: true)
    plot.notes.append("σ = √(35/12) ≈ 1.708: the band narrows like 1/√n, a hundred times the rolls for one more digit")
    return plot
}
