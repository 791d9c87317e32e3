import Foundation

/// An element-wise activation function φ and its derivative φ′.
///
/// Conventions (pinned by tests):
/// - ReLU′(0) = 0 (the subgradient PyTorch and Keras use).
/// - Leaky ReLU: φ(x) = x for x > 0, `slope`·x otherwise; φ′(0) = `slope`.
///   PyTorch's default slope is 0.01, Keras' `LeakyReLU` default is 0.3.
/// - ELU: φ(x) = x for x > 0, α(eˣ − 1) otherwise; φ′(0) = α.
/// - GELU comes in two named forms: `geluExact` = x Φ(x) with the normal CDF
///   Φ(x) = ½(1 + erf(x/√2)) (PyTorch's default), and `geluTanh`, the tanh
///   approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (`approximate="tanh"`).
///
/// Numerically stable forms: `sigmoid` never evaluates e^x for large positive
/// x, `softplus` is max(x, 0) + log(1 + e^−|x|); both are finite and correct at
/// x = ±1000.
public enum Activation: Sendable, Equatable, Hashable, Codable {
    case identity
    case sigmoid
    case tanh
    case relu
    case leakyReLU(slope: Double)
    case elu(alpha: Double)
    case geluExact
    case geluTanh
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

    /// φ(x).
    public func value(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .sigmoid: return logistic(x)
        case .tanh: return Foundation.tanh(x)
        case .relu: return x > 0 ? x : 0
        case .leakyReLU(let slope): return x > 0 ? x : slope * x
        case .elu(let alpha): return x > 0 ? x : alpha * expm1(x)
        case .geluExact: return x * standardNormalCDF(x)
        case .geluTanh: return 0.5 * x * (1 + Foundation.tanh(geluTanhArgument(x)))
        case .softplus: return softplusFunction(x)
        }
    }

    /// φ′(x).
    public func derivative(_ x: Double) -> Double {
        switch self {
        case .identity:
            return 1
        case .sigmoid:
            // σ′(x) = σ(x)(1 − σ(x))
            let s = logistic(x)
            return s * (1 - s)
        case .tanh:
            // tanh′(x) = 1 − tanh²(x)
            let t = Foundation.tanh(x)
            return 1 - t * t
        case .relu:
            return x > 0 ? 1 : 0
        case .leakyReLU(let slope):
            return x > 0 ? 1 : slope
        case .elu(let alpha):
            // d/dx α(eˣ − 1) = α eˣ
            return x > 0 ? 1 : alpha * exp(x)
        case .geluExact:
            // d/dx x Φ(x) = Φ(x) + x φ(x), φ the standard normal density
            return standardNormalCDF(x) + x * exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        case .geluTanh:
            // u = √(2/π)(x + 0.044715x³), t = tanh u:
            // d/dx ½x(1 + t) = ½(1 + t) + ½x(1 − t²) √(2/π)(1 + 3·0.044715x²)
            let t = Foundation.tanh(geluTanhArgument(x))
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * (2 / Double.pi).squareRoot() * (1 + 3 * 0.044715 * x * x)
        case .softplus:
            // d/dx log(1 + eˣ) = σ(x)
            return logistic(x)
        }
    }

    /// φ applied to every element of `z`.
    public func callAsFunction(_ z: Matrix) -> Matrix { z.map(value) }

    /// φ′ at every element of `z` (the factor of the backward pass, used as `grad .* φ′(z)`).
    public func derivative(at z: Matrix) -> Matrix { z.map(derivative) }
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

/// The standard normal CDF Φ(x) = ½(1 + erf(x / √2)).
public func standardNormalCDF(_ x: Double) -> Double {
    0.5 * (1 + erf(x / 2.0.squareRoot()))
}

/// √(2/π)(x + 0.044715x³), the argument of tanh in the GELU approximation.
private func geluTanhArgument(_ x: Double) -> Double {
    (2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)
}
