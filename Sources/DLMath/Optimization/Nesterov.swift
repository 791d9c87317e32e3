/// Nesterov momentum in the form PyTorch uses (Bengio et al., 2013): the
/// gradient at the current weights plus a look-ahead along the new velocity.
///
///     v ← μ · v + g          (v starts at 0)
///     w ← w − lr · (g + μ · v)
///
/// The original form (Sutskever et al., 2013) evaluates the gradient at a
/// look-ahead point:
///
///     u ← μ · u − lr · ∇f(θ + μ · u)
///     θ ← θ + u
///
/// The two are the same method in different variables: with a constant
/// learning rate, the weights w kept here are Sutskever's look-ahead point
/// θ + μ u, and u = −lr · v (see `Nesterov.lookAheadIterates`, which runs the
/// original form so that the claim can be checked).
///
/// PyTorch `SGD(momentum=μ, nesterov=True)` and optax `sgd(momentum=μ,
/// nesterov=True)` are exactly this rule (`convention: .pytorch`, the default).
/// `convention: .sutskever` runs the original form as a training loop can,
/// with the gradient at the weights it holds, which are the look-ahead point
/// θ + μ u (substitute θ = w − μ u in θ ← θ + u):
///
///     u ← μ · u − lr · g,    w ← w + μ · u − lr · g
///
/// which is also what Keras' `SGD(momentum=μ, nesterov=True)` does: the same
/// iterates as PyTorch's form for a constant learning rate, up to rounding.
public struct Nesterov: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// The momentum coefficient μ in [0, 1).
    public let momentum: Double
    /// Which velocity is kept: v in gradient units (PyTorch) or u = −lr v in weight units (Sutskever, Keras).
    public let convention: MomentumConvention
    private var slots = OptimizerSlots(slotCount: 1)

    /// Nesterov momentum: v ← μ v + g, θ ← θ − η (g + μ v) (PyTorch), or Sutskever's form (`convention`).
    public init(learningRate: Double, momentum: Double = 0.9, convention: MomentumConvention = .pytorch) {
        precondition(learningRate > 0, "Nesterov: learning rate must be > 0, got \(learningRate)")
        precondition(momentum >= 0 && momentum < 1, "Nesterov: μ must be in [0, 1), got \(momentum)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.convention = convention
    }

    /// The velocity of each parameter, v (PyTorch) or u (Sutskever); empty before the first step.
    public var velocities: [Matrix] { slots.isEmpty ? [] : slots.values[0] }

    /// v ← μ v + g; w ← w − lr (g + μ v) (PyTorch), or u ← μ u − lr g; w ← w + μ u − lr g (Sutskever).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate, mu = momentum
        switch convention {
        case .pytorch:
            slots.update(&parameters, gradients: gradients) { w, g, v, _ in
                v = mu * v + g
                w -= lr * (g + mu * v)
            }
        case .sutskever:
            slots.update(&parameters, gradients: gradients) { w, g, u, _ in
                u = mu * u - lr * g
                w += mu * u - lr * g
            }
        }
    }

    /// Runs Sutskever's look-ahead form on `f` from `start` (u₀ = 0):
    ///
    ///     u_{k+1} = μ u_k − lr ∇f(θ_k + μ u_k),   θ_{k+1} = θ_k + u_{k+1}
    ///
    /// - Returns: θ₀ … θ_steps and u₀ … u_steps. The look-ahead points
    ///   θ_k + μ u_k are the iterates of `Nesterov` (PyTorch's form) from the same start.
    public static func lookAheadIterates(
        on f: some ObjectiveFunction, from start: [Double],
        learningRate: Double, momentum: Double,
        steps: Int
    ) -> (positions: [[Double]], velocities: [[Double]]) {
        var theta = start
        var u = [Double](repeating: 0, count: start.count)
        var positions = [theta], velocities = [u]
        for _ in 0..<steps {
            let lookAhead = zip(theta, u).map { $0 + momentum * $1 }
            let g = f.gradient(at: lookAhead)
            u = zip(u, g).map { momentum * $0 - learningRate * $1 }
            theta = zip(theta, u).map { $0 + $1 }
            positions.append(theta)
            velocities.append(u)
        }
        return (positions, velocities)
    }
}
