import Foundation

/// A dense matrix of `Double`, stored row by row.
///
/// Element `(i, j)` of an `rows x columns` matrix lives at
/// `elements[i * columns + j]`. A vector is a matrix with one row (a row
/// vector, the shape a bias has) or one column; plain `[Double]` arrays are
/// accepted wherever the mathematics reads as a vector, and go through the
/// same kernels (see `VectorKernels.swift`).
///
///     let a: Matrix = [[1, 2],
///                      [3, 4]]
///     a[1, 0]          // 3
///     a.shape          // (rows: 2, columns: 2)
///
/// `Matrix` is a value type: copies are independent (copy-on-write storage).
public struct Matrix: Equatable, Hashable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The elements in row-major order; `elements.count == rows * columns`.
    public private(set) var elements: [Double]

    /// A `rows x columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape (\(rows)x\(columns))")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A `rows x columns` matrix from its elements in row-major order.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape (\(rows)x\(columns))")
        precondition(
            elements.count == rows * columns,
            "Matrix: \(elements.count) elements cannot fill a \(rows)x\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A `rows x columns` matrix whose `rows * columns` elements (row-major)
    /// `initialise` writes, every one of them, into uninitialised memory: no
    /// zero-filling first. For kernels that overwrite their whole result.
    init(rows: Int, columns: Int, uninitialisedElementsFilledBy initialise: (UnsafeMutablePointer<Double>) -> Void) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape (\(rows)x\(columns))")
        self.rows = rows
        self.columns = columns
        let count = rows * columns
        self.elements = [Double](unsafeUninitializedCapacity: count) { buffer, initialisedCount in
            if count > 0, let base = buffer.baseAddress { initialise(base) }
            initialisedCount = count
        }
    }

    /// A matrix from its rows; every row must have the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        for (i, row) in rowArrays.enumerated() {
            precondition(
                row.count == columns,
                "Matrix: row \(i) has \(row.count) elements, row 0 has \(columns)")
        }
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// A matrix whose element `(i, j)` is `entry(i, j)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
        var elements: [Double] = []
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { elements.append(entry(i, j)) }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// The row vector (`1 x n`) holding `values`.
    public init(row values: [Double]) {
        self.init(rows: 1, columns: values.count, elements: values)
    }

    /// The column vector (`n x 1`) holding `values`.
    public init(column values: [Double]) {
        self.init(rows: values.count, columns: 1, elements: values)
    }

    /// The `n x n` identity matrix I, with I[i, i] = 1 and 0 elsewhere.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }

    /// The square matrix with `values` on its diagonal and 0 elsewhere.
    public static func diagonal(_ values: [Double]) -> Matrix {
        var result = Matrix(rows: values.count, columns: values.count)
        for (i, value) in values.enumerated() { result[i, i] = value }
        return result
    }

    /// The shape `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The shape written as in error messages and tables: `3x4`.
    public var shapeDescription: String { "\(rows)x\(columns)" }

    /// Number of elements, `rows * columns`.
    public var count: Int { elements.count }

    /// True when the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Element `(row, column)`, both counted from 0.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) out of range for \(rows)x\(columns)")
            return elements[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) out of range for \(rows)x\(columns)")
            elements[row * columns + column] = newValue
        }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Matrix.row: row \(i) out of range for \(rows)x\(columns)")
        return Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Matrix.column: column \(j) out of range for \(rows)x\(columns)")
        return (0..<rows).map { elements[$0 * columns + j] }
    }

    /// The rows as nested arrays.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The matrix made of the rows listed in `indices`, in that order
    /// (a mini-batch is `x.rows(at: batchIndices)`).
    public func rows(at indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        let n = columns
        elements.withUnsafeBufferPointer { source in
            result.withUnsafeMutableElements { target in
                for (k, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rows, "Matrix.rows(at:): row \(i) out of range for \(rows)x\(columns)")
                    guard n > 0 else { continue }
                    (target.baseAddress! + k * n).update(from: source.baseAddress! + i * n, count: n)
                }
            }
        }
        return result
    }

    /// The same elements read as a `rows x columns` matrix (row-major order is kept).
    public func reshaped(rows newRows: Int, columns newColumns: Int) -> Matrix {
        precondition(
            newRows * newColumns == count,
            "reshape: \(rows)x\(columns) has \(count) elements, \(newRows)x\(newColumns) needs \(newRows * newColumns)")
        return Matrix(rows: newRows, columns: newColumns, elements: elements)
    }

    /// The transpose Aᵀ, with Aᵀ[j, i] = A[i, j].
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        elements.withUnsafeBufferPointer { source in
            result.withUnsafeMutableElements { target in
                for i in 0..<rows {
                    for j in 0..<columns { target[j * rows + i] = source[i * columns + j] }
                }
            }
        }
        return result
    }

    /// Applies `body` to the elements as a mutable buffer (row-major). For kernels.
    public mutating func withUnsafeMutableElements<R>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }

    /// The matrix with `transform` applied to every element.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    /// A matrix written as a list of rows: `[[1, 2], [3, 4]]`.
    public init(arrayLiteral rowArrays: [Double]...) {
        self.init(rowArrays)
    }
}

extension Matrix: CustomStringConvertible {
    /// The matrix printed row by row, numbers right-aligned with up to 6 significant digits.
    public var description: String {
        guard count > 0 else { return "[] (\(shapeDescription))" }
        let texts = elements.map { formatCompact($0) }
        let width = texts.map(\.count).max() ?? 1
        var lines: [String] = []
        for i in 0..<rows {
            let cells = (0..<columns).map { j -> String in
                let text = texts[i * columns + j]
                return String(repeating: " ", count: width - text.count) + text
            }
            lines.append("[" + cells.joined(separator: "  ") + "]")
        }
        return lines.joined(separator: "\n")
    }
}
