/// Plain (stochastic) gradient descent: step against the gradient.
///
///     w ← w − lr · g
///
/// No state. PyTorch `torch.optim.SGD(momentum=0)` and Keras `SGD(momentum=0)`
/// agree. Whether this is "batch", "stochastic" or "mini-batch" gradient
/// descent depends only on how many examples the gradient `g` was averaged
/// over (see `GradientDescent`).
public struct SGD: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    private var slots = OptimizerSlots(slotCount: 0)

    /// Plain gradient descent: θ ← θ − η g, with η = `learningRate`.
    public init(learningRate: Double) {
        precondition(learningRate > 0, "SGD: learning rate must be > 0, got \(learningRate)")
        self.learningRate = learningRate
    }

    /// w ← w − lr · g for every parameter.
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate
        slots.update(&parameters, gradients: gradients) { w, g, _, _ in w -= lr * g }
    }

    /// w ← w − lr · g for every parameter of `layer`, in place.
    public mutating func step<L: Layer>(_ layer: inout L) {
        let lr = learningRate
        slots.update(&layer) { n, w, g, _, _ in
            for j in 0..<n { w[j] -= lr * g[j] }
        }
    }
}
