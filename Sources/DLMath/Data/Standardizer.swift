/// Standardisation (z-scores), fitted on one data set and applied to others:
///
///     μ_j = (1/n) Σᵢ x_ij,    σ_j = √( (1/n) Σᵢ (x_ij − μ_j)² ),    z_ij = (x_ij − μ_j) / σ_j
///
/// Fit it on the training set only and apply the same μ and σ to the
/// validation and test sets, so that nothing about them leaks into training:
///
///     let scaler = Standardizer(fittingTo: split.training.features)
///     let training = scaler.transform(split.training)
///     let test = scaler.transform(split.test)
///
/// Conventions:
/// - σ is the population standard deviation (divide by n, as scikit-learn's
///   StandardScaler), so on the fitted set every column has mean 0 and
///   variance (1/n) Σ z² = 1 exactly, up to rounding;
/// - a constant column (σ_j ≤ 1e-12 · maxᵢ |x_ij|, which includes σ_j = 0,
///   so that rounding in μ does not pass for spread) is only centred: its
///   scale is taken as 1, the fitted set gets zeros there, other sets get
///   x − μ_j. Dividing by a σ of 0 would give NaN, and by a rounding-sized σ
///   would blow rounding up into noise. (scikit-learn also uses scale 1.)
public struct Standardizer: Equatable, Sendable, Codable {
    /// μ_j, the mean of each column of the fitted data.
    public let means: [Double]
    /// σ_j, the population standard deviation of each column (0, or nearly, for constant columns).
    public let standardDeviations: [Double]
    /// The divisor used for each column: σ_j, or 1 for a constant column.
    public let scales: [Double]
    /// The columns that were constant in the fitted data (scale 1, see the type's doc).
    public let constantColumns: [Int]

    /// Fits μ and σ to the columns of `features` (at least one row).
    public init(fittingTo features: Matrix) {
        precondition(features.rows > 0, "Standardizer: cannot fit to \(features.shapeDescription), it has no rows")
        let mean = features.mean(along: .rows)
        let centred = features - mean
        let deviations = (centred .* centred).mean(along: .rows).map { $0.squareRoot() }
        let largest = features.map(abs).max(along: .rows)
        means = mean.elements
        standardDeviations = deviations.elements
        let constant = (0..<features.columns).filter { j in
            deviations.elements[j] <= 1e-12 * largest.elements[j]
        }
        constantColumns = constant
        scales = (0..<features.columns).map { j in constant.contains(j) ? 1 : deviations.elements[j] }
    }

    private var scaling: ColumnScaling { ColumnScaling(offsets: means, scales: scales) }

    /// z_ij = (x_ij − μ_j) / scale_j; `features` must have as many columns as the fitted data.
    public func transform(_ features: Matrix) -> Matrix { scaling.apply(features, "standardize") }

    /// x_ij = z_ij · scale_j + μ_j, the inverse of `transform`.
    public func inverseTransform(_ standardized: Matrix) -> Matrix { scaling.invert(standardized, "unstandardize") }

    /// The data set with its features standardised (labels and names unchanged).
    public func transform(_ dataset: Dataset) -> Dataset { dataset.replacingFeatures(transform(dataset.features)) }
}
