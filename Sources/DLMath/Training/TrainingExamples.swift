/// What a network is trained on: inputs and the targets it should produce,
/// one example per row of each (n x d inputs, n x k targets).
///
/// For regression the targets are the values themselves (n x 1 for one
/// output, e.g. `TrainingExamples.bookExample`); for classification they are the one-hot rows of the labels
/// (`init(_ dataset:)`), so that the same loop, mini-batching and loss
/// signature serve both.
public struct TrainingExamples: Equatable, Sendable {
    /// The inputs, one example per row (n x d).
    public let inputs: Matrix
    /// The targets, one example per row (n x k).
    public let targets: Matrix

    /// Inputs and targets with the same number of rows (else stops).
    public init(inputs: Matrix, targets: Matrix) {
        precondition(
            inputs.rows == targets.rows,
            "TrainingExamples: \(inputs.rows) rows of inputs but \(targets.rows) rows of targets")
        self.inputs = inputs
        self.targets = targets
    }

    /// A classification set: the features, and the labels one-hot encoded
    /// (n x K, `Dataset.oneHotLabels`).
    public init(_ dataset: Dataset) {
        self.init(inputs: dataset.features, targets: dataset.oneHotLabels)
    }

    /// Number of examples n.
    public var count: Int { inputs.rows }

    /// The examples listed in `indices`, in that order (a mini-batch).
    public func rows(at indices: [Int]) -> TrainingExamples {
        TrainingExamples(inputs: inputs.rows(at: indices), targets: targets.rows(at: indices))
    }

    /// The first `count` examples (all of them when there are fewer).
    public func prefix(_ count: Int) -> TrainingExamples {
        rows(at: Array(0..<Swift.min(count, self.count)))
    }
}
