/// The steps of Gaussian elimination with partial pivoting, shared by
/// `LUDecomposition` and `Matrix.rank`: find the pivot, swap rows, subtract
/// multiples of the pivot row from the rows below it.
extension Matrix {
    /// The row r ≥ `start` with the largest |A[r, column]| (ties: the first),
    /// the partial-pivoting choice, which keeps every multiplier |lᵢₖ| ≤ 1.
    func largestMagnitudeRow(inColumn column: Int, from start: Int) -> Int {
        var best = start
        for r in (start + 1)..<Swift.max(rows, start + 1) where abs(self[r, column]) > abs(self[best, column]) {
            best = r
        }
        return best
    }

    /// Exchanges rows i and j in place.
    mutating func swapRows(_ i: Int, _ j: Int) {
        guard i != j else { return }
        let n = columns
        withUnsafeMutableElements { a in
            for c in 0..<n { a.swapAt(i * n + c, j * n + c) }
        }
    }

    /// One elimination step below the pivot A[r, c] (which must be nonzero):
    /// for every row i > r, the multiplier lᵢ = A[i, c] / A[r, c], then
    /// row i ← row i − lᵢ · row r on the columns after c. Column c below the
    /// pivot then holds the multipliers (`keepMultipliers`, the L of LU) or zeros.
    mutating func eliminateBelow(pivotRow r: Int, column c: Int, keepMultipliers: Bool) {
        let n = columns, m = rows
        withUnsafeMutableElements { a in
            guard let base = a.baseAddress else { return }
            let pivot = base[r * n + c]
            let pivotRest = UnsafePointer(base + r * n + c + 1)
            for i in (r + 1)..<Swift.max(m, r + 1) {
                let multiplier = base[i * n + c] / pivot
                base[i * n + c] = keepMultipliers ? multiplier : 0
                guard multiplier != 0 else { continue }
                VectorKernels.addScaled(-multiplier, pivotRest, to: base + i * n + c + 1, count: n - c - 1)
            }
        }
    }
}
