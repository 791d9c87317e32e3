/// The training loop: epochs of mini-batch updates of a `Sequential` network
/// by any `Optimizer`, with optional L2 penalty and early stopping.
///
///     var trainer = Trainer(network: network, optimizer: Adam(learningRate: 0.001),
///                           loss: .softmaxCrossEntropy, epochs: 30, batchSize: 32, seed: 7)
///     trainer.l2 = L2Penalty(strength: 1e-4)
///     trainer.earlyStopping = EarlyStopping(patience: 5)
///     let history = trainer.fit(training, validation: validation, reporter: ProgressLine(every: 10))
///     trainer.network.predict(test.inputs)
///
/// One epoch (e = 1, 2, …, `epochs`):
/// 1. the network is put in training mode (dropout on);
/// 2. for each mini-batch B of `MiniBatches(exampleCount: n, batchSize:, seed:)`
///    (shuffled per epoch, the last smaller batch kept): forward on X_B, the
///    loss L_B and g = ∂L_B/∂output, backward; the gradients ∂L_B/∂θ, plus λθ
///    for the weights when `l2` is set (the objective is L_B + (λ/2)Σ‖W‖²);
///    one `optimizer.step`;
/// 3. the network is evaluated (evaluation mode, whole sets) on the training
///    and validation sets: an `EpochRecord` is appended to the history and
///    given to the reporter. The pass over the training set is a forward pass
///    over every example, about a third of what the epoch's updates cost;
///    with `evaluatesTrainingSet` false it is left out and the record carries
///    the mean of the epoch's batch losses instead (see that property);
/// 4. with `earlyStopping`, the validation loss is observed and training
///    stops when the patience runs out. At the end the best epoch's weights
///    are put back (when it restores them) and the history says which.
///
/// The network is left in training mode; `predict` runs in evaluation mode.
/// Everything is deterministic for a given seed except `elapsedSeconds`.
public struct Trainer<Optimizer: DLMath.Optimizer> {
    /// The network being trained (read it after `fit`).
    public var network: Sequential
    /// The optimizer, with its state (moments, step count) carried across calls to `fit`.
    public var optimizer: Optimizer
    /// The loss and whether accuracy applies.
    public var loss: TrainingLoss
    /// The number of epochs (passes over the training set), at least 1.
    public var epochs: Int
    /// The mini-batch size (at least 1).
    public var batchSize: Int
    /// The seed of the mini-batch order.
    public var seed: UInt64
    /// The L2 penalty on the weights (nil: none).
    public var l2: L2Penalty?
    /// Early stopping on the validation loss (nil: run every epoch). Needs validation data.
    public var earlyStopping: EarlyStopping?
    /// Whether each epoch ends with a pass over the whole training set in
    /// evaluation mode (true, the default): the record's `trainingLoss` and
    /// `trainingAccuracy` are then those of the network as it stands at the
    /// end of the epoch. False leaves that pass out, for runs that read only
    /// the validation figures or the trained network (a seed study, a
    /// learning curve): `trainingLoss` is then the mean of the epoch's batch
    /// losses, Σ_B |B| L_B / n, computed during the updates (in training
    /// mode, with the weights changing: Keras' convention), and
    /// `trainingAccuracy` is nil. Nothing else changes: the updates, the
    /// validation figures, early stopping and the trained network are the same.
    public var evaluatesTrainingSet = true

    /// A trainer of `network` by `optimizer` on `loss`, for `epochs` passes in mini-batches of `batchSize`, shuffled from `seed`.
    public init(
        network: Sequential, optimizer: Optimizer, loss: TrainingLoss,
        epochs: Int, batchSize: Int = 32, seed: UInt64 = 0
    ) {
        precondition(epochs >= 1, "Trainer: epochs must be >= 1, got \(epochs)")
        precondition(batchSize >= 1, "Trainer: batch size must be >= 1, got \(batchSize)")
        self.network = network
        self.optimizer = optimizer
        self.loss = loss
        self.epochs = epochs
        self.batchSize = batchSize
        self.seed = seed
    }

