import Foundation

/// Adds the fixed sinusoidal position code of "Attention is all you need" to
/// every step: y_t = x_t + PE(t).
///
///     PE(t, 2i)     = sin(t / 10000^(2i/D))
///     PE(t, 2i + 1) = cos(t / 10000^(2i/D))          t = 0…T−1, i = 0…⌈D/2⌉−1
///
/// Each pair of features is a rotation at its own frequency, from one
/// radian per step (i = 0) down to 1/10000, so PE(t + k) is a fixed linear
/// map of PE(t) for every t. Without it, self-attention cannot tell the
/// steps apart: permuting the input steps permutes the output the same way.
///
/// Input and output m x (T·D), any T. No parameters; backward is the identity.
public struct SinusoidalPositionalEncoding: Layer {
    public static let kind = LayerKind.sinusoidalPositionalEncoding

    /// D, the features of one step.
    public let features: Int

    /// Adds PE(t, 2i) = sin(t / 10000^(2i/D)), PE(t, 2i+1) = cos(t / 10000^(2i/D)) to each step of D = `features` features.
    public init(features: Int) {
        requireShape(
            features > 0, ShapeError("SinusoidalPositionalEncoding", "needs at least one feature, got \(features)"))
        self.features = features
    }

    /// PE as a T x D matrix (row t is PE(t)).
    public static func table(steps: Int, features: Int) -> Matrix {
        Matrix(rows: steps, columns: features) { t, f in
            let angle = Double(t) / pow(10000, Double(f - f % 2) / Double(features))
            return f % 2 == 0 ? sin(angle) : cos(angle)
        }
    }

    /// x + PE, every example.
    public mutating func forward(_ input: Matrix) -> Matrix { self(input) }

    /// x + PE, every example.
    public func callAsFunction(_ input: Matrix) -> Matrix {
        let layout = SequenceLayout.reading(input, features: features, operation: "\(description).forward")
        let code = SinusoidalPositionalEncoding.table(steps: layout.steps, features: features).reshaped(
            rows: 1, columns: input.columns)
        return input + Matrix(rows: input.rows, columns: input.columns) { _, j in code[0, j] }
    }

    /// ∂L/∂x = ∂L/∂y.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix { outputGradient }

    public var parameters: [Matrix] {
        get { [] }
        set { requireSameShapes(newValue, as: [], layer: "SinusoidalPositionalEncoding") }
    }

    public var parameterGradients: [Matrix] { [] }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns > 0 && inputColumns % features == 0 else {
            throw ShapeError(
                description, "takes T·\(features) input columns (T steps of \(features) features), got \(inputColumns)")
        }
        return inputColumns
    }

    /// `SinusoidalPositionalEncoding(8)`.
    public var description: String { "SinusoidalPositionalEncoding(\(features))" }

    private enum CodingKeys: String, CodingKey {
        case features
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let features = try container.decode(Int.self, forKey: .features)
        guard features > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .features, in: container,
                debugDescription: "SinusoidalPositionalEncoding: \(features) features")
        }
        self.init(features: features)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(features, forKey: .features)
    }
}
