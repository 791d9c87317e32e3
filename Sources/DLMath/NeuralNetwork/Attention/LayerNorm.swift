/// Layer normalisation: each token normalised over its own D features.
///
/// Input and output m x (T·D) in the `SequenceLayout`; every token x (one
/// step of one example, a row of the (m·T) x D view) on its own:
///
///     μ = (1/D) Σ_f x_f,   σ² = (1/D) Σ_f (x_f − μ)²
///     x̂ = (x − μ) / √(σ² + ε),   y = γ ⊙ x̂ + β         (γ, β: 1 x D)
///
/// ε sits inside the root (as in PyTorch and Keras, default 1e-5). Unlike
/// batch normalisation (chapter 12), which averages each feature over the
/// examples of the batch, nothing here mixes examples or steps: the same
/// formula in training and inference, no running averages, any batch size
/// and sequence length, and a padded step cannot change a real one.
///
/// Backward, for g = ∂L/∂y per token, with s = 1/√(σ² + ε) and ĝ = γ ⊙ g:
///
///     ∂L/∂γ = Σ_tokens g ⊙ x̂,   ∂L/∂β = Σ_tokens g
///     ∂L/∂x = s (ĝ − mean_f(ĝ) − x̂ mean_f(ĝ ⊙ x̂))
///
/// (the two means are the gradient through μ and through σ²).
/// `parameters` is `[γ, β]`: 2D scalars.
public struct LayerNorm: Layer {
    public static let kind = LayerKind.layerNormalization

    /// γ (1 x D, starts at 1) and β (1 x D, starts at 0).
    public private(set) var scale: Matrix
    /// β, the shift added after scaling: y = γ x̂ + β.
    public private(set) var shift: Matrix
    /// ε, inside the square root.
    public let epsilon: Double
    public private(set) var parameterGradients: [Matrix]
    /// x̂ and 1/√(σ² + ε) per token from the last forward, and the input's shape.
    private var cache: (normalized: Matrix, inverseDeviations: [Double], rows: Int, columns: Int)?

    /// A layer with the given γ and β (1 x D each).
    public init(scale: Matrix, shift: Matrix, epsilon: Double = 1e-5) {
        requireShape(
            scale.rows == 1 && shift.rows == 1 && scale.columns == shift.columns && scale.columns > 0,
            ShapeError("LayerNorm", "γ \(scale.shapeDescription) and β \(shift.shapeDescription) must both be 1xD"))
        requireShape(epsilon > 0, ShapeError("LayerNorm", "ε must be positive, got \(epsilon)"))
        self.scale = scale
        self.shift = shift
        self.epsilon = epsilon
        self.parameterGradients = [Matrix(rows: 1, columns: scale.columns), Matrix(rows: 1, columns: scale.columns)]
    }

    /// D features, γ = 1, β = 0.
    public init(features: Int, epsilon: Double = 1e-5) {
        self.init(
            scale: Matrix(rows: 1, columns: features, repeating: 1), shift: Matrix(rows: 1, columns: features),
            epsilon: epsilon)
    }

    /// D.
    public var featureCount: Int { scale.columns }

    /// y = γ x̂ + β per token; remembers x̂ and 1/√(σ² + ε).
    public mutating func forward(_ input: Matrix) -> Matrix {
        let d = featureCount
        let layout = SequenceLayout.reading(input, features: d, operation: "\(description).forward")
        let tokens = input.rows * layout.steps
        var normalized = input.reshaped(rows: tokens, columns: d)
        var output = normalized
        var inverseDeviations = [Double](repeating: 0, count: tokens)
        for r in 0..<tokens {
            var mean = 0.0
            for f in 0..<d { mean += normalized[r, f] }
            mean /= Double(d)
            var variance = 0.0
            for f in 0..<d { variance += (normalized[r, f] - mean) * (normalized[r, f] - mean) }
            variance /= Double(d)
            let s = 1 / (variance + epsilon).squareRoot()
            inverseDeviations[r] = s
            for f in 0..<d {
                let xHat = (normalized[r, f] - mean) * s
                normalized[r, f] = xHat
                output[r, f] = scale[0, f] * xHat + shift[0, f]
            }
        }
        cache = (normalized, inverseDeviations, input.rows, input.columns)
        return output.reshaped(rows: input.rows, columns: input.columns)
    }

    /// Stores ∂L/∂γ, ∂L/∂β; returns ∂L/∂x (see the type).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let cache else { preconditionFailure("LayerNorm.backward called before forward") }
        requireShape(
            outputGradient.rows == cache.rows && outputGradient.columns == cache.columns,
            ShapeError(
                "\(description).backward",
                "gradient \(outputGradient.shapeDescription), expected \(cache.rows)x\(cache.columns)"))
        let d = featureCount, tokens = cache.normalized.rows
        let g = outputGradient.reshaped(rows: tokens, columns: d)
        var scaleGradient = Matrix(rows: 1, columns: d), shiftGradient = Matrix(rows: 1, columns: d)
        var inputGradient = Matrix(rows: tokens, columns: d)
        for r in 0..<tokens {
            var meanGradient = 0.0, meanProduct = 0.0
            for f in 0..<d {
                let xHat = cache.normalized[r, f], gHat = g[r, f] * scale[0, f]
                scaleGradient[0, f] += g[r, f] * xHat
                shiftGradient[0, f] += g[r, f]
                meanGradient += gHat
                meanProduct += gHat * xHat
            }
            meanGradient /= Double(d)
            meanProduct /= Double(d)
            let s = cache.inverseDeviations[r]
            for f in 0..<d {
                inputGradient[r, f] = s * (g[r, f] * scale[0, f] - meanGradient - cache.normalized[r, f] * meanProduct)
            }
        }
        parameterGradients = [scaleGradient, shiftGradient]
        return inputGradient.reshaped(rows: cache.rows, columns: cache.columns)
    }

    /// `[γ, β]`.
    public var parameters: [Matrix] {
        get { [scale, shift] }
        set {
            requireSameShapes(newValue, as: [scale, shift], layer: "LayerNorm")
            scale = newValue[0]
            shift = newValue[1]
        }
    }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns > 0 && inputColumns % featureCount == 0 else {
            throw ShapeError(
                description,
                "takes T·\(featureCount) input columns (T steps of \(featureCount) features), got \(inputColumns)")
        }
        return inputColumns
    }

    /// `LayerNorm(8)`.
    public var description: String { "LayerNorm(\(featureCount))" }

    private enum CodingKeys: String, CodingKey {
        case scale, shift, epsilon
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scale = try container.decode(Matrix.self, forKey: .scale)
        let shift = try container.decode(Matrix.self, forKey: .shift)
        let epsilon = try container.decode(Double.self, forKey: .epsilon)
        guard scale.rows == 1, shift.rows == 1, scale.columns == shift.columns, scale.columns > 0, epsilon > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .scale, in: container,
                debugDescription:
                    "LayerNorm: γ \(scale.shapeDescription), β \(shift.shapeDescription), ε \(epsilon) do not fit together"
            )
        }
        self.init(scale: scale, shift: shift, epsilon: epsilon)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scale, forKey: .scale)
        try container.encode(shift, forKey: .shift)
        try container.encode(epsilon, forKey: .epsilon)
    }
}
