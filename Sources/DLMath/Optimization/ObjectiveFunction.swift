/// A function to minimise, f: ℝⁿ → ℝ, with its gradient written out, and its
/// known minimiser: the test functions on which optimizers are compared.
public protocol ObjectiveFunction: Sendable {
    /// A short name for tables, e.g. `Rosenbrock(1, 100)`.
    var name: String { get }
    /// f(x).
    func value(at x: [Double]) -> Double
    /// ∇f(x), written out by hand (each conforming type has a gradient check in the tests).
    func gradient(at x: [Double]) -> [Double]
    /// The point x* where f is smallest.
    var minimizer: [Double] { get }
}
