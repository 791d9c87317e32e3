/// AdamW (Loshchilov and Hutter, 2019): Adam with the weight decay taken out
/// of the gradient and applied to the weights directly.
///
///     w ← w − lr · λ · w                  (decoupled decay, before the Adam step)
///     w ← w − lr · m̂ / (√v̂ + ε)          (the Adam step of `Adam`, from g alone)
///
/// Why it matters: adding an L2 penalty (λ/2)‖w‖² to the loss puts λ w into
/// g, and Adam then divides it by √v̂ like the rest of the gradient, so
/// weights with large gradients are barely decayed. AdamW shrinks every
/// weight by the same factor (1 − lr λ) per step, whatever its gradient; with
/// a zero gradient the step is exactly w ← (1 − lr λ) w.
///
/// Conventions:
/// - PyTorch `AdamW(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)`:
///   this rule, the decay multiplied by lr (the defaults here).
/// - Keras `AdamW(learning_rate=0.001, weight_decay=0.004, epsilon=1e-7)`: the
///   same decay w ← w − lr λ w before its Adam step, which uses ε-hat:
///   `AdamW(epsilon: 1e-7, weightDecay: 0.004, convention: .keras)`.
/// - optax `adamw(learning_rate, weight_decay=1e-4)`: the decay −lr λ w is added
///   to the Adam step computed at the old weights, lr (m̂/(√v̂ + ε) + λ w); the
///   same point as decaying first, up to rounding.
/// - The paper multiplies the decay by a schedule multiplier η_t rather than
///   lr; with a constant learning rate that is λ_paper = lr · λ here.
public struct AdamW: Optimizer, Sendable {
    /// The Adam step taken after the decay (its learning rate is the one used for both).
    public private(set) var adam: Adam
    /// The decoupled weight decay λ >= 0.
    public let weightDecay: Double

    /// AdamW: Adam's step plus the decoupled decay θ ← θ − η λ θ, outside the adaptive scaling.
    public init(
        learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, weightDecay: Double = 0.01, convention: AdamConvention = .pytorch
    ) {
        precondition(weightDecay >= 0, "AdamW: weight decay must be >= 0, got \(weightDecay)")
        self.adam = Adam(
            learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, convention: convention)
        self.weightDecay = weightDecay
    }

    /// The step size lr > 0 (shared by the decay and the Adam step).
    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }

    /// w ← (1 − lr λ) w, then the Adam step from g.
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let shrink = 1 - adam.learningRate * weightDecay
        for i in parameters.indices { parameters[i] *= shrink }
        adam.step(&parameters, gradients: gradients)
    }
}
