// 14.8: the cost of attention as the sequence grows.
import DLMath
import DLPresentation
import Foundation

/// The best of `repeats` wall times of one forward and backward pass of `layer` on one sequence of
/// T steps, and the number of attention weights the forward pass kept.
func attentionCost(_ layer: MultiHeadAttention, steps: Int, repeats: Int, seed: UInt64) -> (
    seconds: Double, weights: Int
) {
    var generator = SeededGenerator(seed: seed)
    let x = generator.normalMatrix(rows: 1, columns: steps * layer.featureCount)
    let g = generator.normalMatrix(rows: 1, columns: steps * layer.featureCount)
    var best = Double.infinity, weights = 0
    for _ in 0..<repeats {
        var copy = layer
        let start = Date()
        _ = copy.forward(x)
        _ = copy.backward(g)
        best = min(best, Date().timeIntervalSince(start))
        weights = copy.lastWeights.joined().reduce(0) { $0 + $1.count }
    }
    return (best, weights)
}

/// Returns (T, seconds, stored weights) per length.
@discardableResult
func costSection(_ chapter: inout Chapter, quick: Bool) -> [(steps: Int, seconds: Double, weights: Int)] {
    chapter.section("The cost of attention")
    let d = 32, heads = 2
    chapter.say(
        "Every query meets every key: Q Kᵀ is T x T per head, so time and memory grow as T² (the projections only as T·D²). A recurrent layer needs T sequential steps of cost D² each, and no T x T matrix. Measured: one MultiHeadAttention (D = \(d), \(heads) heads), one sequence, forward and backward, best of 3 runs; memory counted as the attention weights P the forward pass keeps for backward (8 bytes each):"
    )
    var generator = SeededGenerator(seed: 1405)
    let layer = MultiHeadAttention(features: d, heads: heads, generator: &generator)
    let lengths = quick ? [16, 32, 64] : [64, 128, 256, 512, 1024]
    var rows: [(steps: Int, seconds: Double, weights: Int)] = []
    // Timing cells carry their units, so that the tests can tell them from the seeded numbers.
    var table = TextTable(["T", "time", "against the previous T", "stored weights", "memory of P"])
    for steps in lengths {
        let (seconds, stored) = attentionCost(layer, steps: steps, repeats: 3, seed: 1406)
        let ratio = rows.last.map { formatFixed(seconds / $0.seconds, decimals: 1) + "x slower" } ?? "–"
        table.append([
            "\(steps)", formatFixed(seconds * 1000, decimals: 2) + "\u{00A0}ms", ratio, "\(stored)",
            formatFixed(Double(stored * 8) / 1_048_576, decimals: 2) + " MiB"
        ])
        rows.append((steps, seconds, stored))
    }
    chapter.table(table)
    chapter.check(
        "the stored weights are H·T² at every T", holds: rows.allSatisfy { $0.weights == heads * $0.steps * $0.steps },
        detail: "\(heads)·\(lengths.last!)² = \(heads * lengths.last! * lengths.last!)")
    chapter.say(
        "Once the T² terms dominate, doubling T multiplies the time by 4 or more (the ratio column: ideal T² scaling gives 4, and the T x T matrices also outgrow the caches; timings vary with the machine and its load, so the chapter checks only the count). This is what limits a transformer's context, and what FlashAttention (which never stores P) and sparse or linear attention variants work around."
    )
    drawCostFigure(chapter, rows: rows)
    return rows
}
