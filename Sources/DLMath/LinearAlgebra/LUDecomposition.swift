/// The LU decomposition with partial pivoting, P A = L U, of a square matrix A.
///
/// L is unit lower triangular (ones on the diagonal, multipliers |lᵢⱼ| ≤ 1
/// below), U upper triangular, P a permutation matrix: row i of P A is row
/// `permutation[i]` of A. Computed once, in O(n³), it answers in O(n²) per
/// right-hand side:
///
///     solve       A x = b  ⇔  L y = P b (forward substitution), U x = y (back substitution)
///     inverse     A⁻¹ = solve(A, I), column by column
///     determinant det A = det(P)⁻¹ det L det U = sign(P) · Πₖ uₖₖ
///
/// Singularity: a pivot with |uₖₖ| ≤ `pivotTolerance` = n · ε · maxᵢⱼ|aᵢⱼ|
/// (ε = 2.2e-16) counts as zero. Rounding alone leaves pivots of that size in
/// exactly singular matrices such as [[1, 2, 3], [4, 5, 6], [7, 8, 9]], and
/// the bound scales with A, so 1e-20 · I is not singular. The factorization
/// always exists (P A = L U holds even for singular A); `solve` and
/// `inverse` throw a `LinearAlgebraError` on a singular matrix, e.g.
/// `solve: matrix is singular (pivot 3 of 3 is 0)`; `determinant` returns
/// the product of the pivots, which is 0 or tiny for a singular matrix.
///
/// A non-square matrix, or a right-hand side whose row count is not n, is a
/// shape error: the program stops with a message naming the operation and
/// the shapes (see `ShapeError`).
public struct LUDecomposition: Sendable {
    /// n, the number of rows and columns of A.
    public let size: Int
    /// L below the diagonal (its unit diagonal not stored) and U on and above.
    let factors: Matrix
    /// Row i of P A is row `permutation[i]` of A.
    public let permutation: [Int]
    /// det P = +1 for an even number of row swaps, −1 for an odd number.
    public let permutationSign: Double
    /// Pivots at most this large in magnitude count as zero: n · ε · maxᵢⱼ|aᵢⱼ|.
    public let pivotTolerance: Double
    /// The first negligible pivot: its step (counted from 1) and value; nil when A is regular.
    let firstNegligiblePivot: (step: Int, value: Double)?

    /// Factorizes the square matrix `a`. Stops on a non-square matrix (`lu: (2x3) is not square ...`).
    public init(_ a: Matrix) {
        self.init(a, operation: "lu")
    }

    /// Factorizes `a`, naming `operation` in a shape error.
    init(_ a: Matrix, operation: String) {
        requireShape(a.isSquare, .notSquare(operation, a))
        let n = a.rows
        var lu = a
        var permutation = Array(0..<n)
        var sign = 1.0
        let tolerance = Double(n) * Double.ulpOfOne * a.norm(.max)
        var negligible: (step: Int, value: Double)?
        for k in 0..<n {
            let p = lu.largestMagnitudeRow(inColumn: k, from: k)
            if p != k {
                lu.swapRows(p, k)
                permutation.swapAt(p, k)
                sign = -sign
            }
            let pivot = lu[k, k]
            if abs(pivot) <= tolerance && negligible == nil { negligible = (k + 1, pivot) }
            // An exactly zero pivot means the column below it is zero too:
            // there is nothing to eliminate, and P A = L U still holds.
            if pivot != 0 { lu.eliminateBelow(pivotRow: k, column: k, keepMultipliers: true) }
        }
        self.size = n
        self.factors = lu
        self.permutation = permutation
        self.permutationSign = sign
        self.pivotTolerance = tolerance
        self.firstNegligiblePivot = negligible
    }

    /// L, unit lower triangular (n x n).
    public var lower: Matrix {
        Matrix(rows: size, columns: size) { i, j in i == j ? 1 : (i > j ? factors[i, j] : 0) }
    }

    /// U, upper triangular (n x n); its diagonal holds the pivots.
    public var upper: Matrix {
        Matrix(rows: size, columns: size) { i, j in i <= j ? factors[i, j] : 0 }
    }

    /// P, with P[i, permutation[i]] = 1, so that P A = L U.
    public var permutationMatrix: Matrix {
        Matrix(rows: size, columns: size) { i, j in permutation[i] == j ? 1 : 0 }
    }

    /// The pivots u₁₁, …, uₙₙ, in elimination order.
    public var pivots: [Double] { (0..<size).map { factors[$0, $0] } }

