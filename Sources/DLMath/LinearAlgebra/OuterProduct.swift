extension Matrix {
    /// The outer product x yᵀ of x ∈ ℝᵐ and y ∈ ℝⁿ: the m x n matrix with
    /// element (i, j) = xᵢ yⱼ. Computed as the product of the column x
    /// (m x 1) and the row yᵀ (1 x n) through the one product kernel. Its
    /// rank is 1 unless x or y is zero (then 0).
    public static func outer(_ x: [Double], _ y: [Double]) -> Matrix {
        Matrix(column: x) * Matrix(row: y)
    }
}
