/// The three forms of gradient descent, which differ only in how many
/// examples each gradient is averaged over:
///
/// - batch: B = n, one update per epoch, the exact gradient of the loss;
/// - stochastic: B = 1, n updates per epoch, each from one example;
/// - mini-batch: 1 < B < n, ⌈n / B⌉ updates per epoch.
///
/// Every form touches each example once per epoch, so an epoch costs about
/// the same arithmetic (two products of B x d by d, summed over the batches:
/// 4 n d multiply-adds for linear regression); what changes is how many
/// updates that arithmetic buys and how noisy each one is.
public enum GradientDescentVariant: Sendable, Equatable, CustomStringConvertible {
    /// One step per epoch, on the gradient of all n examples.
    case batch
    /// One step per example (batches of 1), in a shuffled order.
    case stochastic
    /// One step per batch of `size` examples.
    case miniBatch(size: Int)

    /// B for a data set of n examples (a mini-batch larger than n is n).
    public func batchSize(exampleCount n: Int) -> Int {
        switch self {
        case .batch: return Swift.max(n, 1)
        case .stochastic: return 1
        case .miniBatch(let size):
            precondition(size >= 1, "mini-batch size must be >= 1, got \(size)")
            return Swift.min(size, Swift.max(n, 1))
        }
    }

    public var description: String {
        switch self {
        case .batch: return "batch"
        case .stochastic: return "stochastic"
        case .miniBatch(let size): return "mini-batch (B = \(size))"
        }
    }
}

/// Gradient descent on a `LinearRegression`: `epochs` passes over the data,
/// each cut into batches by `MiniBatches` (seeded shuffling; the last
/// partial batch kept as a smaller batch), one optimizer step per batch with
/// the batch's gradient (2/B) X_Bᵀ (X_B w − y_B).
public struct GradientDescent: Sendable {
    /// Batch, stochastic or mini-batch.
    public let variant: GradientDescentVariant
    /// The number of passes over the data.
    public let epochs: Int
    /// The seed of the shuffling (batch gradient descent does not depend on it).
    public let seed: UInt64

    /// A run of `epochs` passes of the given `variant`, shuffled from `seed`.
    public init(variant: GradientDescentVariant, epochs: Int, seed: UInt64) {
        precondition(epochs >= 0, "GradientDescent: epochs must be >= 0, got \(epochs)")
        self.variant = variant
        self.epochs = epochs
        self.seed = seed
    }

    /// Runs plain gradient descent, w ← w − lr ∇L_B(w) (the optimizer `SGD`).
    public func fit(
        _ model: LinearRegression, features x: Matrix, targets y: Matrix,
        learningRate: Double
    ) -> GradientDescentRun {
        fit(model, features: x, targets: y, optimizer: SGD(learningRate: learningRate))
    }

    /// Runs plain gradient descent with the learning rate of epoch e set to
    /// `schedule.rate(at: e)`. A decaying rate lets stochastic and mini-batch
    /// descent settle on the minimiser instead of hovering around it.
    public func fit(
        _ model: LinearRegression, features x: Matrix, targets y: Matrix,
        schedule: LearningRateSchedule
    ) -> GradientDescentRun {
        run(model, features: x, targets: y, optimizer: SGD(learningRate: schedule.rate(at: 0))) { optimizer, epoch in
            optimizer.learningRate = schedule.rate(at: epoch)
        }
    }

    /// Runs any optimizer on the batch gradients.
    public func fit(
        _ model: LinearRegression, features x: Matrix, targets y: Matrix,
        optimizer: some Optimizer
    ) -> GradientDescentRun {
        run(model, features: x, targets: y, optimizer: optimizer) { _, _ in }
    }

    /// The loop: `beginEpoch(&optimizer, e)` before each epoch, then one step per batch.
    private func run<O: Optimizer>(
        _ model: LinearRegression, features x: Matrix, targets y: Matrix, optimizer: O,
        beginEpoch: (inout O, Int) -> Void
    ) -> GradientDescentRun {
        var optimizer = optimizer
        var model = model
        let batches = MiniBatches(exampleCount: x.rows, batchSize: variant.batchSize(exampleCount: x.rows), seed: seed)
        var losses = [model.loss(features: x, targets: y)]
        var path = [model.weights.elements]
        for epoch in 0..<epochs {
            beginEpoch(&optimizer, epoch)
            for batch in batches.indices(epoch: epoch) {
                let gradient = model.gradient(features: x.rows(at: batch), targets: y.rows(at: batch))
                var parameters = [model.weights]
                optimizer.step(&parameters, gradients: [gradient])
                model.weights = parameters[0]
                path.append(model.weights.elements)
            }
            losses.append(model.loss(features: x, targets: y))
        }
        return GradientDescentRun(
            variant: variant, model: model, losses: losses, weightPath: path,
            updatesPerEpoch: batches.batchesPerEpoch, lastBatchSize: batches.lastBatchSize,
            exampleCount: x.rows)
    }
}

/// What a gradient-descent run did, kept as data.
public struct GradientDescentRun: Sendable {
    /// The variant that was run.
    public let variant: GradientDescentVariant
    /// The model after the last epoch.
    public let model: LinearRegression
    /// The loss on the whole data set before training (index 0) and after each epoch.
    public let losses: [Double]
    /// The weights before training and after every update.
    public let weightPath: [[Double]]
    /// ⌈n / B⌉ updates per epoch.
    public let updatesPerEpoch: Int
    /// The size of the last batch of each epoch (B or n mod B).
    public let lastBatchSize: Int
    /// n: each epoch evaluates n per-example gradients, whatever B is.
    public let exampleCount: Int

    /// The final full-data loss.
    public var finalLoss: Double { losses[losses.count - 1] }

    /// The noise of the loss curve: the standard deviation of the
    /// epoch-to-epoch changes ΔL_k = L_k − L_{k−1} over the last `epochs`
    /// epochs (population form, 1/m Σ (Δ − mean Δ)²; 0 with fewer than 2 changes).
    /// Near the minimum, batch gradient descent's changes shrink smoothly to 0
    /// while stochastic ones keep jumping.
    public func lossChangeStandardDeviation(overLast epochs: Int) -> Double {
        let changes = Array(zip(losses.dropFirst(), losses).map { $0 - $1 }.suffix(epochs))
        guard changes.count >= 2 else { return 0 }
        let mean = changes.sum / Double(changes.count)
        return (changes.map { ($0 - mean) * ($0 - mean) }.sum / Double(changes.count)).squareRoot()
    }
}
