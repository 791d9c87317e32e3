/// A fully connected layer: y = x W + b.
///
/// Shapes: x is m x n (m examples, n inputs), W is n x k (inputs x outputs),
/// b is 1 x k (added to every row), y is m x k.
///
/// Backward, for g = ∂L/∂y (m x k), by the chain rule on yᵢⱼ = Σₗ xᵢₗ Wₗⱼ + bⱼ:
///
///     ∂L/∂W = xᵀ g          (n x k)
///     ∂L/∂b = Σᵢ gᵢ         (1 x k, the column sums of g)
///     ∂L/∂x = g Wᵀ          (m x n)
///
/// `parameters` is `[W, b]`, in that order; so is `parameterGradients`.
/// Parameter count n·k + k.
public struct Dense: Layer {
    public static let kind = LayerKind.dense

    /// W, inputs x outputs.
    public private(set) var weights: Matrix
    /// b, 1 x outputs.
    public private(set) var bias: Matrix
    /// ∂L/∂W from the last backward (zeros before).
    public private(set) var weightGradient: Matrix
    /// ∂L/∂b from the last backward (zeros before).
    public private(set) var biasGradient: Matrix
    /// The input of the last forward, kept for backward.
    private var lastInput: Matrix?

    /// A layer with the given weights (inputs x outputs) and bias (1 x outputs).
    public init(weights: Matrix, bias: Matrix) {
        requireShape(
            bias.rows == 1 && bias.columns == weights.columns,
            ShapeError(
                "Dense",
                "bias \(bias.shapeDescription) must be 1x\(weights.columns) for weights \(weights.shapeDescription)"))
        self.weights = weights
        self.bias = bias
        self.weightGradient = Matrix(rows: weights.rows, columns: weights.columns)
        self.biasGradient = Matrix(rows: 1, columns: bias.columns)
    }

    /// A layer from `inputs` to `outputs` units, W drawn by `initializer` from
    /// `generator` (default Xavier uniform, Keras' default), b = 0.
    public init(
        inputs: Int, outputs: Int, initializer: WeightInitializer = .xavierUniform,
        generator: inout SeededGenerator
    ) {
        self.init(
            weights: initializer.matrix(fanIn: inputs, fanOut: outputs, using: &generator),
            bias: Matrix(rows: 1, columns: outputs))
    }

    /// Number of inputs n (rows of W).
    public var inputCount: Int { weights.rows }
    /// Number of outputs k (columns of W).
    public var outputCount: Int { weights.columns }

    /// y = x W + b, one example per row; remembers x.
    public mutating func forward(_ input: Matrix) -> Matrix {
        lastInput = input
        return Dense.apply(input, weights: weights, bias: bias)
    }

    /// y = x W + b without remembering anything (inference).
    public func callAsFunction(_ input: Matrix) -> Matrix {
        Dense.apply(input, weights: weights, bias: bias)
    }

    private static func apply(_ input: Matrix, weights: Matrix, bias: Matrix) -> Matrix {
        requireShape(
            input.columns == weights.rows,
            ShapeError(
                "Dense.forward",
                "input \(input.shapeDescription) has \(input.columns) columns, the layer takes \(weights.rows)"))
        return input.times(weights, addingRow: bias)
    }

    /// Stores ∂L/∂W = xᵀ g and ∂L/∂b = Σᵢ gᵢ; returns ∂L/∂x = g Wᵀ.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        backwardToParameters(outputGradient)
        return outputGradient.timesTransposed(weights)
    }

    /// Stores ∂L/∂W = xᵀ g and ∂L/∂b = Σᵢ gᵢ, without the product g Wᵀ.
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        guard let input = lastInput else { preconditionFailure("Dense.backward called before forward") }
        requireShape(
            outputGradient.rows == input.rows && outputGradient.columns == weights.columns,
            ShapeError(
                "Dense.backward",
                "gradient \(outputGradient.shapeDescription), expected \(input.rows)x\(weights.columns)"))
        weightGradient = input.transposedTimes(outputGradient)
        biasGradient = outputGradient.sum(along: .rows)
    }

    /// `[W, b]`.
    public var parameters: [Matrix] {
        get { [weights, bias] }
        set {
            requireSameShapes(newValue, as: [weights, bias], layer: "Dense")
            weights = newValue[0]
            bias = newValue[1]
        }
    }

    /// W then b, each beside its gradient, updated in place (shapes checked after).
    public mutating func updateParameters(_ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void)
    {
        let (rows, columns) = weights.shape
        body(0, &weights, weightGradient)
        body(1, &bias, biasGradient)
        requireShape(
            weights.rows == rows && weights.columns == columns && bias.rows == 1 && bias.columns == columns,
            ShapeError(
                "Dense.updateParameters",
                "an update changed W to \(weights.shapeDescription) or b to \(bias.shapeDescription)"))
    }

    /// `[true, false]`: W is decayed, b is not.
    public var weightDecayMask: [Bool] { [true, false] }

    /// `[∂L/∂W, ∂L/∂b]`.
    public var parameterGradients: [Matrix] { [weightGradient, biasGradient] }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns == weights.rows else {
            throw ShapeError(
                "Dense(\(weights.rows) → \(weights.columns))",
                "takes \(weights.rows) input columns, got \(inputColumns)")
        }
        return weights.columns
    }

    /// `Dense(3 → 4)`.
    public var description: String { "Dense(\(weights.rows) → \(weights.columns))" }

    // Codable: the weights and bias only (not the cached input or the gradients).
    private enum CodingKeys: String, CodingKey {
        case weights, bias
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let weights = try container.decode(Matrix.self, forKey: .weights)
        let bias = try container.decode(Matrix.self, forKey: .bias)
        guard bias.rows == 1 && bias.columns == weights.columns else {
            throw DecodingError.dataCorruptedError(
                forKey: .bias, in: container,
                debugDescription:
                    "Dense: bias \(bias.shapeDescription) does not fit weights \(weights.shapeDescription)")
        }
        self.init(weights: weights, bias: bias)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weights, forKey: .weights)
        try container.encode(bias, forKey: .bias)
    }
}
