import Foundation

/// An axis of a matrix, for reductions: `.rows` reduces down the rows (one
/// result per column, a 1 x n row vector: the bias gradient is
/// `grad.sum(along: .rows)`); `.columns` reduces across the columns (one
/// result per row, an m x 1 column vector).
public enum Axis: Sendable {
    /// Along the rows: one result per column, a 1 x n row vector.
    case rows
    /// Along the columns: one result per row, an m x 1 column vector.
    case columns
}

extension Matrix {
    /// Σᵢⱼ A[i, j], the sum of all elements (0 for an empty matrix).
    public var sum: Double { elements.reduce(0, +) }

    /// The mean of all elements, (1 / mn) Σᵢⱼ A[i, j].
    public var mean: Double {
        precondition(count > 0, "mean: empty matrix (\(shapeDescription))")
        return sum / Double(count)
    }

    /// The largest element.
    public var max: Double {
        precondition(count > 0, "max: empty matrix (\(shapeDescription))")
        return elements.max()!
    }

    /// The smallest element.
    public var min: Double {
        precondition(count > 0, "min: empty matrix (\(shapeDescription))")
        return elements.min()!
    }

    /// Sums along an axis: `.rows` gives the 1 x n row of column sums Σᵢ A[i, j];
    /// `.columns` gives the m x 1 column of row sums Σⱼ A[i, j].
    public func sum(along axis: Axis) -> Matrix {
        reduce(along: axis, initial: 0, +)
    }

    /// Means along an axis (see `sum(along:)` for which shape comes out).
    public func mean(along axis: Axis) -> Matrix {
        let n = axis == .rows ? rows : columns
        precondition(n > 0, "mean(along:): empty matrix (\(shapeDescription))")
        return sum(along: axis) / Double(n)
    }

    /// Maxima along an axis (see `sum(along:)` for which shape comes out).
    public func max(along axis: Axis) -> Matrix {
        reduce(along: axis, initial: -.infinity, Swift.max)
    }

    /// The index of the largest element in each row (ties: the first), the
    /// predicted class of each example when rows are examples.
    /// A matrix with rows but no columns has no index to give: that stops with a message.
    public func argmaxPerRow() -> [Int] {
        precondition(columns > 0 || rows == 0, "argmaxPerRow: (\(shapeDescription)) has no columns to choose from")
        return (0..<rows).map { i in
            var best = 0
            for j in 1..<columns where self[i, j] > self[i, best] { best = j }
            return best
        }
    }

    /// The one reduction kernel behind `sum`, `mean` and `max` along an axis.
    func reduce(along axis: Axis, initial: Double, _ combine: (Double, Double) -> Double) -> Matrix {
        switch axis {
        case .rows:
            var result = [Double](repeating: initial, count: columns)
            for i in 0..<rows {
                for j in 0..<columns { result[j] = combine(result[j], elements[i * columns + j]) }
            }
            return Matrix(row: result)
        case .columns:
            var result = [Double](repeating: initial, count: rows)
            for i in 0..<rows {
                for j in 0..<columns { result[i] = combine(result[i], elements[i * columns + j]) }
            }
            return Matrix(column: result)
        }
    }
}
