import DLMath
import Foundation
import Testing

@Suite("Losses: KL divergence")
struct KLDivergenceTests {
    @Test("KL([½, ½] ‖ [¼, ¾]) = ½ ln 2 + ½ ln(2/3) = ½ ln(4/3); KL([1, 0] ‖ [½, ½]) = ln 2")
    func byHand() {
        let loss = klDivergence(predictions: [[0.25, 0.75]], targets: [[0.5, 0.5]])
        expectClose(loss.value, 0.5 * log(4.0 / 3), absolute: 1e-15)
        // −Y/Q = [−½/¼, −½/¾] = [−2, −2/3]
        expectClose(loss.gradient, [[-2, -2.0 / 3]], absolute: 1e-15)
        // 0·log(0/q) = 0: only the first class counts, 1·log(1/½).
        expectClose(klDivergence(predictions: [[0.5, 0.5]], targets: [[1, 0]]).value, log(2), absolute: 1e-15)
        #expect(klDivergence(predictions: [[0.2, 0.8]], targets: [[0.2, 0.8]]).value == 0)  // log(q/q) = log 1 = 0
    }

    @Test("KL = cross-entropy − entropy of the targets, and is ≥ 0")
    func crossEntropyMinusEntropy() {
        var generator = SeededGenerator(seed: 41)
        let q = softmax(generator.normalMatrix(rows: 4, columns: 5))
        let y = softmax(generator.normalMatrix(rows: 4, columns: 5))
        let entropy = -(y .* y.map(log)).sum / 4  // H(Y), mean over the batch
        let kl = klDivergence(predictions: q, targets: y)
        expectClose(
            kl.value, categoricalCrossEntropy(probabilities: q, targets: y).value - entropy,
            absolute: 1e-14, relative: 1e-12)
        #expect(kl.value > 0)
        expectClose(kl.gradient, categoricalCrossEntropy(probabilities: q, targets: y).gradient, absolute: 0)
    }

    @Test("a predicted 0 where the target has weight: finite (floored at ε)")
    func zeroPrediction() {
        let loss = klDivergence(predictions: [[0, 1]], targets: [[0.5, 0.5]])
        // ½ log(½/1e-12) + ½ log(½/1) = ½ log(½ · 1e12) + ½ log ½
        expectClose(loss.value, 0.5 * log(0.5e12) + 0.5 * log(0.5), absolute: 1e-12)
        #expect(loss.gradient.elements.allSatisfy { $0.isFinite })
    }

    @Test("gradient check")
    func gradientChecked() {
        var generator = SeededGenerator(seed: 42)
        let q = softmax(generator.normalMatrix(rows: 3, columns: 4))
        let y = softmax(generator.normalMatrix(rows: 3, columns: 4))
        let check = gradientCheck(
            klDivergence(predictions: q, targets: y).gradient,
            of: { klDivergence(predictions: $0, targets: y).value }, at: q, name: "KL")
        #expect(check.passed, "\(check)")
    }
}
