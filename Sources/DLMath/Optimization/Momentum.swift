/// Gradient descent with (heavy-ball) momentum, in PyTorch's form.
///
///     v ← μ · v + g          (v starts at 0)
///     w ← w − lr · v
///
/// The velocity v is a running sum of past gradients, each weighted by μᵏ;
/// under a constant gradient it tends to g / (1 − μ), so the effective step
/// grows by 1 / (1 − μ) (10× for μ = 0.9).
///
/// Conventions elsewhere, and how to match them (`convention`, see `MomentumConvention`):
/// - PyTorch `SGD(lr, momentum=μ)` (dampening 0), optax `sgd(lr, momentum=μ)`:
///   exactly this rule (`.pytorch`, the default).
/// - Keras `SGD(learning_rate, momentum=μ)`, Sutskever et al.: u ← μ u − lr g,
///   w ← w + u (`.sutskever`). With a constant learning rate u = −lr · v and the
///   iterates are the same up to rounding; they differ when lr changes during
///   training (Keras has folded the old learning rates into u, PyTorch applies
///   the new lr to the whole velocity).
/// - The "exponential moving average" form v ← μ v + (1 − μ) g, w ← w − lr' v
///   (PyTorch with dampening = μ) gives the same iterates with lr' = lr / (1 − μ).
public struct Momentum: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// The momentum coefficient μ in [0, 1).
    public let momentum: Double
    /// Which velocity is kept: v in gradient units (PyTorch) or u = −lr v in weight units (Sutskever, Keras).
    public let convention: MomentumConvention
    private var slots = OptimizerSlots(slotCount: 1)

    /// Momentum: v ← μ v + g, θ ← θ − η v (PyTorch), or Sutskever's v ← μ v − η g, θ ← θ + v (`convention`).
    public init(learningRate: Double, momentum: Double = 0.9, convention: MomentumConvention = .pytorch) {
        precondition(learningRate > 0, "Momentum: learning rate must be > 0, got \(learningRate)")
        precondition(momentum >= 0 && momentum < 1, "Momentum: μ must be in [0, 1), got \(momentum)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.convention = convention
    }

    /// The velocity of each parameter, v (PyTorch) or u (Sutskever); empty before the first step.
    public var velocities: [Matrix] { slots.isEmpty ? [] : slots.values[0] }

    /// v ← μ v + g; w ← w − lr v (PyTorch), or u ← μ u − lr g; w ← w + u (Sutskever).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate, mu = momentum
        switch convention {
        case .pytorch:
            slots.update(&parameters, gradients: gradients) { w, g, v, _ in
                v = mu * v + g
                w -= lr * v
            }
        case .sutskever:
            slots.update(&parameters, gradients: gradients) { w, g, u, _ in
                u = mu * u - lr * g
                w += u
            }
        }
    }
}
