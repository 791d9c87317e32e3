/// How the spread of activations changes through a deep stack of layers,
/// for one activation and one initialiser: the experiment behind Xavier and
/// He initialisation.
///
/// The network is `depth` blocks of Dense(width → width) followed by φ, all
/// weights drawn by `initializer`, biases 0. For an input batch with
/// independent N(0, 1) entries, `standardDeviations[l]` is the standard
/// deviation over all entries of the output of block l + 1 (after φ).
///
/// Why it matters: with zero biases a unit computes z = Σₖ wₖ aₖ, so
/// Var(z) = fan_in · Var(w) · E[a²]. Under ReLU E[a²] = Var(z)/2, so the
/// second moment stays constant exactly when Var(w) = 2/fan_in (He); under
/// tanh (≈ identity near 0) Var(w) = 1/fan_in keeps it, and Xavier's
/// 2/(fan_in + fan_out) equals that for square layers. Smaller weights
/// shrink the signal geometrically with depth, larger ones blow it up (ReLU)
/// or saturate it at ±1 (tanh).
public struct DepthStudy: Sendable {
    /// The activation after each dense block.
    public let activation: Activation
    /// How each block's weights are drawn.
    public let initializer: WeightInitializer
    /// The number of dense blocks.
    public let depth: Int
    /// The width of every block (its weights are width x width).
    public let width: Int
    /// The standard deviation of the activations after each block, first block first.
    public let standardDeviations: [Double]

    /// Runs the experiment on a `batchSize x width` batch of N(0, 1) inputs,
    /// weights and inputs drawn from `SeededGenerator(seed:)`.
    public init(
        activation: Activation, initializer: WeightInitializer, depth: Int = 10, width: Int = 128,
        batchSize: Int = 256, seed: UInt64 = 7
    ) {
        precondition(
            depth > 0 && width > 0 && batchSize > 1, "DepthStudy: depth, width and batch size must be positive")
        var generator = SeededGenerator(seed: seed)
        var layers: [any Layer] = []
        for _ in 0..<depth {
            layers.append(Dense(inputs: width, outputs: width, initializer: initializer, generator: &generator))
            layers.append(ActivationLayer(activation))
        }
        var network = Sequential(layers)
        let input = generator.normalMatrix(rows: batchSize, columns: width)
        let outputs = network.forwardTrace(input)
        self.activation = activation
        self.initializer = initializer
        self.depth = depth
        self.width = width
        self.standardDeviations = stride(from: 1, to: outputs.count, by: 2).map {
            populationStandardDeviation(outputs[$0])
        }
    }
}

/// √((1/N) Σ (xᵢ − x̄)²) over all N elements of `m` (the population form,
/// dividing by N): the spread of a layer's activations.
public func populationStandardDeviation(_ m: Matrix) -> Double {
    let mean = m.mean
    return (m.map { ($0 - mean) * ($0 - mean) }.mean).squareRoot()
}