    /// True when some pivot is at most `pivotTolerance` in magnitude.
    public var isSingular: Bool { firstNegligiblePivot != nil }

    /// det A = sign(P) · Πₖ uₖₖ (1 for the empty 0 x 0 matrix). Not an error
    /// for a singular matrix: the product of its pivots, 0 or nearly.
    public var determinant: Double {
        pivots.reduce(permutationSign, *)
    }

    /// The solution x of A x = b.
    /// Throws `LinearAlgebraError` (`solve: matrix is singular (...)`) when A is singular;
    /// stops when b's length is not n.
    public func solve(_ b: [Double]) throws -> [Double] {
        requireShape(
            b.count == size,
            ShapeError("solve", "(\(size)x\(size)) x = b: b has length \(b.count), needs \(size)"))
        return try solve(Matrix(column: b), operation: "solve").elements
    }

    /// The solution X of A X = B, one column of X per column of B (n x m).
    /// Throws `LinearAlgebraError` when A is singular; stops when B does not have n rows.
    public func solve(_ b: Matrix) throws -> Matrix {
        requireShape(
            b.rows == size,
            ShapeError("solve", "(\(size)x\(size)) X = B: B is \(b.shapeDescription), needs \(size) rows"))
        return try solve(b, operation: "solve")
    }

    /// A⁻¹, the solution of A X = I. Throws `LinearAlgebraError`
    /// (`inverse: matrix is singular (...)`) when A is singular.
    public func inverse() throws -> Matrix {
        try solve(.identity(size), operation: "inverse")
    }

    /// Forward then back substitution on all columns of B at once, row by row:
    ///
    ///     yᵢ = (P B)ᵢ − Σ_{j<i} lᵢⱼ yⱼ          (rows of Y, top to bottom)
    ///     xᵢ = (yᵢ − Σ_{j>i} uᵢⱼ xⱼ) / uᵢᵢ      (rows of X, bottom to top)
    func solve(_ b: Matrix, operation: String) throws -> Matrix {
        if let (step, value) = firstNegligiblePivot {
            throw LinearAlgebraError.singular(operation, pivot: step, of: size, value: value, tolerance: pivotTolerance)
        }
        let n = size, m = b.columns
        var x = b.rows(at: permutation)
        guard m > 0 else { return x }
        factors.elements.withUnsafeBufferPointer { f in
            x.withUnsafeMutableElements { xs in
                guard let lu = f.baseAddress, let rowsOfX = xs.baseAddress else { return }
                for i in 0..<n {
                    for j in 0..<i where lu[i * n + j] != 0 {
                        VectorKernels.addScaled(-lu[i * n + j], rowsOfX + j * m, to: rowsOfX + i * m, count: m)
                    }
                }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in (i + 1)..<n where lu[i * n + j] != 0 {
                        VectorKernels.addScaled(-lu[i * n + j], rowsOfX + j * m, to: rowsOfX + i * m, count: m)
                    }
                    let pivot = lu[i * n + i]
                    for c in 0..<m { rowsOfX[i * m + c] /= pivot }
                }
            }
        }
        return x
    }
}

extension Matrix {
    /// The LU decomposition with partial pivoting, P A = L U (see `LUDecomposition`).
    public var luDecomposition: LUDecomposition { LUDecomposition(self) }

    /// The solution x of A x = b, by LU with partial pivoting.
    /// Throws `LinearAlgebraError` when A is singular; stops when A is not square
    /// or b's length differs from A's size.
    public func solve(_ b: [Double]) throws -> [Double] {
        try LUDecomposition(self, operation: "solve").solve(b)
    }

    /// The solution X of A X = B (B has A.rows rows), by LU with partial pivoting.
    public func solve(_ b: Matrix) throws -> Matrix {
        try LUDecomposition(self, operation: "solve").solve(b)
    }

    /// A⁻¹, with A A⁻¹ = A⁻¹ A = I, by LU with partial pivoting.
    /// Throws `LinearAlgebraError` (`inverse: matrix is singular (pivot k of n ...)`);
    /// stops when A is not square. To solve A x = b, prefer `solve`: it is
    /// cheaper and more accurate than forming A⁻¹ b.
    public func inverse() throws -> Matrix {
        try LUDecomposition(self, operation: "inverse").inverse()
    }

    /// det A = sign(P) · Πₖ uₖₖ from P A = L U; 1 for the 0 x 0 matrix; stops
    /// when A is not square. For singular A it is 0 or, after rounding, tiny
    /// (about ε · ‖A‖ⁿ).
    public var determinant: Double {
        LUDecomposition(self, operation: "determinant").determinant
    }
}
