/// The confusion matrix of a classifier on K classes: `counts[actual][predicted]`
/// is the number of examples of class `actual` that were predicted as `predicted`.
///
///     row sums      = how many examples each class has
///     column sums   = how often each class was predicted
///     trace         = the number classified right;   accuracy = trace / total
///     recallₖ       = counts[k][k] / (row k's sum)      (of the true k's, the share found)
///     precisionₖ    = counts[k][k] / (column k's sum)   (of the predicted k's, the share right)
///
/// Rows are the truth and columns the prediction, as in scikit-learn's
/// `confusion_matrix(y_true, y_pred)`. A class with no examples (or never
/// predicted) has recall (or precision) NaN: 0/0, not a number to average.
public struct ConfusionMatrix: Sendable, Equatable {
    /// `counts[actual][predicted]`, K x K.
    public let counts: [[Int]]

    /// Counts the pairs (actualᵢ, predictedᵢ); labels must lie in 0..<classCount and the lists agree in length.
    public init(predicted: [Int], actual: [Int], classCount: Int) {
        precondition(classCount >= 1, "ConfusionMatrix: classCount must be >= 1, got \(classCount)")
        precondition(
            predicted.count == actual.count,
            "ConfusionMatrix: \(predicted.count) predictions for \(actual.count) labels")
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (index, (p, a)) in zip(predicted, actual).enumerated() {
            precondition(
                (0..<classCount).contains(p) && (0..<classCount).contains(a),
                "ConfusionMatrix: example \(index) has actual \(a), predicted \(p), outside 0..<\(classCount)")
            counts[a][p] += 1
        }
        self.counts = counts
    }

    /// The number of classes K.
    public var classCount: Int { counts.count }
    /// The number of examples, Σ of all counts.
    public var total: Int { counts.joined().reduce(0, +) }
    /// The examples classified right, Σₖ counts[k][k].
    public var correct: Int { (0..<classCount).reduce(0) { $0 + counts[$1][$1] } }
    /// trace / total (NaN without examples).
    public var accuracy: Double { Double(correct) / Double(total) }
    /// Row sums: the examples of each true class.
    public var actualCounts: [Int] { counts.map { $0.reduce(0, +) } }
    /// Column sums: how often each class was predicted.
    public var predictedCounts: [Int] {
        (0..<classCount).map { j in counts.reduce(0) { $0 + $1[j] } }
    }
    /// recallₖ = counts[k][k] / row sum k.
    public var recall: [Double] {
        zip(0..<classCount, actualCounts).map { k, n in Double(counts[k][k]) / Double(n) }
    }
    /// precisionₖ = counts[k][k] / column sum k.
    public var precision: [Double] {
        zip(0..<classCount, predictedCounts).map { k, n in Double(counts[k][k]) / Double(n) }
    }
    /// The off-diagonal cells with a count, largest first: (actual, predicted, count).
    public var mistakes: [(actual: Int, predicted: Int, count: Int)] {
        var cells: [(actual: Int, predicted: Int, count: Int)] = []
        for a in 0..<classCount {
            for p in 0..<classCount where a != p && counts[a][p] > 0 { cells.append((a, p, counts[a][p])) }
        }
        return cells.sorted { ($0.count, $1.actual, $1.predicted) > ($1.count, $0.actual, $0.predicted) }
    }
}
