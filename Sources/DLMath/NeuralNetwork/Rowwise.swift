/// Small internal helpers for the row-wise operations of softmax and the
/// losses, where each row of a matrix is one example.
enum Rowwise {
    /// An m x 1 column repeated into m x n: row i filled with `column[i]`.
    static func repeatColumn(_ column: Matrix, columns n: Int) -> Matrix {
        Matrix(rows: column.rows, columns: n) { i, _ in column.elements[i] }
    }

    /// Stops with a shape error naming `operation` unless `a` and `b` have the same shape.
    static func requireSameShape(_ operation: String, _ a: Matrix, _ b: Matrix) {
        requireShape(
            a.rows == b.rows && a.columns == b.columns,
            ShapeError(operation, "(\(a.shapeDescription)) and (\(b.shapeDescription)) must have the same shape"))
    }

    /// Stops unless `m` has at least one element (a mean over nothing is undefined).
    static func requireNonEmpty(_ operation: String, _ m: Matrix) {
        requireShape(
            m.count > 0,
            ShapeError(operation, "empty input (\(m.shapeDescription)): a mean over no elements is undefined"))
    }

    /// Stops unless every element of `m` is a probability in [0, 1] (NaN is refused).
    static func requireProbabilities(_ operation: String, _ name: String, _ m: Matrix) {
        if let bad = m.elements.first(where: { !($0 >= 0 && $0 <= 1) }) {
            preconditionFailure("\(operation): \(name) must lie in [0, 1]; found \(bad)")
        }
    }

    /// Stops unless every row of `m` is a distribution: entries in [0, 1] summing to 1 within 1e-9 · columns.
    static func requireDistributions(_ operation: String, _ name: String, _ m: Matrix) {
        requireProbabilities(operation, name, m)
        let sums = m.sum(along: .columns).elements
        if let i = sums.indices.first(where: { abs(sums[$0] - 1) > 1e-9 * Double(Swift.max(m.columns, 1)) }) {
            preconditionFailure("\(operation): row \(i) of \(name) sums to \(sums[i]), not 1")
        }
    }
}
