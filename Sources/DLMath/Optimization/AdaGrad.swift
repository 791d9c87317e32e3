/// AdaGrad (Duchi, Hazan and Singer, 2011): each weight's step is divided by
/// the root of the sum of all its past squared gradients.
///
///     G ← G + g²                        (G starts at `initialAccumulator`, 0 by default)
///     w ← w − lr · g / (√G + ε)         (ε outside the root, by default)
///
/// Under a constant gradient g, after t steps G = t g² and the step is
/// lr · g / (√t |g| + ε) ≈ lr · sign(g) / √t: it shrinks as 1/√t whatever
/// the size of g.
///
/// Conventions (`initialAccumulator`, `epsilonPlacement`):
/// - PyTorch `Adagrad(lr=0.01, initial_accumulator_value=0, eps=1e-10)`: this
///   rule, G₀ = 0 and ε outside the square root (the defaults here).
/// - Keras `Adagrad(learning_rate=0.001, initial_accumulator_value=0.1,
///   epsilon=1e-7)`: G₀ = 0.1 and ε inside the root, w ← w − lr g / √(G + ε):
///   `AdaGrad(learningRate: 0.001, initialAccumulator: 0.1, epsilon: 1e-7,
///   epsilonPlacement: .insideRoot)`.
/// - optax `adagrad(learning_rate, initial_accumulator_value=0.1, eps=1e-7)`:
///   the same as Keras.
/// G₀ > 0 caps the first step at lr |g| / √(G₀ + g²) < lr instead of lr.
public struct AdaGrad: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// ε > 0 added to √G (or to G, under the root).
    public let epsilon: Double
    /// Whether ε goes outside the root (PyTorch) or inside it (Keras, optax).
    public let epsilonPlacement: EpsilonPlacement
    private var slots: OptimizerSlots

    /// AdaGrad: G ← G + g², θ ← θ − η g / (√G + ε) (ε outside the root, PyTorch) or η g / √(G + ε)
    /// (`.insideRoot`, Keras and optax), with G starting at `initialAccumulator`.
    public init(
        learningRate: Double = 0.01, initialAccumulator: Double = 0, epsilon: Double = 1e-10,
        epsilonPlacement: EpsilonPlacement = .outsideRoot
    ) {
        precondition(learningRate > 0, "AdaGrad: learning rate must be > 0, got \(learningRate)")
        precondition(initialAccumulator >= 0, "AdaGrad: initial accumulator must be >= 0, got \(initialAccumulator)")
        precondition(epsilon > 0, "AdaGrad: ε must be > 0, got \(epsilon)")
        self.learningRate = learningRate
        self.epsilon = epsilon
        self.epsilonPlacement = epsilonPlacement
        self.slots = OptimizerSlots(slotCount: 1, initialValue: initialAccumulator)
    }

    /// The value G starts at.
    public var initialAccumulator: Double { slots.initialValue }

    /// The accumulated squared gradients G of each parameter (empty before the first step).
    public var accumulators: [Matrix] { slots.isEmpty ? [] : slots.values[0] }

    /// G ← G + g²; w ← w − lr g / (√G + ε) (or / √(G + ε)).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate, eps = epsilon, placement = epsilonPlacement
        slots.update(&parameters, gradients: gradients) { w, g, sumOfSquares, _ in
            sumOfSquares += g * g
            w -= lr * g / placement.denominator(sumOfSquares, epsilon: eps)
        }
    }
}
