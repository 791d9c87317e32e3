/// The covariance (1/d) Σᵢ (xᵢ − x̄)(yᵢ − ȳ) of paired values, with d = n for
/// `.biased` and d = n − 1 for `.unbiased`.
///
/// `x` and `y` must be non-empty and of the same length; covariance(x, x) is
/// the variance of x.
public func covariance(_ x: [Double], _ y: [Double], correction: VarianceCorrection) -> Double {
    covariance(x, y, correction: correction, function: "covariance")
}

/// The one kernel behind variance, standard deviation and covariance: the
/// centred products summed, divided by n or n − 1.
func covariance(_ x: [Double], _ y: [Double], correction: VarianceCorrection, function: String) -> Double {
    precondition(!x.isEmpty && !y.isEmpty, "\(function): empty input")
    requireShape(
        x.count == y.count,
        ShapeError(function, "paired values of length \(x.count) and \(y.count) differ"))
    let divisor = correction.divisor(x.count, function: function)
    let xMean = mean(x), yMean = mean(y)
    let xCentred = x.map { $0 - xMean }
    let yCentred = y.map { $0 - yMean }
    return xCentred.dot(yCentred) / divisor
}

/// The covariance matrix of a data matrix whose rows are examples and whose
/// columns are variables: C = X̃ᵀ X̃ / d, with X̃ = X minus its row of column
/// means, and d = n (`.biased`) or n − 1 (`.unbiased`) for n rows.
///
/// C[j, k] is the covariance of columns j and k; the diagonal holds the
/// variances. C is p x p for p columns, symmetric and positive semi-definite.
/// The product goes through the matrix-product kernel. An empty matrix stops
/// with `covarianceMatrix: empty data (0xp)`.
public func covarianceMatrix(_ data: Matrix, correction: VarianceCorrection) -> Matrix {
    precondition(data.rows > 0 && data.columns > 0, "covarianceMatrix: empty data (\(data.shapeDescription))")
    let divisor = correction.divisor(data.rows, function: "covarianceMatrix")
    let centred = data - data.mean(along: .rows)
    return centred.transposed * centred / divisor
}
