/// Products with a transposed operand, and the product with a bias row added,
/// without forming the transpose or an intermediate matrix.
///
///     a.transposedTimes(b)    = Aᵀ B     (Aᵀ B)[i, j] = Σₖ A[k, i] B[k, j]
///     a.timesTransposed(b)    = A Bᵀ     (A Bᵀ)[i, j] = Σₖ A[i, k] B[j, k]
///     a.times(b, addingRow: r) = A B + 1 r   every row of A B plus the row r
///
/// These are the three products of a dense layer: y = x W + b forward,
/// ∂L/∂W = xᵀ g and ∂L/∂x = g Wᵀ backward. They give the same numbers as
/// `a.transposed * b`, `a * b.transposed` and `a * b + r` (the same sums in
/// the same order; the bias is added to each finished sum, as `+` would add
/// it), at the cost of the plain product: the kernel's packing step reads a
/// transposed operand in its stored layout (`MatrixProductPacking.swift`).
extension Matrix {
    /// Aᵀ B for A (k x m) and B (k x n): an m x n matrix. Stops with
    /// `matmul: (kxm)ᵀ * (pxn): inner dimensions k and p differ` when the row counts differ.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        requireShape(
            rows == other.rows,
            ShapeError(
                "matmul",
                "(\(shapeDescription))ᵀ * (\(other.shapeDescription)): inner dimensions \(rows) and \(other.rows) differ"
            ))
        return Matrix.product(self, other, m: columns, k: rows, n: other.columns, transposedA: true, transposedB: false)
    }

    /// A Bᵀ for A (m x k) and B (n x k): an m x n matrix. Stops with
    /// `matmul: (mxk) * (nxp)ᵀ: inner dimensions k and p differ` when the column counts differ.
    public func timesTransposed(_ other: Matrix) -> Matrix {
        requireShape(
            columns == other.columns,
            ShapeError(
                "matmul",
                "(\(shapeDescription)) * (\(other.shapeDescription))ᵀ: inner dimensions \(columns) and \(other.columns) differ"
            ))
        return Matrix.product(self, other, m: rows, k: columns, n: other.rows, transposedA: false, transposedB: true)
    }

    /// A B + 1 r: the product of A (m x k) and B (k x n) with the 1 x n row r
    /// added to every row, in one pass (the product accumulates onto copies
    /// of r). Stops with a shape error naming the operation when the inner
    /// dimensions differ or r is not 1 x n.
    public func times(_ other: Matrix, addingRow row: Matrix) -> Matrix {
        requireShape(columns == other.rows, .product(self, other))
        requireShape(
            row.rows == 1 && row.columns == other.columns,
            ShapeError(
                "matmul + row",
                "the row \(row.shapeDescription) must be 1x\(other.columns) for (\(shapeDescription)) * (\(other.shapeDescription))"
            ))
        // The kernel adds each finished sum to C once (C += Σ), so starting C
        // at r gives r + Σ = Σ + r exactly, when k fits one depth block;
        // the simple loop accumulates term by term, so it gets r afterwards.
        let m = rows, k = columns, n = other.columns
        guard m * k * n >= MatrixProduct.smallProduct && k <= MatrixProduct.depthBlock else {
            var result = self * other
            result.addRowToEveryRow(row)
            return result
        }
        let result = Matrix(
            rows: m, columns: n,
            uninitialisedElementsFilledBy: { c in
                row.elements.withUnsafeBufferPointer { r in
                    guard let source = r.baseAddress else { return }
                    for i in 0..<m { (c + i * n).initialize(from: source, count: n) }
                }
            })
        return Matrix.product(self, other, m: m, k: k, n: n, transposedA: false, transposedB: false, onto: result)
    }

    /// C ← C + r for every row of C (r is 1 x columns).
    mutating func addRowToEveryRow(_ row: Matrix) {
        let n = columns, m = rows
        row.elements.withUnsafeBufferPointer { r in
            withUnsafeMutableElements { c in
                for i in 0..<m {
                    for j in 0..<n { c[i * n + j] += r[j] }
                }
            }
        }
    }

    /// `onto` + op(a) op(b), through the kernel (shapes checked by the callers).
    private static func product(
        _ a: Matrix, _ b: Matrix, m: Int, k: Int, n: Int,
        transposedA: Bool, transposedB: Bool, onto start: Matrix? = nil
    ) -> Matrix {
        let multiply = { (c: UnsafeMutablePointer<Double>, overwriting: Bool) in
            a.elements.withUnsafeBufferPointer { ap in
                b.elements.withUnsafeBufferPointer { bp in
                    MatrixProduct.multiply(
                        ap.baseAddress, bp.baseAddress, into: c, m: m, k: k, n: n,
                        transposedA: transposedA, transposedB: transposedB, overwriting: overwriting)
                }
            }
        }
        guard var c = start else {
            return Matrix(rows: m, columns: n, uninitialisedElementsFilledBy: { multiply($0, true) })
        }
        c.withUnsafeMutableElements { cp in
            if let base = cp.baseAddress { multiply(base, false) }
        }
        return c
    }
}
