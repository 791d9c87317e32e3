/// How a batch of sequences sits in one `Matrix` (chapters 13 and 14 use it).
///
/// One example per row, as for every layer; the columns of a row are read as
/// time x features, time first:
///
///     column t·F + f  =  feature f of time step t     (t = 0…T−1, f = 0…F−1)
///
/// so an m-example batch of T steps of F features is m x (T·F), and the first
/// F columns are step 0. Because `Matrix` is row-major, the same storage read
/// as (m·T) x F has one time step per row (row i·T + t is example i at step t):
/// `reshaped(rows: m * T, columns: F)` turns a sequence batch into a batch a
/// `Dense` layer or a loss takes step by step, for free, and back again.
public struct SequenceLayout: Sendable, Equatable {
    /// T, the number of time steps.
    public let steps: Int
    /// F, the number of features per step.
    public let features: Int

    /// T steps of F features: a row has T·F columns.
    public init(steps: Int, features: Int) {
        self.steps = steps
        self.features = features
    }

    /// The layout of `matrix` read with F = `features` columns per step; stops
    /// with a shape error naming `operation` when the columns are not a multiple of F.
    public static func reading(_ matrix: Matrix, features: Int, operation: String) -> SequenceLayout {
        requireShape(
            features > 0 && matrix.columns % features == 0 && matrix.columns > 0,
            ShapeError(
                operation,
                "input \(matrix.shapeDescription) is not a sequence of \(features)-feature steps (columns must be T·\(features), T ≥ 1)"
            ))
        return SequenceLayout(steps: matrix.columns / features, features: features)
    }

    /// The column of feature f at step t: t·F + f.
    public func column(step t: Int, feature f: Int) -> Int { t * features + f }

    /// x_t: the m x F block of columns t·F ..< (t+1)·F.
    public func step(_ t: Int, of matrix: Matrix) -> Matrix {
        matrix.columnBlock(from: t * features, count: features)
    }
}

extension Matrix {
    /// The `count` columns starting at `first`, as a rows x count matrix
    /// (each row's run of `count` values copied at once, nothing zero-filled first).
    func columnBlock(from first: Int, count: Int) -> Matrix {
        precondition(first >= 0 && count >= 0 && first + count <= columns, "columnBlock: columns out of range")
        return Matrix(
            rows: rows, columns: count,
            uninitialisedElementsFilledBy: { target in
                elements.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress else { return }
                    for i in 0..<rows {
                        (target + i * count).initialize(from: base + i * columns + first, count: count)
                    }
                }
            })
    }

    /// Writes `block` (rows x k) into the columns `first ..< first + k`, a row's run at a time.
    mutating func setColumnBlock(from first: Int, _ block: Matrix) {
        precondition(
            block.rows == rows && first >= 0 && first + block.columns <= columns, "setColumnBlock: block out of range")
        let (count, stride, rowCount) = (block.columns, columns, rows)
        block.elements.withUnsafeBufferPointer { source in
            withUnsafeMutableElements { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                for i in 0..<rowCount { (to + i * stride + first).update(from: from + i * count, count: count) }
            }
        }
    }

    /// [A | B | …]: the matrices side by side (same row count).
    static func sideBySide(_ parts: [Matrix]) -> Matrix {
        let rows = parts[0].rows
        var result = Matrix(rows: rows, columns: parts.reduce(0) { $0 + $1.columns })
        var first = 0
        for part in parts {
            requireShape(
                part.rows == rows,
                ShapeError(
                    "sideBySide", "(\(parts[0].shapeDescription)) and (\(part.shapeDescription)): row counts differ"))
            result.setColumnBlock(from: first, part)
            first += part.columns
        }
        return result
    }
}
