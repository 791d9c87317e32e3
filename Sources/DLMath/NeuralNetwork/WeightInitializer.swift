import Foundation

/// How a weight matrix of shape fan_in x fan_out is filled before training.
///
/// The variances (fan_in = inputs, fan_out = outputs of the layer):
/// - `xavierUniform` (Glorot & Bengio 2010, Keras' default `glorot_uniform`):
///   U(−a, a) with a = √(6 / (fan_in + fan_out)), so Var = a²/3 = 2 / (fan_in + fan_out).
/// - `xavierNormal`: N(0, σ²) with σ² = 2 / (fan_in + fan_out). A plain normal,
///   as PyTorch's `xavier_normal_`; Keras' `glorot_normal` truncates at 2σ
///   and rescales, which this does not.
/// - `heNormal` (He et al. 2015, PyTorch's `kaiming_normal_`): N(0, σ²) with
///   σ² = 2 / fan_in, the variance that keeps E[z²] constant from layer to
///   layer under ReLU: E[z²ₗ₊₁] = fan_in · σ² · E[relu(zₗ)²] = fan_in · σ² · E[z²ₗ]/2.
///   (Keras' `he_normal` is truncated; this is the plain normal.)
/// - `heUniform`: U(−a, a) with a = √(6 / fan_in), so Var = 2 / fan_in.
/// - `normal(standardDeviation:)`: N(0, σ²) with a fixed σ, for experiments
///   with too-small and too-large weights.
/// - `uniform(limit:)`: U(−a, a) with a fixed a, Var = a²/3.
/// - `zeros`: every weight 0 (the bias default; never for weights of a
///   hidden layer, whose units would then stay identical).
///
/// Elements are drawn row by row from the generator, so a seed fixes the matrix.
public enum WeightInitializer: Sendable, Equatable, Hashable, Codable {
    /// U(−a, a) with a = √(6 / (fan_in + fan_out)).
    case xavierUniform
    /// N(0, 2 / (fan_in + fan_out)).
    case xavierNormal
    /// N(0, 2 / fan_in).
    case heNormal
    /// U(−a, a) with a = √(6 / fan_in).
    case heUniform
    /// N(0, σ²) with the given σ.
    case normal(standardDeviation: Double)
    /// U(−a, a) with the given a.
    case uniform(limit: Double)
    /// Every weight 0.
    case zeros

    /// The name as printed in chapters.
    public var name: String {
        switch self {
        case .xavierUniform: return "Xavier uniform"
        case .xavierNormal: return "Xavier normal"
        case .heNormal: return "He normal"
        case .heUniform: return "He uniform"
        case .normal(let sd): return "normal(σ = \(formatCompact(sd)))"
        case .uniform(let limit): return "uniform(±\(formatCompact(limit)))"
        case .zeros: return "zeros"
        }
    }

    /// The variance of each weight: 2/(fan_in + fan_out) for Xavier,
    /// 2/fan_in for He, σ² or a²/3 for the fixed ones, 0 for zeros.
    public func variance(fanIn: Int, fanOut: Int) -> Double {
        precondition(
            fanIn > 0 && fanOut > 0, "WeightInitializer: fan_in \(fanIn) and fan_out \(fanOut) must be positive")
        switch self {
        case .xavierUniform, .xavierNormal: return 2 / Double(fanIn + fanOut)
        case .heNormal, .heUniform: return 2 / Double(fanIn)
        case .normal(let sd): return sd * sd
        case .uniform(let limit): return limit * limit / 3
        case .zeros: return 0
        }
    }

    /// For the uniform kinds, the half-width a of U(−a, a): √(6/(fan_in + fan_out))
    /// for Xavier, √(6/fan_in) for He, the given limit; nil for the others.
    public func uniformLimit(fanIn: Int, fanOut: Int) -> Double? {
        switch self {
        case .xavierUniform, .heUniform: return (3 * variance(fanIn: fanIn, fanOut: fanOut)).squareRoot()
        case .uniform(let limit): return limit
        default: return nil
        }
    }

    /// A fan_in x fan_out matrix drawn from this distribution.
    public func matrix(fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> Matrix {
        let variance = variance(fanIn: fanIn, fanOut: fanOut)
        if let limit = uniformLimit(fanIn: fanIn, fanOut: fanOut) {
            return generator.uniformMatrix(rows: fanIn, columns: fanOut, low: -limit, high: limit)
        }
        if self == .zeros { return Matrix(rows: fanIn, columns: fanOut) }
        return generator.normalMatrix(rows: fanIn, columns: fanOut, standardDeviation: variance.squareRoot())
    }
}
