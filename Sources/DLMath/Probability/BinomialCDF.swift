extension Binomial {
    /// The cumulative distribution P(X ≤ k) = Σ_{j=0}^{k} C(n, j) pʲ (1 − p)ⁿ⁻ʲ:
    /// 0 for k < 0, 1 for k ≥ n.
    ///
    /// Summed from the smaller tail (for k below the mean, the terms j ≤ k;
    /// above it, 1 − Σ_{j>k}), so that a small tail probability such as
    /// P(X ≤ 10) = 1.53e-17 for n = 100, p = 1/2 keeps its relative accuracy
    /// instead of drowning in 1 − (1 − tiny).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        if Double(k) < mean {
            return (0...k).reduce(0) { $0 + pmf($1) }
        }
        let upper = ((k + 1)...trials).reduce(0) { $0 + pmf($1) }
        return Swift.max(0, 1 - upper)
    }
}
