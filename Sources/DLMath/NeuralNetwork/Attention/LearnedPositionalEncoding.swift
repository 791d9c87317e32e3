/// Adds a learned vector per position to every step: y_t = x_t + P_t.
///
/// P is maxSteps x D, trained like any weight (BERT and GPT-2 do this); a
/// sequence of T ≤ maxSteps steps uses the rows 0…T−1. Backward, for
/// g = ∂L/∂y:
///
///     ∂L/∂x = g,    ∂L/∂P_t = Σᵢ g_{i,t}  for t < T,  0 for the rows past T
///
/// Unlike the sinusoidal code it cannot reach positions it has not seen in
/// training. `parameters` is `[P]`.
public struct LearnedPositionalEncoding: Layer {
    public static let kind = LayerKind.learnedPositionalEncoding

    /// P, maxSteps x D.
    public private(set) var positions: Matrix
    public private(set) var parameterGradients: [Matrix]
    private var lastInputShape: (rows: Int, columns: Int)?

    /// A layer with the given P (maxSteps x D).
    public init(positions: Matrix) {
        requireShape(
            positions.rows > 0 && positions.columns > 0,
            ShapeError(
                "LearnedPositionalEncoding",
                "P must have at least one step and one feature, got \(positions.shapeDescription)"))
        self.positions = positions
        self.parameterGradients = [Matrix(rows: positions.rows, columns: positions.columns)]
    }

    /// maxSteps x D, P drawn from N(0, `standardDeviation`²).
    public init(maxSteps: Int, features: Int, standardDeviation: Double = 0.1, generator: inout SeededGenerator) {
        self.init(
            positions: generator.normalMatrix(rows: maxSteps, columns: features, standardDeviation: standardDeviation))
    }

    /// D.
    public var features: Int { positions.columns }
    /// The longest sequence the layer takes.
    public var maxSteps: Int { positions.rows }

    /// x + P, the first T rows of P, every example.
    public mutating func forward(_ input: Matrix) -> Matrix {
        let layout = SequenceLayout.reading(input, features: features, operation: "\(description).forward")
        requireShape(
            layout.steps <= maxSteps,
            ShapeError("\(description).forward", "\(layout.steps) steps, the layer has positions for \(maxSteps)"))
        lastInputShape = (input.rows, input.columns)
        let code = positions.elements
        return input + Matrix(rows: input.rows, columns: input.columns) { _, j in code[j] }
    }

    /// Stores ∂L/∂P (column sums of g, rows past T zero); returns g.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let shape = lastInputShape else {
            preconditionFailure("LearnedPositionalEncoding.backward called before forward")
        }
        requireShape(
            outputGradient.rows == shape.rows && outputGradient.columns == shape.columns,
            ShapeError(
                "\(description).backward",
                "gradient \(outputGradient.shapeDescription), expected \(shape.rows)x\(shape.columns)"))
        var gradient = [Double](repeating: 0, count: positions.count)
        let sums = outputGradient.sum(along: .rows)
        for j in 0..<shape.columns { gradient[j] = sums[0, j] }
        parameterGradients = [Matrix(rows: positions.rows, columns: positions.columns, elements: gradient)]
        return outputGradient
    }

    /// `[P]`.
    public var parameters: [Matrix] {
        get { [positions] }
        set {
            requireSameShapes(newValue, as: [positions], layer: "LearnedPositionalEncoding")
            positions = newValue[0]
        }
    }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns > 0 && inputColumns % features == 0 && inputColumns / features <= maxSteps else {
            throw ShapeError(description, "takes T·\(features) input columns with T ≤ \(maxSteps), got \(inputColumns)")
        }
        return inputColumns
    }

    /// `LearnedPositionalEncoding(8 steps x 16)`.
    public var description: String { "LearnedPositionalEncoding(\(maxSteps) steps x \(features))" }

    private enum CodingKeys: String, CodingKey {
        case positions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let positions = try container.decode(Matrix.self, forKey: .positions)
        guard positions.rows > 0 && positions.columns > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .positions, in: container,
                debugDescription: "LearnedPositionalEncoding: P is \(positions.shapeDescription)")
        }
        self.init(positions: positions)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(positions, forKey: .positions)
    }
}
