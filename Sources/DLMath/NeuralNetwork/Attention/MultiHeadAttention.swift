/// Multi-head self-attention over a batch of sequences.
///
/// Input and output: m x (T·D) in the `SequenceLayout` of chapter 13 (column
/// t·D + f is feature f of step t), read as the (m·T) x D matrix X of all
/// tokens (row i·T + t is example i at step t). With H heads of width
/// d = D / H:
///
///     Q = X W_Q,   K = X W_K,   V = X W_V                 (m·T) x D each
///     head h of example i:  Oᵢₕ = attention(Qᵢₕ, Kᵢₕ, Vᵢₕ; M)
///     Y = [Oᵢ₁ | … | Oᵢ_H] W_O + b_O
///
/// The head split layout: head h owns the columns h·d ..< (h+1)·d of Q, K and
/// V, and example i the rows i·T ..< (i+1)·T; the heads are joined by writing
/// each Oᵢₕ back into the same rows and columns, so the joined matrix has the
/// layout of Q, and W_O mixes the heads. The mask (`AttentionMask`) applies
/// to every head.
///
/// Backward, for G = ∂L/∂Y (as (m·T) x D), with J the joined heads:
///
///     ∂L/∂W_O = Jᵀ G,   ∂L/∂b_O = Σ rows of G,   ∂L/∂J = G W_Oᵀ
///     each head: ∂L/∂Qᵢₕ, ∂L/∂Kᵢₕ, ∂L/∂Vᵢₕ by `ScaledDotProductAttention.backward`
///     ∂L/∂W_Q = Xᵀ ∂L/∂Q  (and so for K, V)
///     ∂L/∂X = ∂L/∂Q W_Qᵀ + ∂L/∂K W_Kᵀ + ∂L/∂V W_Vᵀ
///
/// `parameters` is `[W_Q, W_K, W_V, W_O, b_O]` (W's D x D, b_O 1 x D): 4D² + D scalars.
public struct MultiHeadAttention: Layer {
    public static let kind = LayerKind.multiHeadAttention

    /// H, the number of heads (a divisor of D).
    public let headCount: Int
    /// W_Q, W_K, W_V, W_O (D x D) and b_O (1 x D).
    public private(set) var queryWeights: Matrix
    /// W_K: K = X W_K.
    public private(set) var keyWeights: Matrix
    /// W_V: V = X W_V.
    public private(set) var valueWeights: Matrix
    /// W_O, which mixes the joined heads: Y = concat(head₁, …, head_H) W_O + b_O.
    public private(set) var outputWeights: Matrix
    /// b_O (1 x D).
    public private(set) var outputBias: Matrix
    /// The mask every head applies (its `causal` flag is saved; valid lengths are per batch and not saved).
    public var mask: AttentionMask = .none
    /// ∂L/∂θ from the last backward, in the order of `parameters`.
    public private(set) var parameterGradients: [Matrix]
    /// The attention weights P of the last forward, `[example][head]`, each T x T.
    public private(set) var lastWeights: [[Matrix]] = []
    private var cache: Cache?

    private struct Cache {
        var tokens: Matrix, queries: Matrix, keys: Matrix, values: Matrix, joined: Matrix
        var heads: [[ScaledDotProductAttention]]
        var examples: Int, steps: Int
    }

    /// A layer with the given projections (each D x D) and output bias (1 x D).
    public init(
        queryWeights: Matrix, keyWeights: Matrix, valueWeights: Matrix,
        outputWeights: Matrix, outputBias: Matrix, headCount: Int, mask: AttentionMask = .none
    ) {
        let d = queryWeights.rows
        for (name, w) in [("W_Q", queryWeights), ("W_K", keyWeights), ("W_V", valueWeights), ("W_O", outputWeights)] {
            requireShape(
                w.rows == d && w.columns == d,
                ShapeError("MultiHeadAttention", "\(name) is \(w.shapeDescription), expected \(d)x\(d)"))
        }
        requireShape(
            outputBias.rows == 1 && outputBias.columns == d,
            ShapeError("MultiHeadAttention", "b_O is \(outputBias.shapeDescription), expected 1x\(d)"))
        requireShape(
            headCount >= 1 && d % headCount == 0,
            ShapeError("MultiHeadAttention", "\(headCount) heads do not divide the model width \(d)"))
        self.queryWeights = queryWeights
        self.keyWeights = keyWeights
        self.valueWeights = valueWeights
        self.outputWeights = outputWeights
        self.outputBias = outputBias
        self.headCount = headCount
        self.mask = mask
        self.parameterGradients = [queryWeights, keyWeights, valueWeights, outputWeights, outputBias].map {
            Matrix(rows: $0.rows, columns: $0.columns)
        }
    }

