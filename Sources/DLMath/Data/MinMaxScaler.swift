/// Min-max scaling, fitted on one data set and applied to others:
///
///     m_j = minᵢ x_ij,   M_j = maxᵢ x_ij,   s_ij = (x_ij − m_j) / (M_j − m_j)
///
/// On the fitted set every column then spans [0, 1] exactly (the minimum maps
/// to 0 and the maximum to 1); other sets may fall outside [0, 1], which is
/// kept rather than clipped, so that the map stays invertible.
/// A constant column (M_j = m_j, an exact test: both are values of the
/// column) is only shifted: its scale is taken as 1, so the fitted set gets zeros.
/// For the digits, whose pixels are known to lie in 0...16, dividing by 16 is
/// the alternative that does not depend on the data.
public struct MinMaxScaler: Equatable, Sendable, Codable {
    /// m_j, the smallest value of each column of the fitted data.
    public let minimums: [Double]
    /// M_j, the largest value of each column of the fitted data.
    public let maximums: [Double]
    /// The divisor used for each column: M_j − m_j, or 1 for a constant column.
    public let scales: [Double]

    /// Fits m and M to the columns of `features` (at least one row).
    public init(fittingTo features: Matrix) {
        precondition(features.rows > 0, "MinMaxScaler: cannot fit to \(features.shapeDescription), it has no rows")
        minimums = features.columnMinima().elements
        maximums = features.max(along: .rows).elements
        scales = zip(minimums, maximums).map { low, high in high > low ? high - low : 1 }
    }

    /// The columns that were constant in the fitted data (scale 1).
    public var constantColumns: [Int] { (0..<minimums.count).filter { minimums[$0] == maximums[$0] } }

    private var scaling: ColumnScaling { ColumnScaling(offsets: minimums, scales: scales) }

    /// s_ij = (x_ij − m_j) / scale_j; `features` must have as many columns as the fitted data.
    public func transform(_ features: Matrix) -> Matrix { scaling.apply(features, "min-max scale") }

    /// x_ij = s_ij · scale_j + m_j, the inverse of `transform`.
    public func inverseTransform(_ scaled: Matrix) -> Matrix { scaling.invert(scaled, "min-max unscale") }

    /// The data set with its features scaled (labels and names unchanged).
    public func transform(_ dataset: Dataset) -> Dataset { dataset.replacingFeatures(transform(dataset.features)) }
}
