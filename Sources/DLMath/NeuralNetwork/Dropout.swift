/// Inverted dropout with rate p: in training, each activation is kept with
/// probability 1 − p and scaled by 1/(1 − p), or set to 0 with probability p;
/// in evaluation it is the identity.
///
///     training:    y = x ⊙ m,   mᵢⱼ = kᵢⱼ / (1 − p),   kᵢⱼ ~ Bernoulli(1 − p) independent
///     evaluation:  y = x
///
/// The scaling keeps the expectation: E[yᵢⱼ] = (1 − p) · xᵢⱼ/(1 − p) = xᵢⱼ, so
/// the next layer sees inputs of the same size in both modes and nothing
/// needs rescaling at inference (the "inverted" form, PyTorch's `Dropout(p)`
/// and Keras' `Dropout(rate)`; the original paper scaled at test time instead).
///
/// Backward, for g = ∂L/∂y: y is linear in x with the mask fixed, so
///
///     ∂L/∂x = g ⊙ m   (training),      ∂L/∂x = g   (evaluation).
///
/// No parameters. Masks come from a `SeededGenerator` started at `seed` and
/// advanced by every training forward (a copy of the layer draws the same
/// masks as the original from the point of copying). For a gradient check,
/// `init(rate:fixedMask:)` uses one given keep pattern on every forward.
/// `Codable`: the rate and the seed (a decoded layer draws from the seed's
/// start again); a fixed mask is not saved.
public struct Dropout: Layer {
    public static let kind = LayerKind.dropout

    /// The probability p in [0, 1) of dropping each activation.
    public let rate: Double
    /// The seed of the masks' generator.
    public let seed: UInt64
    /// Training (masks drawn) or evaluation (identity).
    public var isTraining = true
    /// The multiplier m of the last forward: 0 or 1/(1 − p) per element in
    /// training; nil after a forward in evaluation mode or before any forward.
    public private(set) var lastMask: Matrix?

    private var generator: SeededGenerator
    /// The keep pattern (1 keep, 0 drop) used on every training forward, for gradient checks.
    private let fixedKeep: Matrix?
    /// Whether a forward has run (backward needs one).
    private var hasForward = false

    /// Dropout with rate p in [0, 1), masks drawn from `SeededGenerator(seed: seed)`.
    public init(rate: Double, seed: UInt64) {
        self.init(rate: rate, seed: seed, fixedKeep: nil)
    }

    /// Dropout that always keeps the elements where `fixedMask` is 1 and drops
    /// those where it is 0 (every entry must be 0 or 1; inputs must have its
    /// shape), scaling the kept ones by 1/(1 − p). For gradient checks: the
    /// layer is then a fixed linear map in training mode.
    public init(rate: Double, fixedMask: Matrix) {
        precondition(
            fixedMask.elements.allSatisfy { $0 == 0 || $0 == 1 },
            "Dropout: a fixed mask holds only 0 (drop) and 1 (keep)")
        self.init(rate: rate, seed: 0, fixedKeep: fixedMask)
    }

    private init(rate: Double, seed: UInt64, fixedKeep: Matrix?) {
        precondition(rate >= 0 && rate < 1, "Dropout: rate must be in [0, 1), got \(rate)")
        self.rate = rate
        self.seed = seed
        self.generator = SeededGenerator(seed: seed)
        self.fixedKeep = fixedKeep
    }

    /// Training: x ⊙ m with a fresh mask (or the fixed one); evaluation: x.
    public mutating func forward(_ input: Matrix) -> Matrix {
        hasForward = true
        guard isTraining else {
            lastMask = nil
            return input
        }
        let scale = 1 / (1 - rate)
        let mask: Matrix
        if let fixedKeep {
            requireShape(
                fixedKeep.rows == input.rows && fixedKeep.columns == input.columns,
                ShapeError(
                    "Dropout.forward",
                    "input \(input.shapeDescription) does not match the fixed mask \(fixedKeep.shapeDescription)"))
            mask = fixedKeep * scale
        } else {
            let p = rate
            mask = Matrix(rows: input.rows, columns: input.columns) { _, _ in
                generator.uniform() < p ? 0 : scale
            }
        }
        lastMask = mask
        return input .* mask
    }

    /// ∂L/∂x = g ⊙ m after a training forward, g after an evaluation forward.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        precondition(hasForward, "Dropout.backward called before forward")
        guard let mask = lastMask else { return outputGradient }
        requireShape(
            outputGradient.rows == mask.rows && outputGradient.columns == mask.columns,
            ShapeError(
                "Dropout.backward", "gradient \(outputGradient.shapeDescription), expected \(mask.shapeDescription)"))
        return outputGradient .* mask
    }

    /// None: `[]`.
    public var parameters: [Matrix] {
        get { [] }
        set { requireSameShapes(newValue, as: [], layer: "Dropout") }
    }

    public var parameterGradients: [Matrix] { [] }

    /// The same number of columns as the input.
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int { inputColumns }

    /// `Dropout(0.2)`.
    public var description: String { "Dropout(\(formatCompact(rate)))" }

    private enum CodingKeys: String, CodingKey {
        case rate, seed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rate = try container.decode(Double.self, forKey: .rate)
        guard rate >= 0 && rate < 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .rate, in: container,
                debugDescription: "Dropout: rate \(rate) is not in [0, 1)")
        }
        self.init(rate: rate, seed: try container.decode(UInt64.self, forKey: .seed))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rate, forKey: .rate)
        try container.encode(seed, forKey: .seed)
    }
}
