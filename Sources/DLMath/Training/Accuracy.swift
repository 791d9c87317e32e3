/// Classification accuracy: the fraction of examples whose predicted class is the true one,
///
///     accuracy = #{i : predictedᵢ = actualᵢ} / n.
///
/// The two lists must have the same length n ≥ 1.
public func accuracy(predicted: [Int], actual: [Int]) -> Double {
    precondition(
        predicted.count == actual.count,
        "accuracy: \(predicted.count) predictions for \(actual.count) labels")
    precondition(!actual.isEmpty, "accuracy: no examples")
    return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
}

/// Accuracy of class scores against one-hot (or probability) targets: the
/// predicted class of a row is the argmax of its scores (logits or
/// probabilities, the same argmax), the true class the argmax of its target
/// row (the first maximum on ties, `argmaxPerRow`). Shapes must agree.
public func accuracy(scores: Matrix, targets: Matrix) -> Double {
    requireShape(
        scores.rows == targets.rows && scores.columns == targets.columns,
        .elementwise("accuracy", scores, targets))
    return accuracy(predicted: scores.argmaxPerRow(), actual: targets.argmaxPerRow())
}