    /// D = `features` wide with `heads` heads; the four projections Xavier uniform from `generator`, b_O = 0.
    public init(features: Int, heads: Int, mask: AttentionMask = .none, generator: inout SeededGenerator) {
        let draw = { (g: inout SeededGenerator) in
            WeightInitializer.xavierUniform.matrix(fanIn: features, fanOut: features, using: &g)
        }
        let q = draw(&generator), k = draw(&generator), v = draw(&generator), o = draw(&generator)
        self.init(
            queryWeights: q, keyWeights: k, valueWeights: v, outputWeights: o,
            outputBias: Matrix(rows: 1, columns: features), headCount: heads, mask: mask)
    }

    /// D, the model width.
    public var featureCount: Int { queryWeights.rows }
    /// d = D / H, the width of one head.
    public var headWidth: Int { featureCount / headCount }

    /// Y for a batch of sequences; remembers what backward needs.
    public mutating func forward(_ input: Matrix) -> Matrix {
        let d = featureCount, width = headWidth
        let layout = SequenceLayout.reading(input, features: d, operation: "\(description).forward")
        let (m, steps) = (input.rows, layout.steps)
        let tokens = input.reshaped(rows: m * steps, columns: d)
        let queries = tokens * queryWeights, keys = tokens * keyWeights, values = tokens * valueWeights
        var joined = Matrix(rows: m * steps, columns: d)
        var heads: [[ScaledDotProductAttention]] = []
        heads.reserveCapacity(m)
        for i in 0..<m {
            let rows = (i * steps)..<((i + 1) * steps)
            let additive = mask.additive(queries: steps, keys: steps, example: i)
            var exampleHeads: [ScaledDotProductAttention] = []
            for h in 0..<headCount {
                let columns = (h * width)..<((h + 1) * width)
                let head = ScaledDotProductAttention(
                    queries: queries.block(rows: rows, columns: columns),
                    keys: keys.block(rows: rows, columns: columns),
                    values: values.block(rows: rows, columns: columns), mask: additive)
                joined.setBlock(row: rows.lowerBound, column: columns.lowerBound, head.output)
                exampleHeads.append(head)
            }
            heads.append(exampleHeads)
        }
        lastWeights = heads.map { $0.map(\.weights) }
        cache = Cache(
            tokens: tokens, queries: queries, keys: keys, values: values, joined: joined,
            heads: heads, examples: m, steps: steps)
        return joined.times(outputWeights, addingRow: outputBias).reshaped(rows: m, columns: steps * d)
    }

