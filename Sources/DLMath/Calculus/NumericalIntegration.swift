/// The composite Simpson rule for ∫ₐᵇ f(x) dx over `intervals` equal
/// sub-intervals (rounded up to an even number):
///
///     ∫ₐᵇ f ≈ (h/3) [f(x₀) + 4 f(x₁) + 2 f(x₂) + 4 f(x₃) + … + f(xₙ)],  h = (b − a)/n
///
/// The error is −(b − a) h⁴ f⁽⁴⁾(ξ) / 180 for some ξ in [a, b]: exact for
/// cubics, and about 1e-12 relative for smooth densities like the Gaussian
/// with a few thousand intervals. Used to check formulas independently.
public func simpsonIntegral(
    from a: Double, to b: Double, intervals: Int = 2000,
    _ f: (Double) -> Double
) -> Double {
    precondition(intervals > 0, "simpsonIntegral: intervals = \(intervals) must be positive")
    precondition(a.isFinite && b.isFinite, "simpsonIntegral: bounds must be finite, got [\(a), \(b)]")
    let n = intervals + intervals % 2
    let h = (b - a) / Double(n)
    var sum = f(a) + f(b)
    for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h) }
    return sum * h / 3
}
