/// One layer of a network, forward beside backward (the "from scratch" way).
///
/// Conventions:
/// - A batch is a matrix with one example per row: `forward` maps an
///   `m x inputs` matrix to an `m x outputs` matrix.
/// - `forward` remembers what `backward` needs (its input, or its output).
/// - `backward(g)` takes g = ∂L/∂output (same shape as the last output),
///   stores ∂L/∂θ for each parameter θ in `parameterGradients` (overwriting,
///   not accumulating: one backward per forward), and returns ∂L/∂input.
///   Calling `backward` before `forward` is a programming error and stops.
/// - `parameters` and `parameterGradients` list matrices in the same, fixed
///   order (documented per layer), so an optimiser can update them pairwise:
///   `optimizer.step(&layer.parameters, gradients: layer.parameterGradients)`.
///   Setting `parameters` requires the same count and shapes.
/// - `isTraining` switches between training and inference behaviour; layers
///   that behave the same in both (dense, activations) ignore it.
/// - Every layer is `Codable` (its parameters and configuration, never the
///   cached forward values) and names its `kind`, the tag a `Sequential` writes
///   beside it so that it can decode the right type.
public protocol Layer: Sendable, Codable, CustomStringConvertible {
    /// The tag written before this layer when a `Sequential` is encoded.
    static var kind: LayerKind { get }

    /// The output for a batch (one example per row); remembers what `backward` needs.
    mutating func forward(_ input: Matrix) -> Matrix

    /// Given ∂L/∂output, stores ∂L/∂θ in `parameterGradients` and returns ∂L/∂input.
    mutating func backward(_ outputGradient: Matrix) -> Matrix

    /// The backward pass for the parameters only: stores ∂L/∂θ in
    /// `parameterGradients` as `backward` does, without computing ∂L/∂input
    /// (for the first layer of a network, whose input gradient nobody reads:
    /// for a dense layer that saves the product g Wᵀ).
    /// Default: `backward`, its result dropped.
    mutating func backwardToParameters(_ outputGradient: Matrix)

    /// The trainable parameters, in the layer's documented order (empty when none).
    var parameters: [Matrix] { get set }

    /// ∂L/∂θ from the last `backward`, one per parameter, same order and shapes
    /// (zeros before the first `backward`).
    var parameterGradients: [Matrix] { get }

    /// True while training, false for inference (default: ignored, reads true).
    var isTraining: Bool { get set }

    /// For each entry of `parameters`, whether L2 weight decay applies to it:
    /// true for weight matrices, false for biases (the usual convention, since
    /// a bias scales no input and shrinking it does not smooth the function).
    /// Default: false for every parameter.
    var weightDecayMask: [Bool] { get }

    /// Calls `body(i, &θᵢ, ∂L/∂θᵢ)` for every parameter, in the order of
    /// `parameters`, letting `body` change θᵢ in place (not its shape): the
    /// optimizers' in-place step (`optimizer.step(&layer)`), with no copy of
    /// the parameter list and no shape checks per step.
    /// Default: through `parameters` and `parameterGradients` (get, update, set).
    mutating func updateParameters(_ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void)

    /// The number of output columns for `inputColumns` input columns; throws a
    /// `ShapeError` naming the layer when it cannot take that input width.
    func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int
}

extension Layer {
    /// Layers without a training/inference difference: the flag reads `true`
    /// and setting it does nothing.
    public var isTraining: Bool {
        get { true }
        set {}
    }

    /// `backward`, its result dropped.
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        _ = backward(outputGradient)
    }

    /// The round trip: gets `parameters`, lets `body` update each beside its
    /// gradient, sets them back (with the setter's shape checks).
    public mutating func updateParameters(_ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void)
    {
        var values = parameters
        let gradients = parameterGradients
        for index in values.indices { body(index, &values[index], gradients[index]) }
        parameters = values
    }

    /// No parameter is decayed unless the layer says so.
    public var weightDecayMask: [Bool] { Array(repeating: false, count: parameters.count) }

    /// The number of trainable scalars, Σ over parameters of rows · columns.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// The kind of this layer (see `LayerKind`).
    public var kind: LayerKind { Self.kind }
}

/// Replaces `current` by `new`, checking that the count and shapes agree:
/// the shared rule behind every layer's `parameters` setter.
func requireSameShapes(_ new: [Matrix], as current: [Matrix], layer: String) {
    requireShape(
        new.count == current.count,
        ShapeError("\(layer).parameters", "expected \(current.count) matrices, got \(new.count)"))
    for (index, (a, b)) in zip(new, current).enumerated() {
        requireShape(
            a.rows == b.rows && a.columns == b.columns,
            ShapeError(
                "\(layer).parameters", "matrix \(index) has shape \(a.shapeDescription), expected \(b.shapeDescription)"
            ))
    }
}
