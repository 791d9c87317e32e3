/// Categorical cross-entropy from logits, through log-softmax, reduced by the
/// mean over the batch (the N rows):
///
///     L = −(1/N) Σᵢ log softmax(zᵢ)_{yᵢ}         ∂L/∂z = (softmax(z) − Y) / N
///
/// with Y the one-hot matrix of the labels: the famous p − y. `logits` is
/// N x k (one example per row), `labels` holds N class indices in 0..<k.
/// Stable at any finite logits (log-softmax subtracts the row maximum). This
/// is PyTorch's `CrossEntropyLoss` and Keras'
/// `SparseCategoricalCrossentropy(from_logits=True)`.
public func softmaxCrossEntropy(logits: Matrix, labels: [Int]) -> LossResult {
    requireShape(
        labels.count == logits.rows,
        ShapeError(
            "softmaxCrossEntropy",
            "\(labels.count) labels for \(logits.rows) rows of logits (\(logits.shapeDescription))"))
    return softmaxCrossEntropy(logits: logits, targets: Matrix.oneHot(labels, classCount: logits.columns))
}

/// Categorical cross-entropy from logits with one-hot (or soft) targets,
/// reduced by the mean over the batch:
///
///     L = −(1/N) Σᵢ Σⱼ Yᵢⱼ log softmax(zᵢ)ⱼ        ∂L/∂z = (softmax(z) − Y) / N
///
/// Each row of `targets` must be a distribution (entries in [0, 1] summing to
/// 1); that is what makes the gradient exactly p − y. Keras'
/// `CategoricalCrossentropy(from_logits=True)`.
///
/// One pass over the logits computes both (`SoftmaxCrossEntropyKernel`):
/// the exponentials e^(zᵢⱼ − mᵢ) serve the value's log-softmax and the
/// gradient's softmax, with the same operations in the same order as
/// `logSoftmax`, `softmax`, `−sum / N` and `(p − Y) / N` one after the other.
public func softmaxCrossEntropy(logits: Matrix, targets: Matrix) -> LossResult {
    Rowwise.requireSameShape("softmaxCrossEntropy", logits, targets)
    Rowwise.requireNonEmpty("softmaxCrossEntropy", logits)
    Rowwise.requireDistributions("softmaxCrossEntropy", "targets", targets)
    return SoftmaxCrossEntropyKernel.valueAndGradient(logits: logits, targets: targets)
}

/// The value alone of `softmaxCrossEntropy(logits:targets:)`,
/// L = −(1/N) Σᵢ Σⱼ Yᵢⱼ log softmax(zᵢ)ⱼ, for evaluation, where no gradient
/// is needed (it skips the second pass that computes softmax(z)).
public func softmaxCrossEntropyValue(logits: Matrix, targets: Matrix) -> Double {
    Rowwise.requireSameShape("softmaxCrossEntropy", logits, targets)
    Rowwise.requireNonEmpty("softmaxCrossEntropy", logits)
    Rowwise.requireDistributions("softmaxCrossEntropy", "targets", targets)
    // 0 · log p counts as 0 even where log p = −∞ (a logit of −∞ on a class with no target weight).
    let weighted = Matrix.elementwise("softmaxCrossEntropy", targets, logSoftmax(logits)) { y, logP in
        y == 0 ? 0 : y * logP
    }
    return -weighted.sum / Double(logits.rows)
}
