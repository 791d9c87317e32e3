/// The loops that every vector and element-wise computation goes through.
///
/// A vector in this module is either a `[Double]` or the elements of a
/// `Matrix`; both are contiguous `Double` storage, so one set of kernels over
/// buffer pointers serves both. Each kernel is written once, here.
public enum VectorKernels {
    /// Σᵢ xᵢ yᵢ over `count` elements.
    @inlinable
    public static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        // Four independent partial sums let the loop vectorise and pipeline.
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += x[i] * y[i]
            s1 += x[i + 1] * y[i + 1]
            s2 += x[i + 2] * y[i + 2]
            s3 += x[i + 3] * y[i + 3]
            i += 4
        }
        while i < count { s0 += x[i] * y[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// y ← y + alpha x over `count` elements (BLAS `axpy`).
    @inlinable
    public static func addScaled(
        _ alpha: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int
    ) {
        for i in 0..<count { y[i] += alpha * x[i] }
    }

    /// zᵢ = f(xᵢ, yᵢ) for two buffers of the same length.
    @inlinable
    public static func combine(
        _ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>,
        into z: UnsafeMutableBufferPointer<Double>, _ f: (Double, Double) -> Double
    ) {
        for i in 0..<z.count { z[i] = f(x[i], y[i]) }
    }
}

extension Array where Element == Double {
    /// The dot product x · y = Σᵢ xᵢ yᵢ. Both vectors must have the same length.
    public func dot(_ other: [Double]) -> Double {
        requireShape(
            count == other.count,
            ShapeError("dot", "vectors of length \(count) and \(other.count) differ"))
        return withUnsafeBufferPointer { x in
            other.withUnsafeBufferPointer { y in
                guard let xp = x.baseAddress, let yp = y.baseAddress else { return 0 }
                return VectorKernels.dot(xp, yp, count: count)
            }
        }
    }

    /// The sum Σᵢ xᵢ (0 for an empty vector).
    public var sum: Double { reduce(0, +) }
}
