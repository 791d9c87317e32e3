/// RMSProp (Hinton, 2012): AdaGrad with a leaky accumulator, an exponential
/// moving average of squared gradients, so old gradients are forgotten.
///
///     s ← ρ · s + (1 − ρ) · g²          (s starts at s₀, 0 by default)
///     w ← w − lr · g / (√s + ε)         (ε outside the root, by default)
///
/// No bias correction: from s₀ = 0 the first step is
/// lr · g / (√(1 − ρ) |g| + ε) ≈ lr · sign(g) / √(1 − ρ), 10× lr for ρ = 0.99.
///
/// Conventions (`epsilonPlacement`, `initialMeanSquare`):
/// - PyTorch `RMSprop(lr=0.01, alpha=0.99, eps=1e-8)`: this rule, s₀ = 0 and
///   ε outside the root (the defaults here; PyTorch calls ρ `alpha`).
/// - Keras `RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)`: s₀ = 0 and
///   ε inside the root, w ← w − lr g / √(s + ε): `epsilonPlacement: .insideRoot`.
/// - optax `rmsprop(learning_rate, decay=0.9, eps=1e-8, initial_scale=0.)`: ε
///   inside the root too, and s₀ = `initial_scale`.
/// - TensorFlow 1's `RMSPropOptimizer` started s at 1 (`initialMeanSquare: 1`),
///   which makes its first steps about lr · g / √(ρ + (1 − ρ) g²) instead of 10 lr.
public struct RMSProp: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// The decay ρ in [0, 1) of the moving average.
    public let decay: Double
    /// ε > 0 added to √s (or to s, under the root).
    public let epsilon: Double
    /// Whether ε goes outside the root (PyTorch) or inside it (Keras, optax).
    public let epsilonPlacement: EpsilonPlacement
    private var slots: OptimizerSlots

    /// RMSProp: s ← ρ s + (1 − ρ) g², θ ← θ − η g / (√s + ε) with ρ = `decay` (PyTorch), or with ε
    /// inside the root (`.insideRoot`, Keras and optax); s starts at `initialMeanSquare`.
    public init(
        learningRate: Double = 0.01, decay: Double = 0.99, epsilon: Double = 1e-8,
        epsilonPlacement: EpsilonPlacement = .outsideRoot, initialMeanSquare: Double = 0
    ) {
        precondition(learningRate > 0, "RMSProp: learning rate must be > 0, got \(learningRate)")
        precondition(decay >= 0 && decay < 1, "RMSProp: ρ must be in [0, 1), got \(decay)")
        precondition(epsilon > 0, "RMSProp: ε must be > 0, got \(epsilon)")
        precondition(initialMeanSquare >= 0, "RMSProp: the initial mean square must be >= 0, got \(initialMeanSquare)")
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
        self.epsilonPlacement = epsilonPlacement
        self.slots = OptimizerSlots(slotCount: 1, initialValue: initialMeanSquare)
    }

    /// The value s starts at, s₀.
    public var initialMeanSquare: Double { slots.initialValue }

    /// The moving averages s of squared gradients (empty before the first step).
    public var meanSquares: [Matrix] { slots.isEmpty ? [] : slots.values[0] }

    /// s ← ρ s + (1 − ρ) g²; w ← w − lr g / (√s + ε) (or / √(s + ε)).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate, rho = decay, eps = epsilon, placement = epsilonPlacement
        slots.update(&parameters, gradients: gradients) { w, g, meanSquare, _ in
            meanSquare = rho * meanSquare + (1 - rho) * g * g
            w -= lr * g / placement.denominator(meanSquare, epsilon: eps)
        }
    }
}
