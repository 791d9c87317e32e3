extension Matrix {
    /// One-hot encoding: the n x K matrix Y with Y[i, k] = 1 when
    /// `labels[i] == k` and 0 otherwise, so each row holds a single 1.
    ///
    ///     Matrix.oneHot([2, 0], classCount: 3)   // [[0, 0, 1], [1, 0, 0]]
    ///
    /// The way back is `argmaxPerRow()`: `Matrix.oneHot(y, classCount: K).argmaxPerRow() == y`,
    /// and the same call turns a network's n x K scores or probabilities
    /// into predicted labels. Every label must be in 0..<classCount (else stops).
    public static func oneHot(_ labels: [Int], classCount: Int) -> Matrix {
        precondition(classCount > 0, "oneHot: classCount \(classCount) must be positive")
        var result = Matrix(rows: labels.count, columns: classCount)
        for (i, label) in labels.enumerated() {
            precondition(
                label >= 0 && label < classCount,
                "oneHot: label \(label) of row \(i) is not in 0..<\(classCount)")
            result[i, label] = 1
        }
        return result
    }
}
