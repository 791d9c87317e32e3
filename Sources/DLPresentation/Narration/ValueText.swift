import DLMath

/// `[1, 2.5, -3]`: a vector on one line (long vectors are elided in the middle).
public func arrayText(_ values: [Double], significantDigits: Int = 6) -> String {
    let texts = values.map { formatCompact($0, significantDigits: significantDigits) }
    if texts.count > 12 {
        return "[" + texts.prefix(5).joined(separator: ", ") + ", …, " + texts.suffix(5).joined(separator: ", ") + "]"
    }
    return "[" + texts.joined(separator: ", ") + "]"
}

/// `[[1, 2], [3, 4]]`: a small matrix on one line; a large one by its shape.
public func matrixText(_ matrix: Matrix) -> String {
    if matrix.count > 16 { return "(\(matrix.shapeDescription) matrix)" }
    return "[" + matrix.rowArrays.map { arrayText($0) }.joined(separator: ", ") + "]"
}

/// A value a chapter shows or checks, kept as a value so that each
/// rendering (the terminal, the web page) lays it out in its own room.
enum NarratedValue {
    /// A number, printed with 10 significant digits.
    case number(Double)
    /// A vector, on one line (`arrayText`), elided in the middle beyond 12 entries.
    case vector([Double])
    /// A matrix in a check: on one line (`matrixText`) or as aligned rows; by its shape beyond 16 entries.
    case matrix(Matrix)
    /// A matrix of two or more rows shown by `show`: every entry, on rows of its own (`Matrix.description`).
    case shownMatrix(Matrix)
    /// Text as it is.
    case text(String)

    /// The value on one line, as the terminal has always printed it.
    var oneLine: String {
        switch self {
        case .number(let value): return formatCompact(value, significantDigits: 10)
        case .vector(let values): return arrayText(values)
        case .matrix(let matrix): return matrixText(matrix)
        case .shownMatrix(let matrix): return matrixText(matrix)
        case .text(let text): return text
        }
    }

    /// The rows of the value's matrix with every entry as text, or nil for a
    /// value that is not a matrix of at least two rows to be shown in full.
    var matrixCells: [[String]]? {
        switch self {
        case .matrix(let matrix) where matrix.count <= 16 && matrix.rows >= 2:
            return matrix.rowArrays.map { $0.map { formatCompact($0, significantDigits: 6) } }
        default:
            return nil
        }
    }

    /// The value in at most `width` columns: one line when it fits (unless
    /// `matrixAsRows` asks for a matrix's rows), a matrix as aligned rows
    /// `[[a, b],` / ` [c, d]]`, anything else broken after its commas (or at
    /// spaces) with continuation lines indented by one.
    func lines(width: Int, matrixAsRows: Bool = false) -> [String] {
        let single = oneLine
        if single.count <= width, !(matrixAsRows && matrixCells != nil) { return [single] }
        if let cells = matrixCells {
            let rows = alignedRows(cells)
            if rows.allSatisfy({ $0.count <= width }) { return rows }
            return rows.flatMap { fitted($0, width: width, continuation: 2) }
        }
        return fitted(single, width: width, continuation: 1)
    }
}

/// `[[ 1, -2],` / ` [30,  4]]`: a matrix as rows, each column right-aligned.
func alignedRows(_ cells: [[String]]) -> [String] {
    let columns = cells.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in cells.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return cells.enumerated().map { index, row in
        let padded = row.enumerated().map { column, text in
            String(repeating: " ", count: widths[column] - text.count) + text
        }
        let opening = index == 0 ? "[[" : " ["
        let closing = index == cells.count - 1 ? "]]" : "],"
        return opening + padded.joined(separator: ", ") + closing
    }
}
