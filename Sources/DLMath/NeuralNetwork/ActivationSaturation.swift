extension Activation {
    /// A direction along the x axis, away from 0.
    public enum Direction: Sendable, CaseIterable {
        /// Towards −∞.
        case negative
        /// Towards +∞.
        case positive
    }

    /// Where φ saturates: the point x* on the given side of 0 beyond which the
    /// slope stays small, |φ′(x)| < `threshold` for every x between x* and
    /// ±`searchLimit`. A saturated unit passes back almost no gradient
    /// (∂L/∂z = ∂L/∂a · φ′(z)).
    ///
    /// - Returns: x* (negative for `.negative`); 0 when |φ′| is below the
    ///   threshold on the whole side (ReLU for x < 0: a "dead" region);
    ///   nil when it does not saturate within the limit (|φ′(±searchLimit)| ≥
    ///   threshold, e.g. ReLU for x > 0).
    ///
    /// By hand: σ′(x) = σ(1 − σ) = c gives σ = (1 + √(1 − 4c))/2 and
    /// x* = log(σ/(1 − σ)): 4.5849 for c = 1e-2, 9.2101 for c = 1e-4;
    /// tanh′(x) = sech² x = c gives x* = acosh(1/√c): 2.9932 and 5.2983.
    ///
    /// Method: scans inward from the limit in steps of 1/64 to the first point
    /// where |φ′| ≥ threshold, then bisects that step to full precision.
    public func saturationPoint(
        derivativeBelow threshold: Double, toward direction: Direction,
        searchLimit: Double = 100
    ) -> Double? {
        precondition(
            threshold > 0 && searchLimit > 0,
            "saturationPoint: threshold and searchLimit must be positive")
        let sign: Double = direction == .positive ? 1 : -1
        func steep(_ r: Double) -> Bool { abs(derivative(sign * r)) >= threshold }
        if steep(searchLimit) { return nil }
        let step = 1.0 / 64
        var outside = searchLimit  // |φ′| < threshold from here outward
        while outside > 0 {
            let inside = Swift.max(outside - step, 0)
            if steep(inside) {
                var (low, high) = (inside, outside)  // steep(low), !steep(high)
                for _ in 0..<80 where high - low > 0 {
                    let middle = 0.5 * (low + high)
                    if middle <= low || middle >= high { break }
                    if steep(middle) { low = middle } else { high = middle }
                }
                return sign * high
            }
            outside = inside
        }
        return 0
    }
}
