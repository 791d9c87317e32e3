/// A matrix whose values (not its shape) make an operation impossible: a
/// singular matrix given to `solve` or `inverse`, a non-symmetric matrix given
/// to the symmetric eigendecomposition.
///
/// The message names the operation, e.g.
/// `solve: matrix is singular (pivot 3 of 3 is 0)`.
///
/// Shape mismatches are a different thing (a bug in the calling code) and
/// stop the program with a `ShapeError` message instead.
public struct LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation, as the reader would name it: `solve`, `inverse`, `eigen`.
    public var operation: String
    /// Everything after the operation name.
    public var detail: String

    /// An error of `operation` (`solve`), with everything after its name in `detail`.
    public init(_ operation: String, _ detail: String) {
        self.operation = operation
        self.detail = detail
    }

    /// `operation: detail`, one line.
    public var description: String { "\(operation): \(detail)" }

    /// The matrix is singular: elimination step `pivot` (counted from 1, of
    /// `size`) found no pivot larger than `tolerance` in magnitude.
    public static func singular(
        _ operation: String, pivot: Int, of size: Int,
        value: Double, tolerance: Double
    ) -> LinearAlgebraError {
        let found =
            value == 0
            ? "is 0"
            : "is \(formatScientific(value)), at most the tolerance \(formatScientific(tolerance))"
        return LinearAlgebraError(operation, "matrix is singular (pivot \(pivot) of \(size) \(found))")
    }
}

extension ShapeError {
    /// An operation that needs a square matrix got `a`: `solve: (3x4) is not square`.
    public static func notSquare(_ operation: String, _ a: Matrix) -> ShapeError {
        ShapeError(operation, "(\(a.shapeDescription)) is not square: \(a.rows) rows but \(a.columns) columns")
    }
}
