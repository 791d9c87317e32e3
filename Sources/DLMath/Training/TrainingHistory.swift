/// What one epoch of training measured. Losses are those of the network as
/// it stands at the end of the epoch, evaluated on the whole set in
/// evaluation mode (dropout off), so training and validation numbers are
/// comparable. (Keras' progress bar shows instead the running mean of the
/// batch losses during the epoch, which lags behind by about half an epoch.)
public struct EpochRecord: Sendable, Equatable {
    /// The epoch, counted from 1.
    public let epoch: Int
    /// The loss on the training set (the data term, without any L2 penalty);
    /// from a `Trainer` with `evaluatesTrainingSet` false, the mean of the
    /// epoch's batch losses instead.
    public let trainingLoss: Double
    /// The loss on the validation set, when one was given.
    public let validationLoss: Double?
    /// The fraction of training examples classified right, for losses that report accuracy.
    public let trainingAccuracy: Double?
    /// The fraction of validation examples classified right, when both apply.
    public let validationAccuracy: Double?
    /// The L2 penalty (λ/2) Σ‖W‖² at the end of the epoch (0 without L2): the
    /// objective minimised was trainingLoss + weightPenalty.
    public let weightPenalty: Double
    /// Seconds from the start of training to the end of this epoch.
    public let elapsedSeconds: Double

    /// One epoch's record; the validation and accuracy fields are nil when they were not measured.
    public init(
        epoch: Int, trainingLoss: Double, validationLoss: Double? = nil, trainingAccuracy: Double? = nil,
        validationAccuracy: Double? = nil, weightPenalty: Double = 0, elapsedSeconds: Double = 0
    ) {
        self.epoch = epoch
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.trainingAccuracy = trainingAccuracy
        self.validationAccuracy = validationAccuracy
        self.weightPenalty = weightPenalty
        self.elapsedSeconds = elapsedSeconds
    }
}

/// The record of a training run, one `EpochRecord` per epoch completed, in
/// order: the data for learning curves.
public struct TrainingHistory: Sendable, Equatable {
    /// One record per epoch run (fewer than planned when stopped early).
    public var records: [EpochRecord]
    /// The number of epochs that were planned.
    public var plannedEpochs: Int
    /// True when early stopping ended training before `plannedEpochs`.
    public var stoppedEarly: Bool
    /// The epoch whose weights the network was given back at the end by
    /// early stopping (nil when nothing was restored: the network has the last epoch's weights).
    public var restoredEpoch: Int?

    /// A history of `records`, of `plannedEpochs`, and whether and where early stopping ended it.
    public init(records: [EpochRecord] = [], plannedEpochs: Int, stoppedEarly: Bool = false, restoredEpoch: Int? = nil)
    {
        self.records = records
        self.plannedEpochs = plannedEpochs
        self.stoppedEarly = stoppedEarly
        self.restoredEpoch = restoredEpoch
    }

    /// The number of epochs run.
    public var epochsRun: Int { records.count }
    /// The training loss of each epoch.
    public var trainingLosses: [Double] { records.map(\.trainingLoss) }
    /// The validation loss of each epoch (empty without validation data).
    public var validationLosses: [Double] { records.compactMap(\.validationLoss) }
    /// The last record (nil before any epoch).
    public var last: EpochRecord? { records.last }
    /// The record with the lowest validation loss (the first of equals; nil without validation).
    public var bestValidationRecord: EpochRecord? {
        records.filter { $0.validationLoss != nil }.min { $0.validationLoss! < $1.validationLoss! }
    }
    /// Seconds from the start to the end of the last epoch.
    public var elapsedSeconds: Double { records.last?.elapsedSeconds ?? 0 }
}
