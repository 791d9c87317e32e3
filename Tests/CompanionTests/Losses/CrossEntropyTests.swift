import DLMath
import Foundation
import Testing

/// Binary and categorical cross-entropies: worked examples, stability, p − y, gradient checks.
@Suite("Losses: cross-entropy")
struct CrossEntropyTests {
    @Test(
        "binary from probabilities: p = [0.8, 0.3], y = [1, 0] gives −(ln 0.8 + ln 0.7)/2, gradient [−1/0.8, 1/0.7]/2")
    func binaryFromProbabilities() {
        let loss = binaryCrossEntropy(probabilities: [[0.8], [0.3]], targets: [[1], [0]])
        expectClose(loss.value, -(log(0.8) + log(0.7)) / 2, absolute: 1e-15)  // 0.289909…
        // (p − y)/(p(1 − p)) is −1/p for y = 1 and 1/(1 − p) for y = 0.
        expectClose(loss.gradient, [[-1 / 0.8 / 2], [1 / 0.7 / 2]], absolute: 1e-15, relative: 1e-14)
    }

    @Test("binary from probabilities at exactly 0 and 1: finite, −log ε when confidently wrong")
    func binaryAtZeroAndOne() {
        let right = binaryCrossEntropy(probabilities: [[0], [1]], targets: [[0], [1]])
        expectClose(right.value, 0, absolute: 1e-11)  // −log(1 − 1e-12) ≈ 1e-12
        #expect(right.gradient.elements.allSatisfy { $0.isFinite })
        let wrong = binaryCrossEntropy(probabilities: [[0], [1]], targets: [[1], [0]])
        expectClose(wrong.value, -log(1e-12), absolute: 1e-3)  // 27.63: finite, but capped by the clamp
        #expect(wrong.gradient.elements.allSatisfy { $0.isFinite })
        #expect(wrong.gradient[0, 0] < 0 && wrong.gradient[1, 0] > 0, "pushes p up where y = 1, down where y = 0")
    }

    @Test("binary from logits: z = 0 gives ln 2, z = ln 3 with y = 1 gives ln(4/3), gradient σ(z) − y")
    func binaryFromLogits() {
        let loss = binaryCrossEntropy(logits: [[0], [log(3)]], targets: [[0], [1]])
        // softplus(0) − 0 = ln 2;  −log σ(ln 3) = −log ¾ = ln(4/3).
        expectClose(loss.value, (log(2) + log(4.0 / 3)) / 2, absolute: 1e-15)
        // σ(0) − 0 = ½;  σ(ln 3) − 1 = ¾ − 1 = −¼;  each /2.
        expectClose(loss.gradient, [[0.25], [-0.125]], absolute: 1e-15)
    }

    @Test("binary from logits is stable: logit 40 with y = 0 costs 40, ±1000 are exact")
    func binaryFromLogitsStable() {
        // softplus(40) = 40 + log(1 + e^−40) = 40 + 4.2e-18 = 40 in Double.
        #expect(binaryCrossEntropy(logits: [[40]], targets: [[0]]).value == 40)
        // Through probabilities σ(40) rounds to 1 and the loss is capped at −log ε = 27.6.
        #expect(logistic(40) == 1)
        #expect(binaryCrossEntropy(probabilities: [[logistic(40)]], targets: [[0]]).value < 28)
        #expect(binaryCrossEntropy(logits: [[1000]], targets: [[0]]).value == 1000)
        #expect(binaryCrossEntropy(logits: [[-1000]], targets: [[1]]).value == 1000)
        #expect(binaryCrossEntropy(logits: [[1000]], targets: [[1]]).value == 0)
        #expect(binaryCrossEntropy(logits: [[1000], [-1000]], targets: [[0], [1]]).gradient == Matrix([[0.5], [-0.5]]))
    }

    @Test("binary from logits equals binary from probabilities σ(z) at moderate logits; gradients by the chain rule")
    func logitsAgreeWithProbabilities() {
        var generator = SeededGenerator(seed: 31)
        let z = generator.normalMatrix(rows: 4, columns: 2, standardDeviation: 2)
        let y = generator.uniformMatrix(rows: 4, columns: 2)  // soft labels
        let p = z.map(logistic)
        let fromLogits = binaryCrossEntropy(logits: z, targets: y)
        let fromProbabilities = binaryCrossEntropy(probabilities: p, targets: y)
        expectClose(fromLogits.value, fromProbabilities.value, absolute: 1e-14, relative: 1e-13)
        // ∂L/∂z = ∂L/∂p · σ′(z)
        expectClose(
            fromLogits.gradient, fromProbabilities.gradient .* Activation.sigmoid.derivative(at: z),
            absolute: 1e-15, relative: 1e-12)
    }

