/// RMSProp (Hinton, 2012): AdaGrad with a leaky accumulator, an exponential
/// moving average of squared gradients, so old gradients are forgotten.
///
///     s ← ρ · s + (1 − ρ) · g²          (s starts at 0)
///     w ← w − lr · g / (√s + ε)
///
/// No bias correction: s starts at 0, so the first step is
/// lr · g / (√(1 − ρ) |g| + ε) ≈ lr · sign(g) / √(1 − ρ), 10× lr for ρ = 0.99.
///
/// Conventions:
/// - PyTorch `RMSprop(lr=0.01, alpha=0.99, eps=1e-8)`: this rule, ε outside
///   the root (the defaults here; PyTorch calls ρ `alpha`).
/// - Keras `RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)`: ε inside the
///   root, w ← w − lr g / √(s + ε).
public struct RMSProp: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// The decay ρ in [0, 1) of the moving average.
    public let decay: Double
    /// ε > 0 added to √s (outside the root).
    public let epsilon: Double
    private var slots = OptimizerSlots(slotCount: 1)

    /// RMSProp: s ← ρ s + (1 − ρ) g², θ ← θ − η g / (√s + ε), with ρ = `decay`.
    public init(learningRate: Double = 0.01, decay: Double = 0.99, epsilon: Double = 1e-8) {
        precondition(learningRate > 0, "RMSProp: learning rate must be > 0, got \(learningRate)")
        precondition(decay >= 0 && decay < 1, "RMSProp: ρ must be in [0, 1), got \(decay)")
        precondition(epsilon > 0, "RMSProp: ε must be > 0, got \(epsilon)")
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
    }

    /// The moving averages s of squared gradients (empty before the first step).
    public var meanSquares: [Matrix] { slots.isEmpty ? [] : slots.values[0] }

    /// s ← ρ s + (1 − ρ) g²; w ← w − lr g / (√s + ε).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate, rho = decay, eps = epsilon
        slots.update(&parameters, gradients: gradients) { w, g, meanSquare, _ in
            meanSquare = rho * meanSquare + (1 - rho) * g * g
            w -= lr * g / (meanSquare.squareRoot() + eps)
        }
    }
}
