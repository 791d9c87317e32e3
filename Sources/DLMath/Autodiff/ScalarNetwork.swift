/// A `Sequential` of dense and activation layers rebuilt out of scalar
/// `Value` nodes, so that its hand-written backward pass can be checked
/// against the engine: the same weights, the same forward pass, gradients by
/// reverse-mode autodiff on every scalar.
///
///     var network = Sequential([...])
///     let scalar = try ScalarNetwork(network)
///     let output = scalar.forward(x)          // [[Value]], one row per example
///     loss(output).backward()
///     scalar.parameterGradients()              // compare with network.parameterGradients
///
/// Supported layers: `Dense`, `ActivationLayer` with every activation except
/// `geluExact` (the engine has no erf), and nested `Sequential`s. The
/// engine builds one node per multiply and add, so keep the networks small
/// (tens of units): this is a check, not a way to train.
public struct ScalarNetwork {
    /// One layer as scalars.
    public enum Step {
        /// W as rows of nodes (inputs x outputs) and b (outputs).
        case dense(weights: [[Value]], bias: [Value])
        /// An activation applied to every node of the layer.
        case activation(Activation)
    }

    /// The layers, in order.
    public let steps: [Step]

    /// The scalar copy of `network` (nested networks flattened).
    /// Throws `UnsupportedLayer` for any other layer or activation.
    public init(_ network: Sequential) throws(UnsupportedLayer) {
        var steps: [Step] = []
        try ScalarNetwork.append(network, to: &steps)
        self.steps = steps
    }

    private static func append(_ network: Sequential, to steps: inout [Step]) throws(UnsupportedLayer) {
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer as? Dense {
                steps.append(
                    .dense(
                        weights: leaves(dense.weights, label: "W\(index)"),
                        bias: leaves(dense.bias, label: "b\(index)")[0]))
            } else if let activation = layer as? ActivationLayer {
                if activation.activation == .geluExact { throw UnsupportedLayer(layer: layer.description) }
                steps.append(.activation(activation.activation))
            } else if let inner = layer as? Sequential {
                try append(inner, to: &steps)
            } else {
                throw UnsupportedLayer(layer: layer.description)
            }
        }
    }

    /// The parameter nodes in the order of `Sequential.parameters`: W₁
    /// row by row, then b₁, then W₂, b₂, …
    public var parameters: [Value] {
        steps.flatMap { step -> [Value] in
            if case .dense(let weights, let bias) = step { return weights.flatMap { $0 } + bias }
            return []
        }
    }

    /// The gradients of the parameter nodes as matrices of the shapes of
    /// `Sequential.parameters` (`[∂W₁, ∂b₁, ∂W₂, ∂b₂, …]`), after `backward()`.
    public func parameterGradients() -> [Matrix] {
        steps.flatMap { step -> [Matrix] in
            if case .dense(let weights, let bias) = step { return [gradients(weights), gradients([bias])] }
            return []
        }
    }

    /// The output nodes for a batch of input nodes (one row per example):
    /// a dense step computes Σₖ xₖ Wₖⱼ + bⱼ, an activation step φ of each node.
    public func forward(_ input: [[Value]]) -> [[Value]] {
        var activations = input
        for step in steps {
            switch step {
            case .dense(let weights, let bias):
                activations = activations.map { row in
                    precondition(
                        row.count == weights.count,
                        "ScalarNetwork.forward: \(row.count) inputs for a dense layer taking \(weights.count)")
                    return bias.indices.map { j in
                        Value.sum(row.indices.map { k in row[k] * weights[k][j] }) + bias[j]
                    }
                }
            case .activation(let activation):
                activations = activations.map { row in row.map { $0.activated(by: activation) } }
            }
        }
        return activations
    }

    /// The matrix as leaf nodes labelled `name[i,j]`, row by row.
    public static func leaves(_ matrix: Matrix, label name: String) -> [[Value]] {
        (0..<matrix.rows).map { i in
            (0..<matrix.columns).map { j in Value(matrix[i, j], label: "\(name)[\(i),\(j)]") }
        }
    }

    /// The gradients of a grid of nodes as a matrix.
    public static func gradients(_ values: [[Value]]) -> Matrix {
        Matrix(values.map { $0.map(\.gradient) })
    }

    private func gradients(_ values: [[Value]]) -> Matrix { ScalarNetwork.gradients(values) }

    /// A layer the scalar network cannot rebuild.
    public struct UnsupportedLayer: Error, CustomStringConvertible {
        /// The description of the layer that has no scalar form.
        public let layer: String
        public var description: String { "ScalarNetwork: no scalar form for \(layer)" }
    }
}

extension Value {
    /// φ(self) built from the engine's operations, so that its gradient is
    /// the engine's: identity, sigmoid, tanh, relu directly; leaky ReLU and
    /// ELU choose their branch from the value (x > 0, so φ′(0) is the
    /// negative side's, as in `Activation`); softplus as log(1 + eˣ) (fine for
    /// moderate x); the tanh form of GELU from its formula. `geluExact` needs
    /// erf, which the engine lacks: it stops (ScalarNetwork refuses it first).
    public func activated(by activation: Activation) -> Value {
        switch activation {
        case .identity: return self
        case .sigmoid: return sigmoid()
        case .tanh: return tanh()
        case .relu: return relu()
        case .leakyReLU(let slope): return data > 0 ? self : slope * self
        case .elu(let alpha): return data > 0 ? self : alpha * (exp() - 1)
        case .softplus: return (1 + exp()).log()
        case .geluTanh:
            let inner = (2 / Double.pi).squareRoot() * (self + 0.044715 * power(3))
            return 0.5 * self * (1 + inner.tanh())
        case .geluExact:
            preconditionFailure("Value.activated(by:): the engine has no erf for the exact GELU")
        }
    }
}
