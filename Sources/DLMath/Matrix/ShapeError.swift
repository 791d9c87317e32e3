/// A mismatch of shapes, described so that the reader sees the operation and
/// both shapes, e.g. `matmul: (3x4) * (5x2): inner dimensions 4 and 5 differ`.
///
/// Operators on `Matrix` stop the program with this message (a shape error is
/// a bug in the calling code, like an index out of range); functions that take
/// data from outside (files, the command line) throw it instead.
public struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation, as the reader would name it: `matmul`, `add`, `solve`.
    public var operation: String
    /// Everything after the operation name.
    public var detail: String

    /// A shape error of `operation` (`multiply`), with the shapes and what was expected in `detail`.
    public init(_ operation: String, _ detail: String) {
        self.operation = operation
        self.detail = detail
    }

    /// `operation: detail`, one line.
    public var description: String { "\(operation): \(detail)" }

    /// The product A B needs A's column count to equal B's row count.
    public static func product(_ a: Matrix, _ b: Matrix) -> ShapeError {
        ShapeError(
            "matmul",
            "(\(a.shapeDescription)) * (\(b.shapeDescription)): inner dimensions \(a.columns) and \(b.rows) differ")
    }

    /// An element-wise operation needs equal shapes, or a row vector / scalar to broadcast.
    public static func elementwise(_ operation: String, _ a: Matrix, _ b: Matrix) -> ShapeError {
        ShapeError(
            operation,
            "(\(a.shapeDescription)) and (\(b.shapeDescription)): shapes differ and neither is a 1x\(max(a.columns, b.columns)) row to broadcast"
        )
    }
}

/// Stops with a shape error when `condition` is false. The message is built only on failure.
/// `fatalError`, not `preconditionFailure`: an optimised (release) build drops
/// the message of a failed precondition, and the reader would see no reason.
func requireShape(_ condition: Bool, _ error: @autoclosure () -> ShapeError) {
    if !condition { fatalError(error().description) }
}
