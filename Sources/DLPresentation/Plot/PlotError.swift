/// Why a figure or chart cannot be drawn. Each case reads as one line.
public enum PlotError: Error, Equatable, CustomStringConvertible {
    /// There is nothing to draw: no layers, no values, or none that are finite.
    case emptyData(String)
    /// A series has different numbers of x and y values.
    case mismatchedLengths(String)
    /// A given axis or grid range is not a finite interval (or not positive on a log axis).
    case invalidRange(String)
    /// The figure cannot be written (bad name, file system error).
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .emptyData(let detail): return "nothing to plot: \(detail)"
        case .mismatchedLengths(let detail): return "mismatched data: \(detail)"
        case .invalidRange(let detail): return "invalid range: \(detail)"
        case .cannotWrite(let detail): return "cannot write figure: \(detail)"
        }
    }
}
