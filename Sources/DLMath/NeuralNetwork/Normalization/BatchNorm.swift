/// Batch normalisation (Ioffe and Szegedy 2015): each feature, or each
/// channel of an image, standardised over the batch and then scaled and
/// shifted by learned γ and β.
///
/// Training, for the N values x₁ … x_N of one feature over the batch (per
/// feature: N = m examples; per channel: N = m·H·W, every position of every
/// example):
///
///     μ = (1/N) Σ xₖ,   σ² = (1/N) Σ (xₖ − μ)²   (the biased variance)
///     x̂ₖ = (xₖ − μ) / √(σ² + ε),   yₖ = γ x̂ₖ + β
///
/// with ε inside the square root (default 1e-5, PyTorch's and Keras' 1e-3 is
/// the other common choice). Evaluation uses running estimates instead of
/// the batch's statistics, updated at every training forward with momentum
/// α = 0.1 (PyTorch's convention; Keras writes momentum 0.99 for the weight
/// of the old value):
///
///     running μ ← (1 − α) running μ + α μ
///     running σ² ← (1 − α) running σ² + α σ² · N/(N − 1)   (the unbiased variance, as PyTorch)
///
/// starting at 0 and 1. Backward in training, for g = ∂L/∂y (derived in
/// chapter 12; μ and σ² depend on every xₖ):
///
///     ∂L/∂γ = Σ gₖ x̂ₖ,   ∂L/∂β = Σ gₖ
///     ∂L/∂xₖ = γ / (N √(σ² + ε)) · (N gₖ − Σⱼ gⱼ − x̂ₖ Σⱼ gⱼ x̂ⱼ)
///
/// In evaluation the statistics are constants: ∂L/∂xₖ = γ gₖ / √(running σ² + ε).
///
/// Layout: per feature, input m x F and γ, β 1 x F; per channel the layer is
/// told the `ImageShape` (channels first) and γ, β are 1 x C.
/// `parameters` is `[γ, β]` (neither decayed). `Codable`: the layout, γ, β,
/// the running statistics, ε and α.
public struct BatchNorm: Layer {
    public static let kind = LayerKind.batchNormalization

    /// nil: per feature (column); an image shape: per channel of that shape.
    public let imageShape: ImageShape?
    /// The number of normalised features or channels.
    public let featureCount: Int
    /// ε, added to the variance under the square root.
    public let epsilon: Double
    /// α, the weight of the new batch in the running statistics.
    public let momentum: Double
    /// γ, 1 x features (starts at 1).
    public private(set) var scale: Matrix
    /// β, 1 x features (starts at 0).
    public private(set) var shift: Matrix
    /// The running mean and (unbiased) variance used in evaluation, 1 x features.
    public private(set) var runningMean: Matrix, runningVariance: Matrix
    /// ∂L/∂γ and ∂L/∂β from the last backward.
    public private(set) var scaleGradient: Matrix, shiftGradient: Matrix
    /// Training (batch statistics) or evaluation (running statistics).
    public var isTraining = true
    /// What backward needs: x̂, 1/√(σ² + ε) per feature, and the mode of the forward.
    private var cache: (normalized: Matrix, inverseDeviation: [Double], training: Bool)?

    /// Per-feature normalisation of `features` columns.
    public init(features: Int, epsilon: Double = 1e-5, momentum: Double = 0.1) {
        self.init(imageShape: nil, featureCount: features, epsilon: epsilon, momentum: momentum)
    }

    /// Per-channel normalisation of images of `shape` (statistics over examples and positions).
    public init(channelsOf shape: ImageShape, epsilon: Double = 1e-5, momentum: Double = 0.1) {
        self.init(imageShape: shape, featureCount: shape.channels, epsilon: epsilon, momentum: momentum)
    }

    private init(imageShape: ImageShape?, featureCount: Int, epsilon: Double, momentum: Double) {
        precondition(featureCount >= 1, "BatchNorm: at least one feature, got \(featureCount)")
        precondition(epsilon > 0 && momentum >= 0 && momentum <= 1, "BatchNorm: ε must be > 0 and momentum in [0, 1]")
        self.imageShape = imageShape
        self.featureCount = featureCount
        self.epsilon = epsilon
        self.momentum = momentum
        scale = Matrix(rows: 1, columns: featureCount, repeating: 1)
        shift = Matrix(rows: 1, columns: featureCount)
        runningMean = Matrix(rows: 1, columns: featureCount)
        runningVariance = Matrix(rows: 1, columns: featureCount, repeating: 1)
        scaleGradient = Matrix(rows: 1, columns: featureCount)
        shiftGradient = Matrix(rows: 1, columns: featureCount)
    }

    /// The columns one example takes.
    private var inputColumns: Int { imageShape?.count ?? featureCount }
    /// The positions per feature within one example: H·W per channel, 1 per feature.
    private var positions: Int { imageShape?.pixelsPerChannel ?? 1 }

    /// Calls `body(feature, index)` for every element of an m-row batch, grouped by feature.
    @inline(__always)
    private func forEachElement(rows: Int, _ body: (Int, Int) -> Void) {
        let p = positions
        for n in 0..<rows {
            for f in 0..<featureCount {
                let base = n * inputColumns + f * p
                for k in 0..<p { body(f, base + k) }
            }
        }
    }

