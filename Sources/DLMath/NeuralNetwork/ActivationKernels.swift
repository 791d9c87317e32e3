import Foundation

/// The activations over whole matrices: one loop per function, chosen once
/// per call (not a switch over the activation per element), so that each
/// loop is a straight kernel the compiler can vectorise.
///
///     φ(Z)                 every element φ(zᵢⱼ)          `activation(z)`
///     φ′(Z)                every element φ′(zᵢⱼ)         `activation.derivative(at: z)`
///     G ⊙ φ′(Z)            the backward pass in one pass  `activation.backward(g, at: z)`
///
/// Each loop computes exactly what `value(_:)` and `derivative(_:)` compute
/// for one element (same formulas, same roundings), so a network gives the
/// same numbers whichever path it takes; ReLU's backward is a select
/// (g where z > 0, 0 elsewhere, NaN passed on), with no multiplication.
extension Activation {
    /// φ applied to every element of `z`.
    public func callAsFunction(_ z: Matrix) -> Matrix {
        switch self {
        case .identity: return z
        // max(x, 0) that passes NaN on (NaN <= 0 is false) and maps −0 to 0.
        case .relu: return z.applying { $0 <= 0 ? 0 : $0 }
        case .sigmoid: return z.map(logistic)
        case .tanh: return z.map(Foundation.tanh)
        case .leakyReLU(let slope): return z.map { $0 > 0 ? $0 : slope * $0 }
        case .softplus: return z.map(softplusFunction)
        case .elu, .geluExact, .geluTanh: return z.map(value)
        }
    }

    /// φ′ at every element of `z` (the factor of the backward pass, used as `grad .* φ′(z)`).
    public func derivative(at z: Matrix) -> Matrix {
        switch self {
        case .identity: return Matrix(rows: z.rows, columns: z.columns, repeating: 1)
        case .relu: return z.map { $0 > 0 ? 1 : ($0.isNaN ? $0 : 0) }
        case .leakyReLU(let slope): return z.map { $0 > 0 ? 1 : slope }
        default: return z.map(derivative)
        }
    }

    /// G ⊙ φ′(Z), element (i, j) gᵢⱼ · φ′(zᵢⱼ): the backward pass of an
    /// activation layer, without forming φ′(Z). `gradient` and `z` must have
    /// the same shape (the caller checks it).
    public func backward(_ gradient: Matrix, at z: Matrix) -> Matrix {
        switch self {
        case .identity:
            return gradient
        case .relu:
            // g · 1 = g, g · 0 = 0 (a NaN input passes NaN on, as g · NaN would).
            return Matrix.elementwise("ActivationLayer.backward", gradient, z) { g, x in
                x > 0 ? g : (x.isNaN ? g * x : g * 0)
            }
        case .leakyReLU(let slope):
            return Matrix.elementwise("ActivationLayer.backward", gradient, z) { g, x in g * (x > 0 ? 1 : slope) }
        case .sigmoid:
            return Matrix.elementwise("ActivationLayer.backward", gradient, z) { g, x in
                g * (logistic(x) * logistic(-x))
            }
        default:
            let f = self
            return Matrix.elementwise("ActivationLayer.backward", gradient, z) { g, x in g * f.derivative(x) }
        }
    }
}

extension Matrix {
    /// The matrix with `transform` applied to every element, as one loop over
    /// the storage (no per-element append, unlike `map`), so that a simple
    /// transform vectorises.
    @inline(__always)
    func applying(_ transform: (Double) -> Double) -> Matrix {
        var result = self
        result.withUnsafeMutableElements { values in
            for i in values.indices { values[i] = transform(values[i]) }
        }
        return result
    }
}
