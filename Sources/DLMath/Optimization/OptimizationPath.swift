/// The path an optimizer takes on an `ObjectiveFunction`: every point it
/// visits, kept as data for tables and figures.
///
/// The run starts at `start`, takes at most `maximumSteps` steps, and stops
/// early when the distance to the minimiser ‖x − x*‖ falls to `tolerance`
/// (then `stepsToTolerance` is that step count; a nil tolerance never stops
/// early, for paths of a fixed length) or when the point leaves
/// the finite numbers or the ball ‖x‖ ≤ 1e6 (then `diverged` is true).
public struct OptimizationPath: Sendable {
    /// The function's name.
    public let functionName: String
    /// x₀ (the start), x₁, …: one point per step taken.
    public let points: [[Double]]
    /// f at each point.
    public let values: [Double]
    /// The first k with ‖x_k − x*‖ ≤ tolerance, or nil if not reached.
    public let stepsToTolerance: Int?
    /// The tolerance the run stopped at (nil: ran all steps).
    public let tolerance: Double?
    /// True when the run left the finite numbers or ‖x‖ > 1e6.
    public let diverged: Bool

    /// Runs `optimizer` on `f` from `start` (the point is one 1 x n parameter).
    public init(
        minimizing f: some ObjectiveFunction, from start: [Double], with optimizer: some Optimizer,
        maximumSteps: Int, tolerance: Double?
    ) {
        precondition(
            maximumSteps >= 0 && (tolerance ?? 1) > 0, "OptimizationPath: maximumSteps >= 0 and tolerance > 0 needed")
        var optimizer = optimizer
        let target = f.minimizer
        func distance(_ x: [Double]) -> Double {
            zip(x, target).map { ($0 - $1) * ($0 - $1) }.sum.squareRoot()
        }
        var parameters = [Matrix(row: start)]
        var points = [start]
        func withinTolerance(_ x: [Double]) -> Bool { tolerance.map { distance(x) <= $0 } ?? false }
        var reached: Int? = withinTolerance(start) ? 0 : nil
        var diverged = false
        var step = 0
        while reached == nil && !diverged && step < maximumSteps {
            let gradient = Matrix(row: f.gradient(at: parameters[0].elements))
            optimizer.step(&parameters, gradients: [gradient])
            step += 1
            let x = parameters[0].elements
            points.append(x)
            if !x.allSatisfy(\.isFinite) || x.dot(x) > 1e12 {
                diverged = true
            } else if withinTolerance(x) {
                reached = step
            }
        }
        self.functionName = f.name
        self.points = points
        self.values = points.map(f.value(at:))
        self.stepsToTolerance = reached
        self.tolerance = tolerance
        self.diverged = diverged
    }

    /// The last point reached.
    public var finalPoint: [Double] { points[points.count - 1] }
    /// The number of steps taken.
    public var stepCount: Int { points.count - 1 }
}
