/// A body of layers applied to every step of a sequence on its own, with
/// the same weights: the transformer's position-wise feed-forward block, a
/// token embedding, a per-step output layer.
///
/// Input m x (T·F) in the `SequenceLayout`; the body sees the (m·T) x F
/// matrix of all steps (row i·T + t is example i at step t, a free reshape)
/// and maps it to (m·T) x F′, which is read back as m x (T·F′). Backward is
/// the body's backward on the same reshape: since the body treats rows
/// independently, a step's output depends on that step's input only, and a
/// shared weight's gradient is the sum over all m·T rows.
///
/// The feed-forward block of a transformer (`feedForward`):
///
///     FFN(x) = φ(x W₁ + b₁) W₂ + b₂      W₁: D x H, W₂: H x D  (H = 4D in the original)
///
/// `parameters` are the body's (for `feedForward`: `[W₁, b₁, W₂, b₂]`, 2DH + H + D scalars).
public struct PositionWise: Layer {
    public static let kind = LayerKind.positionWise

    /// F, the features of one step of the input.
    public let features: Int
    /// The layers applied to each step.
    public var body: Sequential

    /// `body` applied to each step of F = `features` features.
    public init(features: Int, _ body: Sequential) {
        requireShape(features > 0, ShapeError("PositionWise", "a step needs at least one feature, got \(features)"))
        self.features = features
        self.body = body
    }

    /// The transformer's feed-forward block D → H → D with activation φ
    /// (default ReLU, as in "Attention is all you need").
    public static func feedForward(
        features: Int, hidden: Int, activation: Activation = .relu,
        generator: inout SeededGenerator
    ) -> PositionWise {
        let first = Dense(inputs: features, outputs: hidden, initializer: .heUniform, generator: &generator)
        let second = Dense(inputs: hidden, outputs: features, generator: &generator)
        return PositionWise(features: features, Sequential([first, ActivationLayer(activation), second]))
    }

    public var isTraining: Bool {
        get { body.isTraining }
        set { body.isTraining = newValue }
    }

    /// The body on every step: (m·T) x F → (m·T) x F′, read as m x (T·F′).
    public mutating func forward(_ input: Matrix) -> Matrix {
        let layout = SequenceLayout.reading(input, features: features, operation: "\(description).forward")
        let steps = input.reshaped(rows: input.rows * layout.steps, columns: features)
        let output = body.forward(steps)
        return output.reshaped(rows: input.rows, columns: layout.steps * output.columns)
    }

    /// The body's backward on the same reshape.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        let output = Swift.max(1, (try? body.outputColumns(forInputColumns: features)) ?? 1)
        requireShape(
            outputGradient.columns % output == 0,
            ShapeError("\(description).backward", "gradient \(outputGradient.shapeDescription) is not T·\(output) wide")
        )
        let steps = outputGradient.columns / output
        let inputGradient = body.backward(outputGradient.reshaped(rows: outputGradient.rows * steps, columns: output))
        return inputGradient.reshaped(rows: outputGradient.rows, columns: steps * features)
    }

    /// The body's parameter backward on the same reshape (for a first layer).
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        let output = Swift.max(1, (try? body.outputColumns(forInputColumns: features)) ?? 1)
        let steps = outputGradient.columns / output
        body.backwardToParameters(outputGradient.reshaped(rows: outputGradient.rows * steps, columns: output))
    }

    public var parameters: [Matrix] {
        get { body.parameters }
        set { body.parameters = newValue }
    }

    public mutating func updateParameters(
        _ update: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void
    ) {
        body.updateParameters(update)
    }

    public var parameterGradients: [Matrix] { body.parameterGradients }
    public var weightDecayMask: [Bool] { body.weightDecayMask }

    /// T·F → T·F′.
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns > 0 && inputColumns % features == 0 else {
            throw ShapeError(
                description, "takes T·\(features) input columns (T steps of \(features) features), got \(inputColumns)")
        }
        return inputColumns / features * (try body.outputColumns(forInputColumns: features))
    }

    /// `PositionWise(Dense(8 → 32), Activation(relu), Dense(32 → 8))`.
    public var description: String {
        "PositionWise(" + body.layers.map(\.description).joined(separator: ", ") + ")"
    }

    private enum CodingKeys: String, CodingKey {
        case features, body
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Int.self, forKey: .features)
        let body = try container.decode(Sequential.self, forKey: .body)
        guard features > 0, (try? body.outputColumns(forInputColumns: features)) != nil else {
            throw DecodingError.dataCorruptedError(
                forKey: .features, in: container,
                debugDescription: "PositionWise: the body does not take \(features) features per step")
        }
        self.init(features: features, body)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
        try container.encode(body, forKey: .body)
    }
}
