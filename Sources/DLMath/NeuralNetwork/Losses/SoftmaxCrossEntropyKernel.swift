import Foundation

/// The kernel of `softmaxCrossEntropy(logits:targets:)`: the loss and its
/// gradient from one pass over the logits.
///
/// For each row i (an example) with mᵢ = maxⱼ zᵢⱼ and tᵢⱼ = e^(zᵢⱼ − mᵢ):
///
///     Tᵢ = Σⱼ tᵢⱼ              Sᵢ = Σⱼ≠top tᵢⱼ   (top: the first j with zᵢⱼ = mᵢ)
///     log pᵢⱼ = zᵢⱼ − mᵢ − log1p(Sᵢ)                            (logSoftmax)
///     pᵢⱼ     = e^(zᵢⱼ − mᵢ − log Tᵢ)                           (softmax)
///     L       = −(1/N) Σᵢⱼ (Yᵢⱼ = 0 ? 0 : Yᵢⱼ log pᵢⱼ)
///     ∂L/∂zᵢⱼ = (pᵢⱼ − Yᵢⱼ) / N
///
/// These are the operations of `logSoftmax`, `softmax` and the element-wise
/// steps that followed them, in the same order, so the results are the same
/// bits; what is saved is the third exponential per entry (log-softmax and
/// softmax each computed tᵢⱼ) and four intermediate matrices. The
/// exponentials run over the whole N x k block at once through `VectorExp`
/// (lanes are independent, so grouping changes no value), not row by row
/// with a partial lane at the end of every row of 10 classes.
enum SoftmaxCrossEntropyKernel {
    /// The mean loss and its gradient for N x k logits and targets of the same
    /// shape (the caller checks shapes and that targets are distributions).
    static func valueAndGradient(logits: Matrix, targets: Matrix) -> LossResult {
        let rows = logits.rows, n = logits.columns, count = rows * n
        var weightedSum = 0.0
        let gradient = Matrix(
            rows: rows, columns: n,
            uninitialisedElementsFilledBy: { output in
                logits.elements.withUnsafeBufferPointer { z in
                    targets.elements.withUnsafeBufferPointer { y in
                        guard let z = z.baseAddress, let y = y.baseAddress else { return }
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: rows) { rowMaxima in
                            let maxima = rowMaxima.baseAddress!
                            // zᵢⱼ − mᵢ, then tᵢⱼ, into `output`.
                            for i in 0..<rows {
                                let row = z + i * n
                                let m = UnsafeBufferPointer(start: row, count: n).max()!
                                maxima[i] = m
                                for j in 0..<n { output[i * n + j] = row[j] - m }
                            }
                            VectorExp.exp(output, into: output, count: count)
                            for i in 0..<rows {
                                let row = z + i * n, t = output + i * n, m = maxima[i]
                                var total = 0.0
                                for j in 0..<n { total += t[j] }
                                let logTotal = log(total)
                                var logOthers = logTotal
                                if let top = (0..<n).first(where: { row[$0] == m }) {
                                    var others = 0.0
                                    for j in 0..<n where j != top { others += t[j] }
                                    logOthers = log1p(others)
                                }
                                for j in 0..<n {
                                    let logP = row[j] - m - logOthers
                                    let target = y[i * n + j]
                                    weightedSum += target == 0 ? 0 : target * logP
                                    t[j] = row[j] - m - logTotal
                                }
                            }
                            // pᵢⱼ, then (pᵢⱼ − Yᵢⱼ) / N.
                            VectorExp.exp(output, into: output, count: count)
                            let batch = Double(rows)
                            for index in 0..<count { output[index] = (output[index] - y[index]) / batch }
                        }
                    }
                }
            })
        return LossResult(value: -weightedSum / Double(rows), gradient: gradient)
    }
}
