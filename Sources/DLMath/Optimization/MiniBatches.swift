/// The mini-batches of one epoch: example indices, shuffled with a seed,
/// cut into batches of `batchSize`.
///
/// Each epoch visits every index in 0 ..< exampleCount exactly once. The
/// order of epoch e is a permutation drawn from a `SeededGenerator` whose
/// seed is derived from (`seed`, e), so any epoch can be asked for in any
/// order and the same seed gives the same batches on every machine.
///
/// The last batch: when the batch size does not divide the number of
/// examples, the remainder is **kept as a smaller last batch** (PyTorch's
/// `DataLoader(drop_last=False)` and Keras' `fit` do the same). With a loss
/// that averages over the batch, its gradient has the same scale as the
/// others, only noisier.
///
///     let batches = MiniBatches(exampleCount: 10, batchSize: 4, seed: 7)
///     batches.indices(epoch: 0)   // three batches of sizes 4, 4, 2
///     x.rows(at: batch)           // the features of one batch
///
/// The three forms of gradient descent are batch sizes: `exampleCount`
/// (batch), 1 (stochastic), anything between (mini-batch).
public struct MiniBatches: Sendable, Equatable {
    /// The number of examples n.
    public let exampleCount: Int
    /// The batch size B (at least 1; a B larger than n gives one batch of n).
    public let batchSize: Int
    /// The seed the epochs' orders are derived from.
    public let seed: UInt64
    /// False keeps the examples in order (0, 1, 2, …) in every epoch.
    public let shuffles: Bool

    /// Batches of `batchSize` over `exampleCount` examples, the order of each epoch shuffled from `seed` (or kept, when `shuffles` is false).
    public init(exampleCount: Int, batchSize: Int, seed: UInt64, shuffles: Bool = true) {
        precondition(exampleCount >= 0, "MiniBatches: example count must be >= 0, got \(exampleCount)")
        precondition(batchSize >= 1, "MiniBatches: batch size must be >= 1, got \(batchSize)")
        self.exampleCount = exampleCount
        self.batchSize = batchSize
        self.seed = seed
        self.shuffles = shuffles
    }

    /// ⌈n / B⌉, the number of batches (updates) per epoch.
    public var batchesPerEpoch: Int { (exampleCount + batchSize - 1) / batchSize }

    /// The size of the last batch: B, or n mod B when B does not divide n (0 when n = 0).
    public var lastBatchSize: Int {
        exampleCount == 0 ? 0 : exampleCount - (batchesPerEpoch - 1) * batchSize
    }

    /// The order in which epoch `epoch` visits the examples: a permutation of 0 ..< n.
    public func order(epoch: Int) -> [Int] {
        precondition(epoch >= 0, "MiniBatches: epoch must be >= 0, got \(epoch)")
        guard shuffles else { return Array(0..<exampleCount) }
        // Mix the epoch into the seed through a generator of its own, so that
        // neighbouring epochs get unrelated streams.
        var epochMixer = SeededGenerator(seed: UInt64(epoch))
        var generator = SeededGenerator(seed: seed ^ epochMixer.next())
        return generator.permutation(exampleCount)
    }

    /// The batches of epoch `epoch`: consecutive slices of `order(epoch:)`,
    /// all of size B except possibly the last.
    public func indices(epoch: Int) -> [[Int]] {
        let order = order(epoch: epoch)
        return stride(from: 0, to: exampleCount, by: batchSize).map {
            Array(order[$0..<Swift.min($0 + batchSize, exampleCount)])
        }
    }
}