    @Test("softmax cross-entropy of [0, ln 2, ln 3]: label 2 costs ln 2, label 0 costs ln 6; gradient (p − y)/N")
    func softmaxCrossEntropyByHand() {
        let logits: Matrix = [[0, log(2), log(3)], [0, log(2), log(3)]]
        let loss = softmaxCrossEntropy(logits: logits, labels: [2, 0])
        // p = [1/6, 2/6, 3/6]: −log(3/6) = ln 2, −log(1/6) = ln 6; mean over the batch of 2.
        expectClose(loss.value, (log(2) + log(6)) / 2, absolute: 1e-15)
        let p = [1.0 / 6, 2.0 / 6, 3.0 / 6]
        let byHand: Matrix = [[p[0] / 2, p[1] / 2, (p[2] - 1) / 2], [(p[0] - 1) / 2, p[1] / 2, p[2] / 2]]
        expectClose(loss.gradient, byHand, absolute: 1e-15)
        // One-hot targets give the same; so does cross-entropy from the probabilities.
        let targets = Matrix.oneHot([2, 0], classCount: 3)
        #expect(targets == Matrix([[0, 0, 1], [1, 0, 0]]))
        expectClose(softmaxCrossEntropy(logits: logits, targets: targets).value, loss.value, absolute: 1e-15)
        expectClose(
            categoricalCrossEntropy(probabilities: softmax(logits), targets: targets).value, loss.value, absolute: 1e-15
        )
        // Soft targets ½, ½ on equal logits: −(½ ln ½ + ½ ln ½) = ln 2.
        expectClose(softmaxCrossEntropy(logits: [[0, 0]], targets: [[0.5, 0.5]]).value, log(2), absolute: 1e-15)
    }

    @Test("softmax cross-entropy is stable at logits ±1000")
    func softmaxCrossEntropyStable() {
        // log-softmax of [1000, 0] is [0, −1000]: label 1 costs exactly 1000, label 0 costs 0.
        #expect(softmaxCrossEntropy(logits: [[1000, 0]], labels: [1]).value == 1000)
        #expect(softmaxCrossEntropy(logits: [[1000, 0]], labels: [0]).value == 0)
        let loss = softmaxCrossEntropy(logits: [[-1000, 1000, 0]], labels: [0])
        #expect(loss.value == 2000)
        #expect(loss.gradient == Matrix([[-1, 1, 0]]))  // p = [0, 1, 0], y = [1, 0, 0]: both exact
    }

    @Test("categorical from probabilities at 0 and 1: finite; only the target class counts")
    func categoricalFromProbabilitiesExtremes() {
        let sure = categoricalCrossEntropy(probabilities: [[0, 1, 0]], targets: [[0, 1, 0]])
        #expect(sure.value == 0)  // −1·log 1 = 0; the zeros carry no target weight
        let wrong = categoricalCrossEntropy(probabilities: [[1, 0, 0]], targets: [[0, 1, 0]])
        expectClose(wrong.value, -log(1e-12), absolute: 1e-12)  // floored at ε: 27.63
        #expect(wrong.gradient.elements.allSatisfy { $0.isFinite })
        expectClose(wrong.gradient[0, 1], -1e12, relative: 1e-12)  // −1/ε
    }

    @Test("gradient checks: binary (both forms), softmax (labels and one-hot), categorical from probabilities")
    func gradientChecks() {
        var generator = SeededGenerator(seed: 32)
        let z = generator.normalMatrix(rows: 4, columns: 3, standardDeviation: 2)
        let soft = generator.uniformMatrix(rows: 4, columns: 3)
        let p = generator.uniformMatrix(rows: 4, columns: 3, low: 0.05, high: 0.95)
        let labels = [2, 0, 1, 1]
        let targets = Matrix.oneHot(labels, classCount: 3)
        let probabilities = softmax(z)
        let checks = [
            gradientCheck(
                binaryCrossEntropy(probabilities: p, targets: soft).gradient,
                of: { binaryCrossEntropy(probabilities: $0, targets: soft).value }, at: p, name: "BCE(p)"),
            gradientCheck(
                binaryCrossEntropy(logits: z, targets: soft).gradient,
                of: { binaryCrossEntropy(logits: $0, targets: soft).value }, at: z, name: "BCE(z)"),
            gradientCheck(
                softmaxCrossEntropy(logits: z, labels: labels).gradient,
                of: { softmaxCrossEntropy(logits: $0, labels: labels).value }, at: z, name: "CE(z, labels)"),
            gradientCheck(
                softmaxCrossEntropy(logits: z, targets: targets).gradient,
                of: { softmaxCrossEntropy(logits: $0, targets: targets).value }, at: z, name: "CE(z, one-hot)"),
            gradientCheck(
                categoricalCrossEntropy(probabilities: probabilities, targets: targets).gradient,
                of: { categoricalCrossEntropy(probabilities: $0, targets: targets).value },
                at: probabilities, name: "CE(p)")
        ]
        for check in checks { #expect(check.passed, "\(check)") }
    }

    @Test("softmax + cross-entropy: the chain rule through softmaxBackward gives p − y")
    func softmaxThenCrossEntropyIsPMinusY() {
        var generator = SeededGenerator(seed: 33)
        let z = generator.normalMatrix(rows: 3, columns: 4)
        let targets = Matrix.oneHot([3, 1, 0], classCount: 4)
        let p = softmax(z)
        // ∂L/∂p from the probabilities form, pushed back through the softmax Jacobian.
        let throughSoftmax = softmaxBackward(
            probabilities: p,
            outputGradient:
                categoricalCrossEntropy(probabilities: p, targets: targets).gradient)
        expectClose(throughSoftmax, (p - targets) / 3, absolute: 1e-15, relative: 1e-12)
        expectClose(softmaxCrossEntropy(logits: z, targets: targets).gradient, (p - targets) / 3, absolute: 0)
    }
}
