/// An element-wise activation as a layer: a = φ(z).
///
/// Backward, for g = ∂L/∂a: since aᵢⱼ depends only on zᵢⱼ,
///
///     ∂L/∂z = g ⊙ φ′(z)
///
/// (element-wise product). No parameters. The conventions of φ′ at kinks
/// (ReLU′(0) = 0) are those of `Activation`.
public struct ActivationLayer: Layer {
    public static let kind = LayerKind.activation

    /// φ.
    public let activation: Activation
    /// The input z of the last forward, kept for backward.
    private var lastInput: Matrix?

    /// A layer that applies `activation` to every entry: Y = f(Z), ∂L/∂Z = ∂L/∂Y ⊙ f′(Z).
    public init(_ activation: Activation) {
        self.activation = activation
    }

    /// φ(z), element by element; remembers z.
    public mutating func forward(_ input: Matrix) -> Matrix {
        lastInput = input
        return activation(input)
    }

    /// ∂L/∂z = g ⊙ φ′(z).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let input = lastInput else { preconditionFailure("ActivationLayer.backward called before forward") }
        requireShape(
            outputGradient.rows == input.rows && outputGradient.columns == input.columns,
            ShapeError(
                "ActivationLayer.backward",
                "gradient \(outputGradient.shapeDescription), expected \(input.shapeDescription)"))
        return activation.backward(outputGradient, at: input)
    }

    /// None: `[]`.
    public var parameters: [Matrix] {
        get { [] }
        set { requireSameShapes(newValue, as: [], layer: "ActivationLayer") }
    }

    public var parameterGradients: [Matrix] { [] }

    /// The same number of columns as the input.
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int { inputColumns }

    /// `Activation(relu)`.
    public var description: String { "Activation(\(activation.name))" }

    private enum CodingKeys: String, CodingKey {
        case activation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Activation.self, forKey: .activation))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(activation, forKey: .activation)
    }
}
