/// A residual connection around a body of layers: y = x + f(x).
///
/// The body must keep the width (f(x) has the shape of x). Backward, for
/// g = ∂L/∂y:
///
///     ∂L/∂x = g + f.backward(g)
///
/// The identity term passes g to the input unchanged, however small the
/// body's own Jacobian is: in a deep stack of residual blocks the gradient
/// at the first layer is g times a sum of products that always contains the
/// product of identities, 1, so it cannot vanish as it does through a plain
/// stack (chapter 14's figure). `parameters` are the body's.
public struct Residual: Layer {
    public static let kind = LayerKind.residual

    /// f, the branch beside the identity.
    public var body: Sequential

    /// x + body(x).
    public init(_ body: Sequential) {
        self.body = body
    }

    /// x + body(x), for a body given as a list of layers.
    public init(_ layers: [any Layer]) {
        self.init(Sequential(layers))
    }

    public var isTraining: Bool {
        get { body.isTraining }
        set { body.isTraining = newValue }
    }

    /// y = x + f(x).
    public mutating func forward(_ input: Matrix) -> Matrix {
        let branch = body.forward(input)
        requireShape(
            branch.rows == input.rows && branch.columns == input.columns,
            ShapeError(
                "\(description).forward",
                "the body maps \(input.shapeDescription) to \(branch.shapeDescription); a residual needs the same shape"
            ))
        return input + branch
    }

    /// ∂L/∂x = g + f.backward(g).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        outputGradient + body.backward(outputGradient)
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

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        let columns = try body.outputColumns(forInputColumns: inputColumns)
        guard columns == inputColumns else {
            throw ShapeError(
                description, "the body maps \(inputColumns) columns to \(columns); a residual needs the same width")
        }
        return columns
    }

    /// `Residual(LayerNorm(8), MultiHeadAttention(…))`.
    public var description: String {
        "Residual(" + body.layers.map(\.description).joined(separator: ", ") + ")"
    }

    private enum CodingKeys: String, CodingKey {
        case body
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Sequential.self, forKey: .body))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(body, forKey: .body)
    }
}
