/// Newton's method: minimise f by jumping to the minimum of its local
/// quadratic model f(x + d) ≈ f(x) + ∇fᵀ d + ½ dᵀ H d (H = ∇²f(x)):
///
///     x_{k+1} = x_k − H(x_k)⁻¹ ∇f(x_k)
///
/// On a quadratic with positive definite H the model is exact, so one step
/// lands on the minimiser from anywhere, whatever κ(H). Near a minimum with
/// positive definite Hessian the convergence is quadratic: the error is about
/// squared at each step, e_{k+1} ≤ C e_k² (the number of correct digits doubles).
///
/// Far from a minimum pure Newton can go uphill or to a saddle or maximum
/// (it finds critical points, not minima). `.damped` fixes both:
///
///     μ = max(0, δ − λ_min(H)),   (H + μ I) d = −∇f,   then halve α from 1
///     until the Armijo condition f(x + α d) ≤ f(x) + 10⁻⁴ α ∇fᵀ d holds
///
/// with δ = 10⁻⁶ · max(1, |λ_max|): H + μ I is positive definite, so d goes
/// downhill, and the line search makes every step decrease f. Near a
/// minimum (H positive definite, α = 1 accepted) it is pure Newton again,
/// with the same quadratic convergence.
public struct NewtonMethod: Sendable {
    /// Pure Newton or the damped (Hessian-shifted, line-searched) variant.
    public enum Variant: String, Sendable, CaseIterable {
        /// x ← x − H⁻¹ ∇f, a full step.
        case pure = "Newton"
        /// (H + μ I) d = −∇f with μ raised until H + μ I is positive definite, then a backtracking line search along d.
        case damped = "damped Newton"
    }

    /// Pure or damped.
    public let variant: Variant

    /// Newton's method of the given `variant` (damped by default).
    public init(_ variant: Variant = .damped) {
        self.variant = variant
    }

    /// The step d from x: −H⁻¹ ∇f (pure), or α times the shifted Newton
    /// direction (damped). Nil when the pure step's H is singular.
    public func step(on f: some TwiceDifferentiable, at x: [Double]) -> [Double]? {
        let g = f.gradient(at: x)
        let h = f.hessian(at: x)
        let minusG = g.map { -$0 }
        switch variant {
        case .pure:
            return try? h.solve(minusG)
        case .damped:
            guard let eigen = try? h.symmetricEigen() else { return nil }
            let smallest = eigen.eigenvalues.first ?? 0, largest = eigen.eigenvalues.last ?? 0
            let delta = 1e-6 * Swift.max(1, abs(largest))
            let shift = Swift.max(0, delta - smallest)
            let shifted = h + shift * Matrix.identity(x.count)
            guard let d = try? shifted.solve(minusG) else { return nil }
            let slope = g.dot(d)
            let start = f.value(at: x)
            var alpha = 1.0
            for _ in 0..<60 {
                let trial = zip(x, d).map { $0 + alpha * $1 }
                if f.value(at: trial) <= start + 1e-4 * alpha * slope { break }
                alpha /= 2
            }
            return d.map { alpha * $0 }
        }
    }

    /// The path of Newton's method on `f` from `start`, with the same stopping
    /// rules as the first-order optimizers' `OptimizationPath`: at most
    /// `maximumSteps`, stop when ‖x − x*‖ ≤ tolerance, diverged when x leaves
    /// the finite numbers or ‖x‖ > 1e6 (or the pure step meets a singular H).
    public func path(
        minimizing f: some TwiceDifferentiable, from start: [Double],
        maximumSteps: Int, tolerance: Double?
    ) -> OptimizationPath {
        precondition(
            maximumSteps >= 0 && (tolerance ?? 1) > 0, "NewtonMethod.path: maximumSteps >= 0 and tolerance > 0 needed")
        let target = f.minimizer
        func withinTolerance(_ x: [Double]) -> Bool {
            tolerance.map { zip(x, target).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() <= $0 } ?? false
        }
        var points = [start]
        var reached: Int? = withinTolerance(start) ? 0 : nil
        var diverged = false
        while reached == nil && !diverged && points.count - 1 < maximumSteps {
            let x = points[points.count - 1]
            guard let d = step(on: f, at: x) else { diverged = true; break }
            let next = zip(x, d).map { $0 + $1 }
            points.append(next)
            if !next.allSatisfy(\.isFinite) || next.dot(next) > 1e12 {
                diverged = true
            } else if withinTolerance(next) {
                reached = points.count - 1
            }
        }
        return OptimizationPath(
            functionName: f.name, points: points, values: points.map(f.value(at:)),
            stepsToTolerance: reached, tolerance: tolerance, diverged: diverged)
    }
}

extension OptimizationPath {
    /// A path from its parts (for methods that are not an `Optimizer`, such as `NewtonMethod`).
    init(
        functionName: String, points: [[Double]], values: [Double], stepsToTolerance: Int?,
        tolerance: Double?, diverged: Bool
    ) {
        self.functionName = functionName
        self.points = points
        self.values = values
        self.stepsToTolerance = stepsToTolerance
        self.tolerance = tolerance
        self.diverged = diverged
    }
}
