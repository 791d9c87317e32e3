/// Early stopping: stop training once the validation loss has not improved
/// for `patience` epochs in a row, and (optionally) go back to the weights
/// of the best epoch.
///
/// After each epoch, `observe` is given the validation loss:
/// - it is an improvement when loss < best − `minimumImprovement` (the first
///   finite loss always is, since best starts at ∞); then best ← loss, the epoch and the weights are
///   remembered and the count of epochs without improvement goes back to 0;
/// - otherwise the count grows by 1, and training should stop when it
///   reaches `patience`. A NaN loss is never an improvement.
///
/// With patience 3 and losses 5, 4, 3, 3.5, 3.2, 3.1 the best epoch is the
/// 3rd, and training stops after the 6th. This is Keras' `EarlyStopping(
/// monitor="val_loss", patience=3, min_delta=0, restore_best_weights=True)`,
/// except that here the best weights are restored whenever training ends,
/// stopped early or not (`Trainer` calls `bestParameters`).
public struct EarlyStopping: Sendable, Equatable {
    /// How many epochs without improvement end training (at least 1).
    public let patience: Int
    /// The margin by which a loss must beat the best to count as better (≥ 0).
    public let minimumImprovement: Double
    /// Whether the trainer puts back the best epoch's weights at the end.
    public let restoresBestWeights: Bool

    /// The lowest validation loss seen (∞ before the first).
    public private(set) var bestLoss = Double.infinity
    /// The epoch of `bestLoss` (nil before the first improvement).
    public private(set) var bestEpoch: Int?
    /// The weights at `bestEpoch` (nil before the first improvement).
    public private(set) var bestParameters: [Matrix]?
    /// Epochs since the last improvement.
    public private(set) var epochsWithoutImprovement = 0

    /// Stops after `patience` epochs without an improvement of the validation loss by more than `minimumImprovement`, restoring the best epoch's weights when `restoresBestWeights`.
    public init(patience: Int, minimumImprovement: Double = 0, restoresBestWeights: Bool = true) {
        precondition(patience >= 1, "EarlyStopping: patience must be >= 1, got \(patience)")
        precondition(
            minimumImprovement >= 0, "EarlyStopping: minimum improvement must be >= 0, got \(minimumImprovement)")
        self.patience = patience
        self.minimumImprovement = minimumImprovement
        self.restoresBestWeights = restoresBestWeights
    }

    /// Records epoch `epoch`'s validation loss and the weights it ended
    /// with; returns true when training should stop now.
    public mutating func observe(epoch: Int, validationLoss: Double, parameters: [Matrix]) -> Bool {
        if validationLoss < bestLoss - minimumImprovement {  // ∞ − δ = ∞: the first finite loss improves
            bestLoss = validationLoss
            bestEpoch = epoch
            bestParameters = restoresBestWeights ? parameters : nil
            epochsWithoutImprovement = 0
            return false
        }
        epochsWithoutImprovement += 1
        return epochsWithoutImprovement >= patience
    }

    /// True when the last `observe` asked to stop.
    public var shouldStop: Bool { epochsWithoutImprovement >= patience }
}
