/// One pre-norm transformer block (the form of GPT-2 and most models since):
///
///     a = x + MultiHeadAttention(LayerNorm₁(x))
///     y = a + FFN(LayerNorm₂(a))                      FFN: D → H → D, position-wise
///
/// Input and output m x (T·D) in the `SequenceLayout`. Backward, for g = ∂L/∂y,
/// each residual passes its gradient straight through and adds its branch's:
///
///     ∂L/∂a = g + LayerNorm₂.backward(FFN.backward(g))
///     ∂L/∂x = ∂L/∂a + LayerNorm₁.backward(MHA.backward(∂L/∂a))
///
/// Post-norm, the form of "Attention is all you need" (2017), normalises
/// after each addition instead: a = LayerNorm₁(x + MHA(x)),
/// y = LayerNorm₂(a + FFN(a)). There the gradient to x must pass through
/// every LayerNorm of the stack, which is why post-norm needs a learning-rate
/// warm-up to train deep stacks; pre-norm leaves an un-normalised identity
/// path from the output to the input (and usually ends the stack with one
/// more LayerNorm).
///
/// `parameters`: `[γ₁, β₁, W_Q, W_K, W_V, W_O, b_O, γ₂, β₂, W₁, b₁, W₂, b₂]`,
/// 4D² + D (attention) + 2DH + H + D (feed-forward) + 4D (norms) = 4D² + 2DH + 6D + H scalars.
public struct TransformerBlock: Layer {
    public static let kind = LayerKind.transformerBlock

    /// The layer norm before attention: h = x + Attention(LN₁(x)).
    public private(set) var firstNorm: LayerNorm
    /// The multi-head self-attention (its mask can be set, e.g. causal).
    public var attention: MultiHeadAttention
    /// The layer norm before the feed-forward block: y = h + FFN(LN₂(h)).
    public private(set) var secondNorm: LayerNorm
    /// The position-wise feed-forward block, FFN(x) = φ(x W₁ + b₁) W₂ + b₂ at every step.
    public private(set) var feedForward: PositionWise

    /// A block from its parts; all must have the same width D, the feed-forward block D → D.
    public init(firstNorm: LayerNorm, attention: MultiHeadAttention, secondNorm: LayerNorm, feedForward: PositionWise) {
        let d = attention.featureCount
        requireShape(
            firstNorm.featureCount == d && secondNorm.featureCount == d && feedForward.features == d
                && (try? feedForward.outputColumns(forInputColumns: d)) == d,
            ShapeError(
                "TransformerBlock",
                "the norms (\(firstNorm.featureCount), \(secondNorm.featureCount)), the attention (\(d)) and the feed-forward block (\(feedForward.description)) need one width"
            ))
        self.firstNorm = firstNorm
        self.attention = attention
        self.secondNorm = secondNorm
        self.feedForward = feedForward
    }

    /// D wide, `heads` heads, a D → `hidden` → D ReLU feed-forward block; weights from `generator`.
    public init(features: Int, heads: Int, hidden: Int, mask: AttentionMask = .none, generator: inout SeededGenerator) {
        let attention = MultiHeadAttention(features: features, heads: heads, mask: mask, generator: &generator)
        let feedForward = PositionWise.feedForward(features: features, hidden: hidden, generator: &generator)
        self.init(
            firstNorm: LayerNorm(features: features), attention: attention,
            secondNorm: LayerNorm(features: features), feedForward: feedForward)
    }

    /// D.
    public var featureCount: Int { attention.featureCount }

    /// The attention's mask.
    public var mask: AttentionMask {
        get { attention.mask }
        set { attention.mask = newValue }
    }

    /// y = a + FFN(LN₂(a)), a = x + MHA(LN₁(x)).
    public mutating func forward(_ input: Matrix) -> Matrix {
        let a = input + attention.forward(firstNorm.forward(input))
        return a + feedForward.forward(secondNorm.forward(a))
    }

    /// ∂L/∂x through both residuals (see the type).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        let a = outputGradient + secondNorm.backward(feedForward.backward(outputGradient))
        return a + firstNorm.backward(attention.backward(a))
    }

    private var parts: [any Layer] { [firstNorm, attention, secondNorm, feedForward] }

    public var parameters: [Matrix] {
        get { parts.flatMap(\.parameters) }
        set {
            requireSameShapes(newValue, as: parameters, layer: "TransformerBlock")
            var start = 0
            func next(_ count: Int) -> [Matrix] {
                defer { start += count }
                return Array(newValue[start..<(start + count)])
            }
            firstNorm.parameters = next(2)
            attention.parameters = next(5)
            secondNorm.parameters = next(2)
            feedForward.parameters = next(feedForward.parameters.count)
        }
    }

    public var parameterGradients: [Matrix] { parts.flatMap(\.parameterGradients) }
    public var weightDecayMask: [Bool] { parts.flatMap(\.weightDecayMask) }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        try attention.outputColumns(forInputColumns: inputColumns)
    }

    /// `TransformerBlock(D 16, 2 heads, FFN 64, pre-norm)`.
    public var description: String {
        let hidden = (feedForward.body.layers.first as? Dense)?.outputCount.description ?? "?"
        return
            "TransformerBlock(D \(featureCount), \(attention.headCount) head\(attention.headCount == 1 ? "" : "s"), FFN \(hidden)\(mask.causal ? ", causal" : ""), pre-norm)"
    }

    private enum CodingKeys: String, CodingKey {
        case firstNorm, attention, secondNorm, feedForward
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let firstNorm = try container.decode(LayerNorm.self, forKey: .firstNorm)
        let attention = try container.decode(MultiHeadAttention.self, forKey: .attention)
        let secondNorm = try container.decode(LayerNorm.self, forKey: .secondNorm)
        let feedForward = try container.decode(PositionWise.self, forKey: .feedForward)
        let d = attention.featureCount
        guard firstNorm.featureCount == d, secondNorm.featureCount == d, feedForward.features == d,
            (try? feedForward.outputColumns(forInputColumns: d)) == d
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .attention, in: container,
                debugDescription: "TransformerBlock: the parts do not share one width \(d)")
        }
        self.init(firstNorm: firstNorm, attention: attention, secondNorm: secondNorm, feedForward: feedForward)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(firstNorm, forKey: .firstNorm)
        try container.encode(attention, forKey: .attention)
        try container.encode(secondNorm, forKey: .secondNorm)
        try container.encode(feedForward, forKey: .feedForward)
    }
}
