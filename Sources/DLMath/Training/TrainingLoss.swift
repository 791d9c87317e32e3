/// The loss a network is trained with: a function of the network's outputs
/// and the targets that returns the value and ∂L/∂outputs (a `LossResult`),
/// and whether classification accuracy applies to it.
///
///     TrainingLoss.meanSquaredError        // regression, no accuracy
///     TrainingLoss.softmaxCrossEntropy     // outputs are logits, targets one-hot
///
/// Any other loss: `TrainingLoss(name: "huber", reportsAccuracy: false) { huber(...) }`.
public struct TrainingLoss: Sendable {
    /// The name printed in progress lines and tables.
    public let name: String
    /// True when outputs and targets are class scores and one-hot rows, so
    /// that accuracy (argmax of the output equals argmax of the target) means something.
    public let reportsAccuracy: Bool
    /// L(outputs, targets) and ∂L/∂outputs; both matrices n x k (used for training steps).
    public let evaluate: @Sendable (_ outputs: Matrix, _ targets: Matrix) -> LossResult
    /// L(outputs, targets) alone, the same number as `evaluate(…).value`
    /// without the gradient (used to evaluate a network on a whole set).
    public let value: @Sendable (_ outputs: Matrix, _ targets: Matrix) -> Double

    /// A loss from its `evaluate` (value and gradient) and, optionally, a
    /// cheaper `value` alone; without one, `value` is `evaluate(…).value`.
    public init(
        name: String, reportsAccuracy: Bool,
        value: (@Sendable (_ outputs: Matrix, _ targets: Matrix) -> Double)? = nil,
        evaluate: @escaping @Sendable (_ outputs: Matrix, _ targets: Matrix) -> LossResult
    ) {
        self.name = name
        self.reportsAccuracy = reportsAccuracy
        self.evaluate = evaluate
        self.value = value ?? { evaluate($0, $1).value }
    }

    /// L = (1/(N·k)) Σ (ŷ − y)² (`meanSquaredError`, Keras' `"mse"`).
    public static let meanSquaredError = TrainingLoss(
        name: "mse", reportsAccuracy: false,
        value: { DLMath.meanSquaredErrorValue(predictions: $0, targets: $1) },
        evaluate: { DLMath.meanSquaredError(predictions: $0, targets: $1) })

    /// L = −(1/N) Σᵢ Σⱼ Yᵢⱼ log softmax(zᵢ)ⱼ on logits z and one-hot Y, gradient
    /// (softmax(z) − Y)/N (`softmaxCrossEntropy(logits:targets:)`); reports accuracy.
    public static let softmaxCrossEntropy = TrainingLoss(
        name: "cross-entropy", reportsAccuracy: true,
        value: { DLMath.softmaxCrossEntropyValue(logits: $0, targets: $1) },
        evaluate: { DLMath.softmaxCrossEntropy(logits: $0, targets: $1) })
}
