import DLMath
import Foundation
import Testing

/// Relative accuracy of every stable form in its tails, against values derived
/// by hand from series expansions. `exp` and `log1p` below are the C library's,
/// not the module's; t = e^−50 ≈ 1.93e-22 is far below the rounding of 1
/// (1.1e-16), so any form that adds t to 1 or subtracts two numbers near 50
/// loses it entirely.
@Suite("Stable forms: relative accuracy in the tails")
struct StableFormTailTests {
    /// e^−50: log1p(t) = t − t²/2 + … = t to 1e-22 relative, σ(−50) = t/(1 + t) = t to 1e-22.
    let t = exp(-50.0)

    @Test("log σ(x): log σ(50) = −log1p(e^−50) ≈ −e^−50, log σ(−1000) = −1000")
    func logSigmoidTails() {
        expectClose(logSigmoid(50), -t, absolute: 0, relative: 1e-14)
        #expect(log(logistic(50)) == 0, "the naive log σ(50) rounds σ to 1 and loses everything")
        // log σ(−50) = −50 − log1p(e^−50) = −50 − 1.9e-22 = −50 in Double.
        #expect(logSigmoid(-50) == -50)
        #expect(logSigmoid(-1000) == -1000)  // naive: log(σ(−1000)) = log 0 = −∞
        // log σ(−30) = −30 − log1p(e^−30), e^−30 = 9.357622968840175e-14 (its square, 9e-27, is far below 30 ε).
        expectClose(logSigmoid(-30), -30 - 9.357622968840175e-14, absolute: 0, relative: 1e-15)
        expectClose(logSigmoid(0), -log(2.0), absolute: 0, relative: 1e-15)
    }

    @Test("σ and softplus in the left tail: σ(−50) = softplus(−50) = e^−50 to 1e-22")
    func sigmoidAndSoftplusLeftTail() {
        expectClose(logistic(-50), t, absolute: 0, relative: 1e-14)
        expectClose(softplusFunction(-50), t, absolute: 0, relative: 1e-14)
        // The vector path (the activation layer's kernel) keeps the same accuracy.
        let lanes = Activation.sigmoid(Matrix([[-50, -700, 50]]))
        expectClose(lanes[0, 0], t, absolute: 0, relative: 1e-14)
        expectClose(lanes[0, 1], exp(-700), absolute: 0, relative: 1e-13)
        #expect(lanes[0, 2] == 1)
    }

    @Test("log-sum-exp: logSumExp([0, −50]) = log1p(e^−50) ≈ e^−50, not 0")
    func logSumExpTails() {
        expectClose(logSumExp([0, -50]), t, absolute: 0, relative: 1e-14)
        // Two of e^−40 next to 1: log(1 + 2e^−40) = 2e^−40 − 2e^−80 = 2e^−40 to 1e-17 relative.
        expectClose(logSumExp([0, -40, -40]), 2 * exp(-40.0), absolute: 0, relative: 1e-14)
        // Shifts: log(3 e^−1000) = −1000 + ln 3; log(2 e^1000) = 1000 + ln 2.
        expectClose(logSumExp([-1000, -1000, -1000]), -1000 + log(3.0), absolute: 0, relative: 1e-15)
        expectClose(logSumExp([1000, 1000]), 1000 + log(2.0), absolute: 0, relative: 1e-15)
    }

    @Test("log-softmax: the top entry of [0, −50] is −e^−50, the other −50 − e^−50")
    func logSoftmaxTails() {
        let values = logSoftmax([0, -50])
        expectClose(values[0], -t, absolute: 0, relative: 1e-14)
        #expect(values[1] == -50)
        // Rows of a matrix, the maximum not first: [−60, 3, −67] − 3 = [−63, 0, −70]:
        // log softmax at the top = −log1p(e^−63 + e^−70) = −(e^−63 + e^−70) to 1e-27.
        let rows = logSoftmax(Matrix([[-60, 3, -67], [0, -50, -50]]))
        expectClose(rows[0, 1], -(exp(-63.0) + exp(-70.0)), absolute: 0, relative: 1e-14)
        expectClose(rows[1, 0], -2 * t, absolute: 0, relative: 1e-14)
        // Softmax cross-entropy of a confident right answer: −log softmax([50, 0])₀ = log1p(e^−50).
        expectClose(softmaxCrossEntropy(logits: [[50, 0]], labels: [0]).value, t, absolute: 0, relative: 1e-14)
    }

    @Test("BCE from logits: z = 50, y = 1 costs e^−50 with gradient −σ(−50), not 0 and 0")
    func binaryCrossEntropyTails() {
        let right = binaryCrossEntropy(logits: [[50]], targets: [[1]])
        expectClose(right.value, t, absolute: 0, relative: 1e-14)
        expectClose(right.gradient[0, 0], -t, absolute: 0, relative: 1e-14)  // −σ(−50) = −t/(1 + t)
        let mirrored = binaryCrossEntropy(logits: [[-50]], targets: [[0]])
        expectClose(mirrored.value, t, absolute: 0, relative: 1e-14)
        expectClose(mirrored.gradient[0, 0], t, absolute: 0, relative: 1e-14)
        // z = 30, y = 1: log1p(e^−30) = e^−30 − e^−60/2 + e^−90/3 = 9.357622968840175e-14 − 4.38e-27
        // (the last term is 2e-40). softplus(30) − 30 gives 9.237e-14, wrong in the second digit.
        let e30 = exp(-30.0)
        expectClose(
            binaryCrossEntropy(logits: [[30]], targets: [[1]]).value, e30 - e30 * e30 / 2, absolute: 0, relative: 1e-14)
        // Soft label y = ¼ at z = 50: (1 − ¼)·50 + log1p(e^−50) = 37.5 + 1.9e-22 = 37.5.
        #expect(binaryCrossEntropy(logits: [[50]], targets: [[0.25]]).value == 37.5)
        // Gradient with a soft label: (1 − ¼)σ(50) − ¼σ(−50) = ¾ − ¼e^−50 ≈ 0.75 (relative 1e-16).
        expectClose(
            binaryCrossEntropy(logits: [[50]], targets: [[0.25]]).gradient[0, 0], 0.75, absolute: 0, relative: 1e-15)
    }

    @Test("GELU in its left tail: gelu(−10) = −10 Φ(−10) by the asymptotic series")
    func geluLeftTail() {
        // Φ(−x) = φ(x)/x · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸ − 945/x¹⁰), error below 1e-8 relative at x = 10.
        let x = 10.0
        let series = 1 - 1 / pow(x, 2) + 3 / pow(x, 4) - 15 / pow(x, 6) + 105 / pow(x, 8) - 945 / pow(x, 10)
        let phi = exp(-x * x / 2) / (2 * Double.pi).squareRoot() / x * series
        expectClose(Activation.geluExact.value(-x), -x * phi, absolute: 0, relative: 1e-7)
    }
}