    /// y = γ x̂ + β, with the batch's statistics in training (updating the running ones) and the running ones in evaluation.
    public mutating func forward(_ input: Matrix) -> Matrix {
        requireShape(
            input.columns == inputColumns,
            ShapeError(
                "BatchNorm.forward",
                "input \(input.shapeDescription) has \(input.columns) columns, the layer takes \(inputColumns)\(imageShape.map { " (\($0))" } ?? "")"
            ))
        let x = input.elements
        var mean = [Double](repeating: 0, count: featureCount), variance = mean
        if isTraining {
            let count = Double(input.rows * positions)
            requireShape(
                count > 1,
                ShapeError(
                    "BatchNorm.forward",
                    "training needs at least 2 values per feature, got a batch \(input.shapeDescription)"))
            forEachElement(rows: input.rows) { f, index in mean[f] += x[index] }
            for f in 0..<featureCount { mean[f] /= count }
            forEachElement(rows: input.rows) { f, index in variance[f] += (x[index] - mean[f]) * (x[index] - mean[f]) }
            for f in 0..<featureCount {
                variance[f] /= count
                runningMean[0, f] = (1 - momentum) * runningMean[0, f] + momentum * mean[f]
                runningVariance[0, f] =
                    (1 - momentum) * runningVariance[0, f] + momentum * variance[f] * count / (count - 1)
            }
        } else {
            mean = runningMean.elements
            variance = runningVariance.elements
        }
        let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
        var normalized = [Double](repeating: 0, count: x.count), output = normalized
        forEachElement(rows: input.rows) { f, index in
            normalized[index] = (x[index] - mean[f]) * inverse[f]
            output[index] = scale.elements[f] * normalized[index] + shift.elements[f]
        }
        cache = (Matrix(rows: input.rows, columns: input.columns, elements: normalized), inverse, isTraining)
        return Matrix(rows: input.rows, columns: input.columns, elements: output)
    }

    /// Stores ∂L/∂γ = Σ g x̂ and ∂L/∂β = Σ g; returns ∂L/∂x (see the type).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let (normalizedMatrix, inverse, training) = cache else {
            preconditionFailure("BatchNorm.backward called before forward")
        }
        requireShape(
            outputGradient.rows == normalizedMatrix.rows && outputGradient.columns == normalizedMatrix.columns,
            ShapeError(
                "BatchNorm.backward",
                "gradient \(outputGradient.shapeDescription), expected \(normalizedMatrix.shapeDescription)"))
        let g = outputGradient.elements, normalized = normalizedMatrix.elements
        var sumG = [Double](repeating: 0, count: featureCount), sumGX = sumG
        forEachElement(rows: outputGradient.rows) { f, index in
            sumG[f] += g[index]
            sumGX[f] += g[index] * normalized[index]
        }
        scaleGradient = Matrix(row: sumGX)
        shiftGradient = Matrix(row: sumG)
        let count = Double(outputGradient.rows * positions)
        var inputGradient = [Double](repeating: 0, count: g.count)
        forEachElement(rows: outputGradient.rows) { f, index in
            let gamma = scale.elements[f]
            inputGradient[index] =
                training
                ? gamma * inverse[f] / count * (count * g[index] - sumG[f] - normalized[index] * sumGX[f])
                : gamma * inverse[f] * g[index]
        }
        return Matrix(rows: outputGradient.rows, columns: outputGradient.columns, elements: inputGradient)
    }

    /// `[γ, β]`.
    public var parameters: [Matrix] {
        get { [scale, shift] }
        set {
            requireSameShapes(newValue, as: [scale, shift], layer: "BatchNorm")
            scale = newValue[0]
            shift = newValue[1]
        }
    }

    /// `[∂L/∂γ, ∂L/∂β]`.
    public var parameterGradients: [Matrix] { [scaleGradient, shiftGradient] }

    public func outputColumns(forInputColumns columns: Int) throws(ShapeError) -> Int {
        guard columns == inputColumns else {
            throw ShapeError(description, "takes \(inputColumns) input columns, got \(columns)")
        }
        return columns
    }

    /// `BatchNorm(16 features)` or `BatchNorm(channels of 16x8x8)`.
    public var description: String {
        imageShape.map { "BatchNorm(channels of \($0))" } ?? "BatchNorm(\(featureCount) features)"
    }

    private enum CodingKeys: String, CodingKey {
        case imageShape, features, epsilon, momentum, scale, shift, runningMean, runningVariance
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decodeIfPresent(ImageShape.self, forKey: .imageShape)
        let features = try container.decode(Int.self, forKey: .features)
        let epsilon = try container.decode(Double.self, forKey: .epsilon)
        let momentum = try container.decode(Double.self, forKey: .momentum)
        guard features >= 1, shape == nil || shape!.channels == features, epsilon > 0, momentum >= 0, momentum <= 1
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .features, in: container,
                debugDescription:
                    "BatchNorm: \(features) features, ε \(epsilon), momentum \(momentum) are not a valid layer")
        }
        self.init(imageShape: shape, featureCount: features, epsilon: epsilon, momentum: momentum)
        let statistics = [
            try container.decode(Matrix.self, forKey: .scale), try container.decode(Matrix.self, forKey: .shift),
            try container.decode(Matrix.self, forKey: .runningMean),
            try container.decode(Matrix.self, forKey: .runningVariance)
        ]
        guard statistics.allSatisfy({ $0.rows == 1 && $0.columns == features }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .scale, in: container,
                debugDescription: "BatchNorm: γ, β and the running statistics must be 1x\(features)")
        }
        (scale, shift, runningMean, runningVariance) = (statistics[0], statistics[1], statistics[2], statistics[3])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(imageShape, forKey: .imageShape)
        try container.encode(featureCount, forKey: .features)
        try container.encode(epsilon, forKey: .epsilon)
        try container.encode(momentum, forKey: .momentum)
        try container.encode(scale, forKey: .scale)
        try container.encode(shift, forKey: .shift)
        try container.encode(runningMean, forKey: .runningMean)
        try container.encode(runningVariance, forKey: .runningVariance)
    }
}
