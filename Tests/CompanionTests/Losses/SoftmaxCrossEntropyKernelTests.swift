import DLMath
import Testing

/// `softmaxCrossEntropy(logits:targets:)` computes its value and gradient in
/// one pass; it must give the bits of the composition it replaced:
/// L = −Σ (Y ≠ 0 ? Y · logSoftmax(Z) : 0) / N and ∂L/∂Z = (softmax(Z) − Y) / N.
@Suite("Softmax cross-entropy, one pass")
struct SoftmaxCrossEntropyKernelTests {
    static func composed(_ logits: Matrix, _ targets: Matrix) -> (value: Double, gradient: Matrix) {
        let logP = logSoftmax(logits)
        var sum = 0.0
        for index in 0..<logits.count {
            let y = targets.elements[index]
            sum += y == 0 ? 0 : y * logP.elements[index]
        }
        return (-sum / Double(logits.rows), (softmax(logits) - targets) / Double(logits.rows))
    }

    @Test(
        "same bits as log-softmax and softmax one after the other",
        arguments: [(32, 10), (1, 1), (5, 3), (7, 17), (3, 8)])
    func matchesComposition(rows: Int, columns: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 31 + columns))
        var logits = generator.uniformMatrix(rows: rows, columns: columns, low: -30, high: 30)
        // A tie for the maximum, a logit of −∞ and a huge logit, where they fit.
        if columns >= 3 {
            logits[0, 1] = logits[0, 0]
            logits[rows - 1, 2] = -.infinity
            logits[rows / 2, 0] = 800
        }
        var targets = Matrix(rows: rows, columns: columns)
        for i in 0..<rows {
            if columns >= 3 && i == rows - 1 {
                targets[i, 0] = 1  // no weight on the −∞ entry
            } else if i % 2 == 0 {
                targets[i, (i * 7) % columns] = 1
            } else {
                for j in 0..<columns { targets[i, j] = 1 / Double(columns) }
            }
        }
        let fused = softmaxCrossEntropy(logits: logits, targets: targets)
        let reference = Self.composed(logits, targets)
        #expect(fused.value.bitPattern == reference.value.bitPattern, "\(fused.value) vs \(reference.value)")
        #expect(fused.gradient.elements.map(\.bitPattern) == reference.gradient.elements.map(\.bitPattern))
    }

    @Test("by hand: logits [0, ln 3] with target class 1")
    func byHand() {
        // softmax = [1/4, 3/4]; L = −log(3/4) = 0.2876820724517809; ∂L/∂z = [1/4, −1/4].
        let result = softmaxCrossEntropy(logits: Matrix([[0, 1.0986122886681098]]), labels: [1])
        #expect(abs(result.value - 0.2876820724517809) < 1e-15)
        #expect(abs(result.gradient[0, 0] - 0.25) < 1e-15)
        #expect(abs(result.gradient[0, 1] + 0.25) < 1e-15)
    }
}
