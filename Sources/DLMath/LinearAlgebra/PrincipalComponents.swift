/// Principal component analysis of N examples (rows) of d features, by the
/// SVD of the centred data (never forming the covariance matrix):
///
///     X_c = X − 1 μᵀ = U Σ Vᵀ,   covariance C = X_cᵀ X_c / (N − 1) = V diag(σᵢ² / (N − 1)) Vᵀ
///
/// Column i of V is the i-th principal direction; the variance of the data
/// along it is λᵢ = σᵢ² / (N − 1), and the fraction of the total variance it
/// explains is λᵢ / Σⱼ λⱼ = σᵢ² / ‖X_c‖_F². The scores of an example x are
/// z = (x − μ)ᵀ V_k; x is rebuilt from k of them as μ + V_k z, with the
/// smallest squared error of any k-dimensional affine approximation
/// (Eckart–Young on X_c).
///
/// Signs follow the SVD's convention (each direction's first non-negligible
/// component positive), so the scores are the same on every run.
public struct PrincipalComponents: Sendable {
    /// μ: the mean of each feature (d entries).
    public let mean: [Double]
    /// V: d x r, column i is the i-th principal direction (r = min(N, d)).
    public let directions: Matrix
    /// λᵢ = σᵢ² / (N − 1), descending: the variance along each direction.
    public let variances: [Double]

    /// PCA of `data` (N x d, N ≥ 2).
    public init(_ data: Matrix) {
        precondition(data.rows >= 2, "PrincipalComponents: needs at least 2 examples, got \(data.rows)")
        let mean = data.mean(along: .rows).elements
        let centred = Matrix(rows: data.rows, columns: data.columns) { i, j in data[i, j] - mean[j] }
        let svd = centred.svd
        self.mean = mean
        self.directions = svd.v
        self.variances = svd.singularValues.map { $0 * $0 / Double(data.rows - 1) }
    }

    /// λᵢ / Σⱼ λⱼ for each direction (they sum to 1; all 0 for constant data).
    public var explainedVarianceRatio: [Double] {
        let total = variances.reduce(0, +)
        return variances.map { total > 0 ? $0 / total : 0 }
    }

    /// The cumulative explained variance: entry k − 1 is the fraction kept by k components.
    public var cumulativeExplainedVariance: [Double] {
        var sum = 0.0
        return explainedVarianceRatio.map {
            sum += $0; return sum
        }
    }

    /// The scores Z = (X − 1 μᵀ) V_k (N x k) of the rows of `data` on the first k directions.
    public func scores(_ data: Matrix, components k: Int) -> Matrix {
        precondition(
            k >= 0 && k <= directions.columns, "PrincipalComponents: \(k) components, have \(directions.columns)")
        requireShape(
            data.columns == mean.count,
            ShapeError("PrincipalComponents.scores", "data has \(data.columns) features, the fit had \(mean.count)"))
        let centred = Matrix(rows: data.rows, columns: data.columns) { i, j in data[i, j] - mean[j] }
        return centred * firstDirections(k)
    }

    /// The rows rebuilt from k components: X̂ = 1 μᵀ + Z_k V_kᵀ.
    public func reconstructed(_ data: Matrix, components k: Int) -> Matrix {
        let rebuilt = scores(data, components: k) * firstDirections(k).transposed
        return Matrix(rows: rebuilt.rows, columns: rebuilt.columns) { i, j in rebuilt[i, j] + mean[j] }
    }

    /// V_k: the first k columns of `directions` (d x k).
    public func firstDirections(_ k: Int) -> Matrix {
        Matrix(rows: directions.rows, columns: k) { i, j in directions[i, j] }
    }
}
