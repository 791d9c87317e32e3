/// The Rosenbrock function, a long curved valley with a flat floor:
///
///     f(x, y) = (a − x)² + b (y − x²)²,   minimum 0 at (a, a²)
///
///     ∂f/∂x = −2 (a − x) − 4 b x (y − x²)
///     ∂f/∂y = 2 b (y − x²)
///
/// With a = 1, b = 100 (the usual choice) the valley walls are steep (the
/// Hessian at the minimum has eigenvalues about 0.4 and 1002, κ ≈ 2500) and
/// the floor is almost flat: finding the valley is easy, following it is slow.
public struct Rosenbrock: ObjectiveFunction, Equatable {
    /// The coordinates (a, a²) of the minimum.
    public let a: Double
    /// The steepness of the valley walls.
    public let b: Double

    /// f(x, y) = (a − x)² + b (y − x²)², with its minimum 0 at (a, a²).
    public init(a: Double = 1, b: Double = 100) {
        precondition(b > 0, "Rosenbrock: b must be > 0, got \(b)")
        self.a = a
        self.b = b
    }

    public var name: String { "Rosenbrock(\(formatCompact(a)), \(formatCompact(b)))" }

    /// f(x, y) = (a − x)² + b (y − x²)².
    public func value(at p: [Double]) -> Double {
        precondition(p.count == 2, "Rosenbrock: needs a point (x, y), got \(p.count) coordinates")
        let (x, y) = (p[0], p[1])
        return (a - x) * (a - x) + b * (y - x * x) * (y - x * x)
    }

    /// ∇f = (−2 (a − x) − 4 b x (y − x²), 2 b (y − x²)).
    public func gradient(at p: [Double]) -> [Double] {
        precondition(p.count == 2, "Rosenbrock: needs a point (x, y), got \(p.count) coordinates")
        let (x, y) = (p[0], p[1])
        return [-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)]
    }

    /// (a, a²).
    public var minimizer: [Double] { [a, a * a] }
}
