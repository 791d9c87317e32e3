extension Matrix {
    /// The rank of A (m x n): the number of linearly independent rows (= columns).
    ///
    /// Method: Gaussian elimination with partial pivoting to row echelon form.
    /// Column by column, the largest remaining entry in magnitude is the
    /// pivot; when it is at most `tolerance` the column counts as dependent on
    /// the earlier ones and is skipped. The rank is the number of pivots.
    ///
    /// - Parameter tolerance: the largest magnitude treated as zero; by
    ///   default max(m, n) · ε · maxᵢⱼ|aᵢⱼ| (ε = 2.2e-16), the size rounding
    ///   gives the remainders of exactly dependent rows. It scales with A.
    ///
    /// The empty matrix and the zero matrix have rank 0. Elimination is
    /// exact for exactly dependent rows up to rounding; for matrices that are
    /// *nearly* rank-deficient (a singular value between the tolerance and
    /// about 1e-8 · ‖A‖) the singular value decomposition is the reliable
    /// judge, and this method may count one more.
    public func rank(tolerance: Double? = nil) -> Int {
        let threshold = tolerance ?? Double(Swift.max(rows, columns)) * Double.ulpOfOne * norm(.max)
        var echelon = self
        var rank = 0
        for c in 0..<columns where rank < rows {
            let p = echelon.largestMagnitudeRow(inColumn: c, from: rank)
            guard abs(echelon[p, c]) > threshold else { continue }
            echelon.swapRows(p, rank)
            echelon.eliminateBelow(pivotRow: rank, column: c, keepMultipliers: false)
            rank += 1
        }
        return rank
    }
}
