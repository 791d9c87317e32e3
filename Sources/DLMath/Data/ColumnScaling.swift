/// The one kernel behind `Standardizer` and `MinMaxScaler`: each column j is
/// mapped by z = (x − offset_j) / scale_j, and back by x = z · scale_j + offset_j,
/// through the matrix's row-vector broadcasting (`-`, `./`, `.*`, `+`).
struct ColumnScaling: Equatable, Sendable {
    /// offset_j, subtracted first.
    let offsets: [Double]
    /// scale_j, divided by next; never 0.
    let scales: [Double]

    /// (x − offset) / scale, column by column. `x` must have `offsets.count` columns.
    func apply(_ x: Matrix, _ operation: String) -> Matrix {
        requireColumns(x, operation)
        return (x - Matrix(row: offsets)) ./ Matrix(row: scales)
    }

    /// z · scale + offset, column by column (the inverse of `apply`).
    func invert(_ z: Matrix, _ operation: String) -> Matrix {
        requireColumns(z, operation)
        return z .* Matrix(row: scales) + Matrix(row: offsets)
    }

    private func requireColumns(_ x: Matrix, _ operation: String) {
        requireShape(
            x.columns == offsets.count,
            ShapeError(
                operation,
                "(\(x.shapeDescription)) has \(x.columns) columns, the scaling was fitted to \(offsets.count)"))
    }
}

extension Matrix {
    /// The 1 x n row of column minima (see `sum(along:)` for the axis convention).
    func columnMinima() -> Matrix { reduce(along: .rows, initial: .infinity, Swift.min) }
}
