import Foundation

/// An element-wise activation function φ and its derivative φ′.
///
/// Conventions (pinned by tests):
/// - ReLU′(0) = 0 (the subgradient PyTorch and Keras use); ReLU(NaN) = NaN
///   (a NaN is passed on, never hidden as 0).
/// - Leaky ReLU: φ(x) = x for x > 0, `slope`·x otherwise; φ′(0) = `slope`.
///   PyTorch's default slope is 0.01, Keras' `LeakyReLU` default is 0.3.
/// - ELU: φ(x) = x for x > 0, α(eˣ − 1) otherwise; φ′(0) = α.
/// - GELU comes in two named forms: `geluExact` = x Φ(x) with the normal CDF
///   Φ(x) = ½(1 + erf(x/√2)) (PyTorch's default), and `geluTanh`, the tanh
///   approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (`approximate="tanh"`).
///
/// Numerically stable forms: `sigmoid` never evaluates e^x for large positive
/// x, `softplus` is max(x, 0) + log(1 + e^−|x|); both are finite and correct at
/// x = ±1000. The derivatives keep their relative accuracy in the tails:
/// σ′(x) = σ(x)σ(−x) (not σ(1 − σ), whose 1 − σ rounds to 0 beyond x ≈ 37),
/// tanh′(x) = sech²(x) (not 1 − tanh², which rounds to 0 beyond x ≈ 19), Φ
/// uses erfc in the lower tail, and `geluTanh` uses ½(1 + tanh u) = σ(2u).
public enum Activation: Sendable, Equatable, Hashable, Codable {
    /// f(x) = x, f′(x) = 1.
    case identity
    /// σ(x) = 1 / (1 + e⁻ˣ), σ′(x) = σ(x) σ(−x).
    case sigmoid
    /// tanh x = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ), tanh′(x) = sech² x.
    case tanh
    /// max(0, x), with relu′(0) = 0.
    case relu
    /// x for x > 0, slope · x otherwise.
    case leakyReLU(slope: Double)
    /// x for x > 0, α (eˣ − 1) otherwise.
    case elu(alpha: Double)
    /// x Φ(x), with Φ the standard normal CDF.
    case geluExact
    /// ½ x (1 + tanh(√(2/π) (x + 0.044715 x³))), the tanh approximation of GELU.
    case geluTanh
    /// log(1 + eˣ), whose derivative is σ(x).
    case softplus

    /// The name as printed in chapters and network summaries.
    public var name: String {
        switch self {
        case .identity: return "identity"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyReLU(let slope): return "leaky_relu(\(formatCompact(slope)))"
        case .elu(let alpha): return "elu(\(formatCompact(alpha)))"
        case .geluExact: return "gelu"
        case .geluTanh: return "gelu_tanh"
        case .softplus: return "softplus"
        }
    }

    /// φ(x):
    ///
    ///     identity  x                       sigmoid   σ(x) = 1 / (1 + e⁻ˣ)
    ///     tanh      (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)   relu      max(x, 0)
    ///     leaky     x if x > 0, slope·x     elu       x if x > 0, α(eˣ − 1)
    ///     gelu      x Φ(x)                  gelu_tanh ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
    ///     softplus  log(1 + eˣ)
    public func value(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .sigmoid: return logistic(x)
        case .tanh: return Foundation.tanh(x)
        case .relu: return x > 0 || x.isNaN ? x : 0
        case .leakyReLU(let slope): return x > 0 ? x : slope * x
        case .elu(let alpha): return x > 0 ? x : alpha * expm1(x)
        case .geluExact: return x * standardNormalCDF(x)
        case .geluTanh:
            // ½x(1 + tanh u) = x σ(2u): no cancellation in 1 + tanh u for u ≪ 0.
            return x * logistic(2 * geluTanhArgument(x))
        case .softplus: return softplusFunction(x)
        }
    }

    /// φ′(x):
    ///
    ///     identity  1                       sigmoid   σ(x)(1 − σ(x))
    ///     tanh      1 − tanh²(x)            relu      1 if x > 0, else 0 (ReLU′(0) = 0)
    ///     leaky     1 if x > 0, else slope  elu       1 if x > 0, else α eˣ (φ′(0) = α)
    ///     gelu      Φ(x) + x φ(x)           gelu_tanh ½(1 + t) + ½x(1 − t²)u′, t = tanh u
    ///     softplus  σ(x)
    public func derivative(_ x: Double) -> Double {
        switch self {
        case .identity:
            return 1
        case .sigmoid:
            // σ′(x) = σ(x)(1 − σ(x)) = σ(x)σ(−x), accurate in both tails
            return logistic(x) * logistic(-x)
        case .tanh:
            // tanh′(x) = 1 − tanh²(x) = sech²(x); 1/cosh overflows to the correct 0
            let sech = 1 / Foundation.cosh(x)
            return sech * sech
        case .relu:
            return x > 0 ? 1 : (x.isNaN ? x : 0)
        case .leakyReLU(let slope):
            return x > 0 ? 1 : slope
        case .elu(let alpha):
            // d/dx α(eˣ − 1) = α eˣ
            return x > 0 ? 1 : alpha * exp(x)
        case .geluExact:
            // d/dx x Φ(x) = Φ(x) + x φ(x), φ the standard normal density
            return standardNormalCDF(x) + x * exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        case .geluTanh:
            // u = √(2/π)(x + 0.044715x³), t = tanh u, ½(1 + t) = σ(2u), ½(1 − t²) = 2σ(2u)σ(−2u):
            // d/dx ½x(1 + t) = ½(1 + t) + ½x(1 − t²) u′,  u′ = √(2/π)(1 + 3·0.044715x²)
            let u = geluTanhArgument(x)
            let upper = logistic(2 * u), lower = logistic(-2 * u)
            return upper + 2 * x * upper * lower * (2 / Double.pi).squareRoot() * (1 + 3 * 0.044715 * x * x)
        case .softplus:
            // d/dx log(1 + eˣ) = σ(x)
            return logistic(x)
        }
    }
}

/// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), computed without overflow:
/// for x < 0 it uses the equal form eˣ / (1 + eˣ). σ(−1000) = 0 (underflow to
/// the correct limit), σ(1000) = 1, σ(0) = ½.
public func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}

/// softplus(x) = log(1 + eˣ), computed as max(x, 0) + log1p(e^−|x|): finite for
/// every finite x, softplus(1000) = 1000, softplus(−1000) = e^−1000 ≈ 0.
public func softplusFunction(_ x: Double) -> Double {
    Swift.max(x, 0) + log1p(exp(-abs(x)))
}

/// log σ(x) = −softplus(−x) = min(x, 0) − log1p(e^−|x|): the log-probability
/// of a logistic model, accurate in both tails where log(σ(x)) is not:
/// logSigmoid(50) = −1.93e-22 (log σ(50) = log 1 = 0), logSigmoid(−1000) = −1000
/// (log σ(−1000) = log 0 = −∞).
public func logSigmoid(_ x: Double) -> Double {
    Swift.min(x, 0) - log1p(exp(-abs(x)))
}

/// The standard normal CDF Φ(x) = ½(1 + erf(x / √2)), computed as the equal
/// ½ erfc(−x / √2): 1 + erf(x/√2) cancels to 0 for x below about −8.3, erfc
/// keeps the lower tail's relative accuracy (Φ(−10) ≈ 7.62e-24, not 0).
public func standardNormalCDF(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
}

/// √(2/π)(x + 0.044715x³), the argument of tanh in the GELU approximation.
private func geluTanhArgument(_ x: Double) -> Double {
    (2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)
}