    /// Stores ∂L/∂W_Q, ∂L/∂W_K, ∂L/∂W_V, ∂L/∂W_O, ∂L/∂b_O; returns ∂L/∂X (m x T·D).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let cache else { preconditionFailure("MultiHeadAttention.backward called before forward") }
        let d = featureCount, width = headWidth, (m, steps) = (cache.examples, cache.steps)
        requireShape(
            outputGradient.rows == m && outputGradient.columns == steps * d,
            ShapeError(
                "\(description).backward", "gradient \(outputGradient.shapeDescription), expected \(m)x\(steps * d)"))
        let g = outputGradient.reshaped(rows: m * steps, columns: d)
        let joinedGradient = g.timesTransposed(outputWeights)
        var dQ = Matrix(rows: m * steps, columns: d), dK = dQ, dV = dQ
        for i in 0..<m {
            let rows = (i * steps)..<((i + 1) * steps)
            for h in 0..<headCount {
                let columns = (h * width)..<((h + 1) * width)
                let result = cache.heads[i][h].backward(
                    joinedGradient.block(rows: rows, columns: columns),
                    queries: cache.queries.block(rows: rows, columns: columns),
                    keys: cache.keys.block(rows: rows, columns: columns),
                    values: cache.values.block(rows: rows, columns: columns))
                dQ.setBlock(row: rows.lowerBound, column: columns.lowerBound, result.queries)
                dK.setBlock(row: rows.lowerBound, column: columns.lowerBound, result.keys)
                dV.setBlock(row: rows.lowerBound, column: columns.lowerBound, result.values)
            }
        }
        parameterGradients = [
            cache.tokens.transposedTimes(dQ), cache.tokens.transposedTimes(dK), cache.tokens.transposedTimes(dV),
            cache.joined.transposedTimes(g), g.sum(along: .rows)
        ]
        let inputGradient =
            dQ.timesTransposed(queryWeights) + dK.timesTransposed(keyWeights) + dV.timesTransposed(valueWeights)
        return inputGradient.reshaped(rows: m, columns: steps * d)
    }

    /// `[W_Q, W_K, W_V, W_O, b_O]`.
    public var parameters: [Matrix] {
        get { [queryWeights, keyWeights, valueWeights, outputWeights, outputBias] }
        set {
            requireSameShapes(newValue, as: parameters, layer: "MultiHeadAttention")
            queryWeights = newValue[0]; keyWeights = newValue[1]; valueWeights = newValue[2]
            outputWeights = newValue[3]; outputBias = newValue[4]
        }
    }

    /// The four projections are decayed, b_O is not.
    public var weightDecayMask: [Bool] { [true, true, true, true, false] }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns > 0 && inputColumns % featureCount == 0 else {
            throw ShapeError(
                description,
                "takes T·\(featureCount) input columns (T steps of \(featureCount) features), got \(inputColumns)")
        }
        return inputColumns
    }

    /// `MultiHeadAttention(D 8, 2 heads, causal)`.
    public var description: String {
        "MultiHeadAttention(D \(featureCount), \(headCount) head\(headCount == 1 ? "" : "s")\(mask.causal ? ", causal" : ""))"
    }

    // Codable: the projections, the head count and the causal flag.
    private enum CodingKeys: String, CodingKey {
        case queryWeights, keyWeights, valueWeights, outputWeights, outputBias, headCount, causal
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let q = try container.decode(Matrix.self, forKey: .queryWeights)
        let k = try container.decode(Matrix.self, forKey: .keyWeights)
        let v = try container.decode(Matrix.self, forKey: .valueWeights)
        let o = try container.decode(Matrix.self, forKey: .outputWeights)
        let b = try container.decode(Matrix.self, forKey: .outputBias)
        let heads = try container.decode(Int.self, forKey: .headCount)
        let d = q.rows
        guard [q, k, v, o].allSatisfy({ $0.rows == d && $0.columns == d }), b.rows == 1, b.columns == d,
            heads >= 1, d % heads == 0
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .queryWeights, in: container,
                debugDescription:
                    "MultiHeadAttention: projections \([q, k, v, o].map(\.shapeDescription)), bias \(b.shapeDescription) and \(heads) heads do not fit together"
            )
        }
        self.init(
            queryWeights: q, keyWeights: k, valueWeights: v, outputWeights: o, outputBias: b, headCount: heads,
            mask: AttentionMask(causal: try container.decode(Bool.self, forKey: .causal)))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(queryWeights, forKey: .queryWeights)
        try container.encode(keyWeights, forKey: .keyWeights)
        try container.encode(valueWeights, forKey: .valueWeights)
        try container.encode(outputWeights, forKey: .outputWeights)
        try container.encode(outputBias, forKey: .outputBias)
        try container.encode(headCount, forKey: .headCount)
        try container.encode(mask.causal, forKey: .causal)
    }
}
