/// Rectangular blocks of a matrix: the rows of one example and the columns of
/// one head, as multi-head attention reads and writes them.
extension Matrix {
    /// The block of rows `rowRange` and columns `columnRange`.
    func block(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> Matrix {
        var values = [Double](repeating: 0, count: rowRange.count * columnRange.count)
        var index = 0
        for i in rowRange {
            for j in columnRange {
                values[index] = elements[i * columns + j]
                index += 1
            }
        }
        return Matrix(rows: rowRange.count, columns: columnRange.count, elements: values)
    }

    /// Writes `block` with its top-left entry at (`firstRow`, `firstColumn`).
    mutating func setBlock(row firstRow: Int, column firstColumn: Int, _ block: Matrix) {
        for i in 0..<block.rows {
            for j in 0..<block.columns { self[firstRow + i, firstColumn + j] = block[i, j] }
        }
    }
}
