/// The value of a loss on a batch and its gradient with respect to the
/// loss's first argument (predictions, probabilities or logits), the same
/// shape as that argument: the start of every backward pass.
///
/// Every loss function states its reduction: "mean over the batch" divides
/// the summed per-example losses by the number of rows N; "mean over all
/// elements" divides by N·k (rows times columns). The gradient carries the
/// same factor, so duplicating every row leaves the value unchanged and
/// halves each row's gradient (each copy now carries half the weight).
public struct LossResult: Sendable, Equatable {
    /// The reduced loss L.
    public let value: Double
    /// ∂L/∂(first argument), same shape as it.
    public let gradient: Matrix

    /// A loss value and its gradient, as computed by a loss function.
    public init(value: Double, gradient: Matrix) {
        self.value = value
        self.gradient = gradient
    }
}

/// The default probability floor ε of the losses that take probabilities:
/// log p is evaluated as log(max(p, ε)), so p = 0 costs −log ε ≈ 27.6 instead
/// of ∞. Small enough to change no probability a trained model produces in
/// the ordinary range, large enough that 1 − ε is not 1 in Double.
public let probabilityFloor = 1e-12
