import Foundation

/// Which norm to take of a vector (or of a matrix's elements read as one vector).
///
/// For x ∈ ℝⁿ:
///
///     .l1    ‖x‖₁ = Σᵢ |xᵢ|
///     .l2    ‖x‖₂ = √(Σᵢ xᵢ²)        (the Euclidean length)
///     .max   ‖x‖∞ = maxᵢ |xᵢ|        (the infinity norm)
///
/// Every norm of the empty vector is 0. A NaN element makes the norm NaN; an
/// infinite element (and no NaN) makes it +∞.
public enum Norm: Sendable, Equatable, Hashable, CaseIterable {
    /// ‖x‖₁ = Σ |xᵢ|.
    case l1
    /// ‖x‖₂ = √(Σ xᵢ²), computed with scaling so that it neither overflows nor underflows; for a matrix, the Frobenius norm.
    case l2
    /// ‖x‖∞ = max |xᵢ|.
    case max
}

extension VectorKernels {
    /// The one norm kernel, over any contiguous buffer of `Double`.
    ///
    /// The L2 norm is computed as s · √(Σᵢ (xᵢ / s)²) with s = maxᵢ |xᵢ|, so that
    /// squaring neither overflows (xᵢ = 1e200) nor underflows (xᵢ = 1e-200).
    @inlinable
    public static func norm(_ kind: Norm, _ x: UnsafeBufferPointer<Double>) -> Double {
        switch kind {
        case .l1:
            var sum = 0.0
            for value in x { sum += abs(value) }
            return sum
        case .max:
            var largest = 0.0
            for value in x {
                if value.isNaN { return .nan }
                largest = Swift.max(largest, abs(value))
            }
            return largest
        case .l2:
            let scale = norm(.max, x)
            guard scale > 0, scale.isFinite else { return scale }
            var sum = 0.0
            for value in x {
                let scaled = value / scale
                sum += scaled * scaled
            }
            return scale * sum.squareRoot()
        }
    }
}

extension Array where Element == Double {
    /// The norm of the vector: ‖x‖₁ = Σ|xᵢ|, ‖x‖₂ = √(Σxᵢ²) (the default) or
    /// ‖x‖∞ = max|xᵢ|. See `Norm` for the conventions (empty vector: 0).
    public func norm(_ kind: Norm = .l2) -> Double {
        withUnsafeBufferPointer { VectorKernels.norm(kind, $0) }
    }
}

extension Matrix {
    /// The norm of the matrix's elements read as one vector of length m·n
    /// (entry-wise, not the operator norm): `.l1` gives Σᵢⱼ |aᵢⱼ|, `.l2`
    /// the Frobenius norm √(Σᵢⱼ aᵢⱼ²), `.max` gives maxᵢⱼ |aᵢⱼ|.
    public func norm(_ kind: Norm = .l2) -> Double {
        elements.norm(kind)
    }

    /// The Frobenius norm ‖A‖_F = √(Σᵢⱼ aᵢⱼ²) = √(trace(AᵀA)): the L2 norm of
    /// the elements. 0 for an empty matrix.
    public var frobeniusNorm: Double { norm(.l2) }
}
