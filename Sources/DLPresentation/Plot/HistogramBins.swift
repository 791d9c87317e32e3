import Foundation

/// Counts of values in equal-width bins over [lo, hi]: bin k holds
/// lo + k·w ≤ v < lo + (k+1)·w with w = (hi − lo) / bins, the last bin also
/// holding v = hi. Heights are counts, or densities count / (n·w) so that
/// the bars have area 1 and compare with a probability density.
struct HistogramBins {
    let edges: [Double]
    let counts: [Int]

    /// `values` must be finite and non-empty; a single repeated value gets the range v ± ½ (±10 % of v when larger).
    init(values: [Double], bins: Int) {
        let low = values.min()!, high = values.max()!
        let range = low < high ? low...high : (low - max(0.5, abs(low) * 0.1))...(low + max(0.5, abs(low) * 0.1))
        let width = (range.upperBound - range.lowerBound) / Double(bins)
        edges = (0...bins).map { $0 == bins ? range.upperBound : range.lowerBound + Double($0) * width }
        var counts = Array(repeating: 0, count: bins)
        for value in values {
            let index = Int(((value - range.lowerBound) / width).rounded(.down))
            counts[min(max(index, 0), bins - 1)] += 1
        }
        self.counts = counts
    }

    /// ⌈√n⌉ bins, at least 5 and at most 50.
    static func defaultCount(for n: Int) -> Int {
        min(max(Int(Double(n).squareRoot().rounded(.up)), 5), 50)
    }

    /// Bar heights: counts, or densities count / (n · width).
    func heights(density: Bool) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.indices.map { k in
            density ? Double(counts[k]) / (total * (edges[k + 1] - edges[k])) : Double(counts[k])
        }
    }
}
