/// Which divisor a variance uses.
///
/// For values x₁ … xₙ with mean x̄ and S = Σᵢ (xᵢ − x̄)²:
/// - `.biased`: S / n, the variance of the n values themselves (the
///   population variance, and the maximum-likelihood estimate for a Gaussian);
///   as an estimate of the variance of the distribution the values came from
///   it is too small on average by the factor (n − 1) / n.
/// - `.unbiased`: S / (n − 1) (Bessel's correction), whose expectation is the
///   variance of the distribution. Needs n ≥ 2.
public enum VarianceCorrection: Sendable {
    /// Divide by n: the variance of the sample itself (NumPy's default, ddof = 0).
    case biased
    /// Divide by n − 1: an unbiased estimate of the population's variance (ddof = 1).
    case unbiased

    /// The divisor for n values: n or n − 1.
    func divisor(_ n: Int, function: String) -> Double {
        switch self {
        case .biased:
            return Double(n)
        case .unbiased:
            precondition(n >= 2, "\(function): the unbiased (n − 1) estimate needs at least 2 values, got \(n)")
            return Double(n - 1)
        }
    }
}

/// The sample mean x̄ = (1/n) Σᵢ xᵢ.
///
/// Stops with `mean: empty input` when `values` is empty (the mean of no
/// values is undefined).
public func mean(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "mean: empty input")
    return values.sum / Double(values.count)
}

/// The variance (1/d) Σᵢ (xᵢ − x̄)², with d = n for `.biased` and d = n − 1
/// for `.unbiased` (see `VarianceCorrection`).
///
/// Computed in two passes (the mean first, then the squared deviations), which
/// avoids the cancellation of the one-pass E[X²] − x̄² when the mean is large
/// compared with the spread. Empty input, or fewer than 2 values with
/// `.unbiased`, stops with a message naming `variance`.
public func variance(_ values: [Double], correction: VarianceCorrection) -> Double {
    precondition(!values.isEmpty, "variance: empty input")
    return covariance(values, values, correction: correction, function: "variance")
}

/// The standard deviation √variance(values, correction:).
///
/// Note: with `.unbiased` the variance is unbiased, its square root is not
/// (it underestimates σ slightly); the name follows common usage.
public func standardDeviation(_ values: [Double], correction: VarianceCorrection) -> Double {
    precondition(!values.isEmpty, "standardDeviation: empty input")
    return covariance(values, values, correction: correction, function: "standardDeviation").squareRoot()
}
