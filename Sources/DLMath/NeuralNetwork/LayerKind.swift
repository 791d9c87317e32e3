/// The tag that names a layer's type in an encoded `Sequential`.
///
/// A `Sequential` writes each layer as `{"kind": "dense", "layer": {...}}` and
/// reads it back by switching on the tag. To add a layer type (dropout, a
/// convolution), add a case here and one line to `decodeLayer`.
public enum LayerKind: String, Codable, Sendable, CaseIterable {
    /// `Dense`.
    case dense
    /// `ActivationLayer`.
    case activation
    /// `Sequential`, nested.
    case sequential
    /// `Dropout`.
    case dropout
    /// `Conv2D`.
    case convolution
    /// `MaxPool2D`.
    case maxPooling
    /// `AveragePool2D`.
    case averagePooling
    /// `BatchNorm`.
    case batchNormalization
    /// `Recurrent<RNNCell>`.
    case rnn
    /// `Recurrent<LSTMCell>`.
    case lstm
    /// `Recurrent<GRUCell>`.
    case gru
    /// `LayerNorm`.
    case layerNormalization
    /// `MultiHeadAttention`.
    case multiHeadAttention
    /// `Residual`.
    case residual
    /// `PositionWise`.
    case positionWise
    /// `SinusoidalPositionalEncoding`.
    case sinusoidalPositionalEncoding
    /// `LearnedPositionalEncoding`.
    case learnedPositionalEncoding
    /// `TransformerBlock`.
    case transformerBlock

    /// Decodes the layer this tag names from `container[key]`.
    func decodeLayer<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> any Layer {
        switch self {
        case .dense: return try container.decode(Dense.self, forKey: key)
        case .activation: return try container.decode(ActivationLayer.self, forKey: key)
        case .sequential: return try container.decode(Sequential.self, forKey: key)
        case .dropout: return try container.decode(Dropout.self, forKey: key)
        case .convolution: return try container.decode(Conv2D.self, forKey: key)
        case .maxPooling: return try container.decode(MaxPool2D.self, forKey: key)
        case .averagePooling: return try container.decode(AveragePool2D.self, forKey: key)
        case .batchNormalization: return try container.decode(BatchNorm.self, forKey: key)
        case .rnn: return try container.decode(Recurrent<RNNCell>.self, forKey: key)
        case .lstm: return try container.decode(Recurrent<LSTMCell>.self, forKey: key)
        case .gru: return try container.decode(Recurrent<GRUCell>.self, forKey: key)
        case .layerNormalization: return try container.decode(LayerNorm.self, forKey: key)
        case .multiHeadAttention: return try container.decode(MultiHeadAttention.self, forKey: key)
        case .residual: return try container.decode(Residual.self, forKey: key)
        case .positionWise: return try container.decode(PositionWise.self, forKey: key)
        case .sinusoidalPositionalEncoding: return try container.decode(SinusoidalPositionalEncoding.self, forKey: key)
        case .learnedPositionalEncoding: return try container.decode(LearnedPositionalEncoding.self, forKey: key)
        case .transformerBlock: return try container.decode(TransformerBlock.self, forKey: key)
        }
    }
}

/// One layer with its kind tag, as `Sequential` encodes it.
struct TaggedLayer: Codable {
    var layer: any Layer

    init(_ layer: any Layer) { self.layer = layer }

    private enum CodingKeys: String, CodingKey {
        case kind, layer
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(LayerKind.self, forKey: .kind)
        layer = try kind.decodeLayer(from: container, forKey: .layer)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layer.kind, forKey: .kind)
        try container.encode(layer, forKey: .layer)
    }
}
