import Foundation

/// The activations over whole matrices: one loop per function, chosen once
/// per call (not a switch over the activation per element), so that each
/// loop is a straight kernel the compiler can vectorise.
///
///     φ(Z)                 every element φ(zᵢⱼ)          `activation(z)`
///     φ′(Z)                every element φ′(zᵢⱼ)         `activation.derivative(at: z)`
///     G ⊙ φ′(Z)            the backward pass in one pass  `activation.backward(g, at: z)`
///
/// Each loop computes what `value(_:)` and `derivative(_:)` compute for one
/// element, with the same formulas; ReLU's backward is a select (g where
/// z > 0, 0 elsewhere, NaN passed on), with no multiplication. Sigmoid runs
/// eight lanes at a time through `VectorExp` (within 1-2 ulp of the C
/// library's exp, so within rounding of the scalar `logistic`); the others
/// call the scalar functions.
extension Activation {
    /// φ applied to every element of `z`.
    public func callAsFunction(_ z: Matrix) -> Matrix {
        switch self {
        case .identity: return z
        // max(x, 0) that passes NaN on (NaN <= 0 is false) and maps −0 to 0.
        case .relu: return z.applying { $0 <= 0 ? 0 : $0 }
        case .sigmoid: return z.applyingVectors(VectorExp.logistic)
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
            return gradient.combiningVectors(z) { g, x in
                let (upper, lower) = VectorExp.logisticPair(x)
                return g * (upper * lower)
            }
        default:
            let f = self
            return Matrix.elementwise("ActivationLayer.backward", gradient, z) { g, x in g * f.derivative(x) }
        }
    }
}

extension Matrix {
    /// The matrix with `transform` applied to every element, as one loop over
    /// the storage (no per-element append, unlike `map`, and no copy of self
    /// first: the result is written into new, uninitialised storage), so that
    /// a simple transform vectorises.
    @inline(__always)
    func applying(_ transform: (Double) -> Double) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            uninitialisedElementsFilledBy: { target in
                elements.withUnsafeBufferPointer { values in
                    for i in values.indices { target[i] = transform(values[i]) }
                }
            })
    }
}

extension Matrix {
    /// The matrix with `transform` applied eight elements at a time (the tail
    /// padded with zeros, whose results are dropped).
    @inline(__always)
    func applyingVectors(_ transform: (SIMD8<Double>) -> SIMD8<Double>) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            uninitialisedElementsFilledBy: { target in
                elements.withUnsafeBufferPointer { values in
                    let n = values.count
                    guard let base = values.baseAddress else { return }
                    var i = 0
                    while i + 8 <= n {
                        let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Double>.self)
                        UnsafeMutableRawPointer(target + i).storeBytes(of: transform(v), as: SIMD8<Double>.self)
                        i += 8
                    }
                    if i < n {
                        var tail = SIMD8<Double>(repeating: 0)
                        for j in 0..<n - i { tail[j] = base[i + j] }
                        let out = transform(tail)
                        for j in 0..<n - i { target[i + j] = out[j] }
                    }
                }
            })
    }

    /// f(self, other) element by element, eight at a time; same shapes (checked by the caller).
    @inline(__always)
    func combiningVectors(_ other: Matrix, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            uninitialisedElementsFilledBy: { target in
                elements.withUnsafeBufferPointer { first in
                    other.elements.withUnsafeBufferPointer { second in
                        let n = first.count
                        guard let x = first.baseAddress, let y = second.baseAddress else { return }
                        var i = 0
                        while i + 8 <= n {
                            let v = f(
                                UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Double>.self),
                                UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Double>.self))
                            UnsafeMutableRawPointer(target + i).storeBytes(of: v, as: SIMD8<Double>.self)
                            i += 8
                        }
                        if i < n {
                            var a = SIMD8<Double>(repeating: 0), b = SIMD8<Double>(repeating: 0)
                            for j in 0..<n - i { a[j] = x[i + j]; b[j] = y[i + j] }
                            let out = f(a, b)
                            for j in 0..<n - i { target[i + j] = out[j] }
                        }
                    }
                }
            })
    }
}
