/// Layers applied one after another: a multilayer perceptron is
/// `Sequential([Dense, Activation, Dense, ...])`.
///
/// - Forward: a₀ = x, aₗ = layerₗ(aₗ₋₁), output a_L.
/// - Backward: g_L = ∂L/∂a_L, then gₗ₋₁ = layerₗ.backward(gₗ) from the last
///   layer to the first; returns ∂L/∂x. Each layer stores its own ∂L/∂θ.
/// - `parameters` (and `parameterGradients`, in the same order) are the
///   layers' parameter lists concatenated from the first layer to the last:
///   for Dense–Activation–Dense that is `[W₁, b₁, W₂, b₂]`. Setting
///   `parameters` splits the list back by each layer's count; the count and
///   every shape must agree.
/// - `isTraining` is passed to every layer when set.
/// - `Codable`: the layers, each tagged with its `LayerKind`
///   (`{"layers": [{"kind": "dense", "layer": {...}}, ...]}`); cached forward
///   values and gradients are not saved, and a decoded network is in training mode.
///
/// A `Sequential` is itself a `Layer`, so networks nest.
public struct Sequential: Layer {
    public static let kind = LayerKind.sequential

    /// The layers, first applied first.
    public var layers: [any Layer]

    /// The training/inference flag; setting it sets it on every layer.
    public var isTraining: Bool = true {
        didSet {
            for index in layers.indices { layers[index].isTraining = isTraining }
        }
    }

    /// The network f = f_L ∘ … ∘ f₁ of `layers`, applied first to last.
    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    /// a_L, passing the batch through every layer in order (each remembers what backward needs).
    public mutating func forward(_ input: Matrix) -> Matrix {
        var activation = input
        for index in layers.indices { activation = layers[index].forward(activation) }
        return activation
    }

    /// The outputs a₁, …, a_L of every layer for the batch (the last is the
    /// network's output). Same effect on the layers as `forward`.
    public mutating func forwardTrace(_ input: Matrix) -> [Matrix] {
        var outputs: [Matrix] = []
        var activation = input
        for index in layers.indices {
            activation = layers[index].forward(activation)
            outputs.append(activation)
        }
        return outputs
    }

    /// The output in inference mode, without changing this network (a copy runs the forward pass).
    public func predict(_ input: Matrix) -> Matrix {
        var copy = self
        copy.isTraining = false
        return copy.forward(input)
    }

    /// ∂L/∂x from ∂L/∂a_L, through every layer in reverse order.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        var gradient = outputGradient
        for index in layers.indices.reversed() { gradient = layers[index].backward(gradient) }
        return gradient
    }

    /// Every layer's ∂L/∂θ from ∂L/∂a_L, as `backward` stores them, without
    /// ∂L/∂x: the first layer runs `backwardToParameters` (the training loop's
    /// backward pass; `Trainer` uses it).
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        guard let first = layers.indices.first else { return }
        var gradient = outputGradient
        for index in layers.indices.reversed() where index != first { gradient = layers[index].backward(gradient) }
        layers[first].backwardToParameters(gradient)
    }

    /// Every layer's parameters, first layer first (see the type's documentation).
    public var parameters: [Matrix] {
        get { layers.flatMap(\.parameters) }
        set {
            requireSameShapes(newValue, as: parameters, layer: "Sequential")
            var start = 0
            for index in layers.indices {
                let count = layers[index].parameters.count
                layers[index].parameters = Array(newValue[start..<(start + count)])
                start += count
            }
        }
    }

    /// Every layer's parameters in place, numbered as in `parameters` (each
    /// layer's own `updateParameters`, so layers with a fast path use it).
    public mutating func updateParameters(_ body: (_ index: Int, _ parameter: inout Matrix, _ gradient: Matrix) -> Void)
    {
        var start = 0
        for index in layers.indices {
            var count = 0
            layers[index].updateParameters { i, parameter, gradient in
                body(start + i, &parameter, gradient)
                count = Swift.max(count, i + 1)
            }
            start += count
        }
    }

    /// Every layer's mask, in the order of `parameters`.
    public var weightDecayMask: [Bool] { layers.flatMap(\.weightDecayMask) }

    /// Every layer's ∂L/∂θ, in the order of `parameters`.
    public var parameterGradients: [Matrix] { layers.flatMap(\.parameterGradients) }

    /// The output width after every layer, for `inputColumns` inputs.
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        var columns = inputColumns
        for layer in layers { columns = try layer.outputColumns(forInputColumns: columns) }
        return columns
    }

    /// `Sequential(Dense(2 → 3), Activation(relu), Dense(3 → 1))`.
    public var description: String {
        "Sequential(" + layers.map(\.description).joined(separator: ", ") + ")"
    }

    /// One row per layer, as in Keras' `model.summary()`: the layer, the shape
    /// of its output for a batch of `batchSize` rows of `inputColumns` columns,
    /// and its parameter count. Throws the first layer's `ShapeError` when
    /// the widths do not chain.
    public func shapeReport(inputColumns: Int, batchSize: Int) throws(ShapeError) -> [LayerShapeReport] {
        var columns = inputColumns
        var report: [LayerShapeReport] = []
        for layer in layers {
            columns = try layer.outputColumns(forInputColumns: columns)
            report.append(
                LayerShapeReport(
                    layer: layer.description, outputRows: batchSize,
                    outputColumns: columns, parameterCount: layer.parameterCount))
        }
        return report
    }

    private enum CodingKeys: String, CodingKey {
        case layers
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode([TaggedLayer].self, forKey: .layers).map(\.layer))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layers.map(TaggedLayer.init), forKey: .layers)
    }
}

/// One row of a network's shape report: the layer, its output shape
/// (batch x columns) and its number of parameters.
public struct LayerShapeReport: Sendable, Equatable {
    /// The layer's one-line description, e.g. `Dense(784 → 128)`.
    public let layer: String
    /// The batch size of the layer's output.
    public let outputRows: Int
    /// The number of columns of the layer's output.
    public let outputColumns: Int
    /// The number of weights and biases of the layer.
    public let parameterCount: Int

    /// `32x128`.
    public var outputShape: String { "\(outputRows)x\(outputColumns)" }
}