    /// Trains for `epochs` epochs (fewer if stopped early) and returns the
    /// history. `validation` is evaluated after every epoch and is required
    /// for early stopping.
    public mutating func fit(
        _ training: TrainingExamples, validation: TrainingExamples? = nil,
        reporter: any TrainingReporter = SilentReporter()
    ) -> TrainingHistory {
        precondition(training.count > 0, "Trainer.fit: no training examples")
        precondition(earlyStopping == nil || validation != nil, "Trainer.fit: early stopping needs validation data")
        var stopping = earlyStopping
        let batches = MiniBatches(exampleCount: training.count, batchSize: batchSize, seed: seed)
        let mask = network.weightDecayMask
        let clock = ContinuousClock()
        let start = clock.now
        var history = TrainingHistory(plannedEpochs: epochs)

        for epoch in 1...epochs {
            network.isTraining = true
            var batchLossSum = 0.0
            for batch in batches.indices(epoch: epoch - 1) {
                batchLossSum += Double(batch.count) * step(on: training.rows(at: batch), mask: mask)
            }
            let trained =
                evaluatesTrainingSet ? evaluate(training) : (loss: batchLossSum / Double(training.count), accuracy: nil)
            let validated = validation.map(evaluate)
            let parameters = network.parameters
            let record = EpochRecord(
                epoch: epoch, trainingLoss: trained.loss, validationLoss: validated?.loss,
                trainingAccuracy: trained.accuracy, validationAccuracy: validated?.accuracy,
                weightPenalty: l2?.value(parameters, mask: mask) ?? 0,
                elapsedSeconds: Trainer.seconds(start.duration(to: clock.now)))
            history.records.append(record)
            reporter.epochEnded(record, plannedEpochs: epochs)
            if let validated, stopping != nil,
                stopping!.observe(epoch: epoch, validationLoss: validated.loss, parameters: parameters)
            {
                history.stoppedEarly = epoch < epochs
                break
            }
        }
        if let stopping, stopping.restoresBestWeights, let best = stopping.bestParameters,
            let bestEpoch = stopping.bestEpoch,
            bestEpoch != history.epochsRun
        {
            network.parameters = best
            history.restoredEpoch = bestEpoch
        }
        earlyStopping = stopping
        reporter.trainingEnded(history)
        return history
    }

    /// One update on one mini-batch: forward, loss, backward, (+ λW), optimizer step
    /// (in place without L2; through the parameter list with it, to add λW).
    /// Returns the batch's loss L_B (data term, before the update).
    private mutating func step(on batch: TrainingExamples, mask: [Bool]) -> Double {
        let output = network.forward(batch.inputs)
        let result = loss.evaluate(output, batch.targets)
        network.backwardToParameters(result.gradient)
        guard let l2 else {
            optimizer.step(&network)
            return result.value
        }
        var parameters = network.parameters
        var gradients = network.parameterGradients
        l2.addGradient(to: &gradients, parameters: parameters, mask: mask)
        optimizer.step(&parameters, gradients: gradients)
        network.parameters = parameters
        return result.value
    }

    /// The loss (data term only) and, where it applies, the accuracy of the
    /// network on `examples`, in evaluation mode (no gradient is computed).
    public func evaluate(_ examples: TrainingExamples) -> (loss: Double, accuracy: Double?) {
        let output = network.predict(examples.inputs)
        let value = loss.value(output, examples.targets)
        return (value, loss.reportsAccuracy ? accuracy(scores: output, targets: examples.targets) : nil)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// A trainer whose optimizer is `Sendable` is itself `Sendable` (a value: the network,
/// the optimizer's state and the settings), so independent runs can be made on
/// several threads (`parallelMap`) and handed back.
extension Trainer: Sendable where Optimizer: Sendable {}
