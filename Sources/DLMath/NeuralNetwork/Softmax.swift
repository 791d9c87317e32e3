import Foundation

/// Softmax, log-softmax and log-sum-exp, in the stable forms that subtract
/// the maximum first.
///
///     softmax(z)ᵢ     = e^(zᵢ − m) / Σⱼ e^(zⱼ − m)          m = maxⱼ zⱼ
///     logSumExp(z)    = m + log Σⱼ e^(zⱼ − m)
///     logSoftmax(z)ᵢ  = zᵢ − m − log Σⱼ e^(zⱼ − m) = zᵢ − logSumExp(z)
///
/// Subtracting m changes nothing mathematically (the factor e^−m cancels) but
/// every exponent becomes ≤ 0, so no e^z overflows (e^1000 = inf in Double)
/// and the largest term is exactly 1, so the sum is at least 1 and its log is
/// finite. Softmax of [1000, 1001, 1002] is then [0.0900, 0.2447, 0.6652],
/// the same as softmax of [0, 1, 2].
///
/// Inputs: finite logits; −∞ entries are allowed (probability 0, log-probability
/// −∞) as long as one entry is finite. An empty vector gives an empty result.
/// On a matrix, each row is one example and is normalised on its own.

/// The shared first step: m = max z and log Σⱼ e^(zⱼ − m) (nil for an empty z),
/// the log taken as log1p of the terms other than the maximum's (which is
/// exactly 1): log(1 + s) would round 1 + s to 1 for s below 1e-16, losing
/// logSumExp([0, −50]) = e^−50 ≈ 1.93e-22 entirely.
private func shiftAndLogTotal<C: Collection<Double>>(_ z: C) -> (shift: Double, logTotal: Double)? {
    guard let m = z.max(), let top = z.firstIndex(of: m) else { return nil }
    var others = 0.0
    for index in z.indices where index != top { others += exp(z[index] - m) }
    return (m, log1p(others))
}

/// The one kernel: writes log-softmax or softmax of `z` into `output` (same
/// count). The exponentials go eight at a time through `VectorExp` (within
/// 1-2 ulp of the C library's exp): first e^(zⱼ − m) into `output` for the
/// total, then zⱼ − m − log total, exponentiated for softmax. For log-softmax
/// the log is log1p of the terms other than the first maximum's (that term is
/// exactly 1), so the largest entry keeps its relative accuracy:
/// logSoftmax([0, −50])₀ = −log1p(e^−50) = −1.93e-22, where log(1 + e^−50) = 0.
private func normalise(
    _ z: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>,
    logarithm: Bool
) {
    guard let m = z.max(), let source = z.baseAddress, let target = output.baseAddress else { return }
    let n = z.count
    for j in 0..<n { target[j] = source[j] - m }
    VectorExp.exp(target, into: target, count: n)
    var total = 0.0
    for j in 0..<n { total += target[j] }
    var logTotal = log(total)
    if logarithm, let top = (0..<n).first(where: { source[$0] == m }) {
        var others = 0.0
        for j in 0..<n where j != top { others += target[j] }
        logTotal = log1p(others)
    }
    for j in 0..<n { target[j] = source[j] - m - logTotal }
    if !logarithm { VectorExp.exp(target, into: target, count: n) }
}

/// Applies the kernel to every row of `z`.
private func normaliseRows(_ z: Matrix, logarithm: Bool) -> Matrix {
    var result = Matrix(rows: z.rows, columns: z.columns)
    let n = z.columns
    z.elements.withUnsafeBufferPointer { source in
        result.withUnsafeMutableElements { target in
            for i in 0..<z.rows {
                normalise(
                    UnsafeBufferPointer(rebasing: source[(i * n)..<((i + 1) * n)]),
                    into: UnsafeMutableBufferPointer(rebasing: target[(i * n)..<((i + 1) * n)]),
                    logarithm: logarithm)
            }
        }
    }
    return result
}

/// softmax(z)ᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z): a probability vector
/// (entries in [0, 1], summing to 1). Stable at any finite z, e.g. [1000, 1001, 1002].
public func softmax(_ z: [Double]) -> [Double] {
    normaliseRows(Matrix(row: z), logarithm: false).elements
}

/// Row-wise softmax: row i of the result is softmax of row i of `logits`
/// (one example per row, one class per column).
public func softmax(_ logits: Matrix) -> Matrix {
    normaliseRows(logits, logarithm: false)
}

/// logSoftmax(z)ᵢ = zᵢ − max z − log Σⱼ e^(zⱼ − max z) = log softmax(z)ᵢ,
/// finite even where softmax(z)ᵢ underflows to 0 (logSoftmax([0, −1000])₁ = −1000).
public func logSoftmax(_ z: [Double]) -> [Double] {
    normaliseRows(Matrix(row: z), logarithm: true).elements
}

/// Row-wise log-softmax (one example per row).
public func logSoftmax(_ logits: Matrix) -> Matrix {
    normaliseRows(logits, logarithm: true)
}

/// logSumExp(z) = log Σⱼ e^(zⱼ) = m + log Σⱼ e^(zⱼ − m), m = max z: the smooth
/// maximum (max z ≤ logSumExp(z) ≤ max z + log n). −∞ for an empty vector.
public func logSumExp(_ z: [Double]) -> Double {
    guard let (m, logTotal) = shiftAndLogTotal(z) else { return -.infinity }
    return m + logTotal
}
