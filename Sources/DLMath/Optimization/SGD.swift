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

    public init(learningRate: Double) {
        precondition(learningRate > 0, "SGD: learning rate must be > 0, got \(learningRate)")
        self.learningRate = learningRate
    }

    /// w ← w − lr · g for every parameter.
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let lr = learningRate
        slots.update(&parameters, gradients: gradients) { w, g, _, _ in w -= lr * g }
    }
}
