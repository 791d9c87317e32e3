import DLMath
import Foundation
import Testing

/// The reductions: every loss is a mean, so duplicating the batch leaves the value
/// unchanged and halves each row's gradient, and the batch value is the mean of
/// the per-example values.
@Suite("Losses: reductions")
struct LossReductionTests {

    /// Each loss as a function of its first argument, with the second fixed, at a test point.
    static func cases() -> [(name: String, point: Matrix, loss: (Matrix, Matrix) -> LossResult, second: Matrix)] {
        var generator = SeededGenerator(seed: 51)
        let z = generator.normalMatrix(rows: 3, columns: 4)
        let y = generator.normalMatrix(rows: 3, columns: 4)
        let probabilities = softmax(z)
        let distributions = softmax(y)
        let binary = generator.uniformMatrix(rows: 3, columns: 4)
        return [
            ("MSE", z, { meanSquaredError(predictions: $0, targets: $1) }, y),
            ("MAE", z, { meanAbsoluteError(predictions: $0, targets: $1) }, y),
            ("Huber", z, { huberLoss(predictions: $0, targets: $1, delta: 0.5) }, y),
            ("BCE(p)", probabilities, { binaryCrossEntropy(probabilities: $0, targets: $1) }, binary),
            ("BCE(z)", z, { binaryCrossEntropy(logits: $0, targets: $1) }, binary),
            ("CE(z)", z, { softmaxCrossEntropy(logits: $0, targets: $1) }, distributions),
            ("CE(p)", probabilities, { categoricalCrossEntropy(probabilities: $0, targets: $1) }, distributions),
            ("KL", probabilities, { klDivergence(predictions: $0, targets: $1) }, distributions)
        ]
    }

    @Test("duplicating every row leaves the value unchanged and halves each row's gradient")
    func duplicatedBatch() {
        for (name, x, loss, second) in Self.cases() {
            let once = loss(x, second)
            let doubled = Array(0..<x.rows) + Array(0..<x.rows)
            let twice = loss(x.rows(at: doubled), second.rows(at: doubled))
            expectClose(twice.value, once.value, absolute: 1e-15, relative: 1e-14, "\(name)")
            expectClose(
                twice.gradient, (once.gradient / 2).rows(at: doubled), absolute: 1e-15, relative: 1e-14, "\(name)")
        }
    }

    @Test("the batch value is the mean of the one-example values")
    func meanOfExamples() {
        for (name, x, loss, second) in Self.cases() {
            let perExample = (0..<x.rows).map { loss(x.rows(at: [$0]), second.rows(at: [$0])).value }
            expectClose(
                loss(x, second).value, perExample.reduce(0, +) / Double(x.rows), absolute: 1e-15, relative: 1e-14,
                "\(name)")
        }
    }

    @Test("the element-wise losses are means over all elements: duplicating columns changes nothing")
    func elementwiseMeans() {
        for (name, x, loss, second) in Self.cases() where ["MSE", "MAE", "Huber", "BCE(p)", "BCE(z)"].contains(name) {
            let wide = Matrix(rows: x.rows, columns: 2 * x.columns) { i, j in x[i, j % x.columns] }
            let wideSecond = Matrix(rows: x.rows, columns: 2 * x.columns) { i, j in second[i, j % x.columns] }
            expectClose(
                loss(wide, wideSecond).value, loss(x, second).value, absolute: 1e-15, relative: 1e-14, "\(name)")
        }
    }

    @Test("the categorical losses sum over classes: a class with no target weight and p = 0 adds nothing")
    func categoricalSumOverClasses() {
        // [0.2, 0.8] vs [0.2, 0.8, 0]: the extra class has Y = 0 and p = 0, so both losses are equal (not rescaled by k).
        let narrow = categoricalCrossEntropy(probabilities: [[0.2, 0.8]], targets: [[0, 1]]).value
        let wide = categoricalCrossEntropy(probabilities: [[0.2, 0.8, 0]], targets: [[0, 1, 0]]).value
        expectClose(wide, narrow, absolute: 0)
        expectClose(narrow, -log(0.8), absolute: 1e-15)
    }
}
