import DLMath
import Foundation
import Testing

/// Softmax, log-softmax, log-sum-exp: hand values, stability, Jacobian and backward passes.
@Suite("Softmax and log-softmax")
struct SoftmaxTests {
    @Test("softmax of [0, ln 2, ln 3] is [1/6, 2/6, 3/6]")
    func handValue() {
        // e^0, e^ln2, e^ln3 = 1, 2, 3; the sum is 6.
        expectClose(softmax([0, log(2), log(3)]), [1.0 / 6, 2.0 / 6, 3.0 / 6], absolute: 1e-15, relative: 1e-15)
        expectClose(
            logSoftmax([0, log(2), log(3)]), [log(1.0 / 6), log(2.0 / 6), log(3.0 / 6)], absolute: 1e-15,
            relative: 1e-15)
        expectClose(logSumExp([0, log(2), log(3)]), log(6), absolute: 1e-15, relative: 1e-15)
    }

    @Test("softmax of [1000, 1001, 1002] is finite and equals softmax of [0, 1, 2] = [1, e, e²]/(1 + e + e²)")
    func stableAtLargeLogits() {
        let e = exp(1.0)
        let total = 1 + e + e * e
        let expected = [1 / total, e / total, e * e / total]  // [0.0900, 0.2447, 0.6652]
        expectClose(softmax([1000, 1001, 1002]), expected, absolute: 1e-15, relative: 1e-14)
        expectClose(softmax([-1000, -999, -998]), expected, absolute: 1e-15, relative: 1e-14)
        // log-softmax = z − logSumExp(z); logSumExp([1000, 1001, 1002]) = 1000 + log(1 + e + e²) = 1002.4076…
        expectClose(logSumExp([1000, 1001, 1002]), 1000 + log(total), absolute: 1e-12, relative: 1e-15)
        expectClose(logSoftmax([1000, 1001, 1002]), [-log(total), 1 - log(total), 2 - log(total)], absolute: 1e-13)
        // Two equal huge logits: ½ each; log-sum-exp = 1000 + ln 2.
        expectClose(softmax([-1000, -1000]), [0.5, 0.5], absolute: 0)
        expectClose(logSumExp([1000, 1000]), 1000 + log(2), absolute: 1e-12)
    }

    @Test("log-softmax stays finite where softmax underflows to 0")
    func logSoftmaxWhereSoftmaxUnderflows() {
        // softmax([0, −1000]) = [1/(1 + e^−1000), e^−1000/(…)] = [1, 0] in Double,
        // but log-softmax keeps −1000 exactly: −1000 − 0 − log(1 + e^−1000) = −1000.
        #expect(softmax([0, -1000]) == [1, 0])
        #expect(logSoftmax([0, -1000]) == [0, -1000])
        // A −∞ logit is a masked class: probability 0, log-probability −∞.
        #expect(softmax([0, -.infinity]) == [1, 0])
        // Finite part by hand: e^ln3 + e^0 = 4, so log p = [ln 3 − ln 4, −∞, −ln 4].
        let masked = logSoftmax([log(3), -.infinity, 0])
        let handMasked: [Double] = [log(3.0 / 4), -log(4.0)]
        expectClose([masked[0], masked[2]], handMasked, absolute: 1e-15)
        #expect(masked[1] == -Double.infinity)
    }

    @Test("softmax is invariant to adding a constant to every logit; rows sum to 1")
    func shiftInvarianceAndNormalisation() {
        var generator = SeededGenerator(seed: 11)
        let z = generator.normalMatrix(rows: 5, columns: 4, standardDeviation: 3)
        let p = softmax(z)
        expectClose(softmax(z + 500), p, absolute: 1e-15, relative: 1e-12)
        for total in p.sum(along: .columns).elements { expectClose(total, 1, absolute: 1e-15) }
        // Row-wise: row i of the matrix form is the vector form of row i.
        for i in 0..<z.rows {
            expectClose(p.row(i), softmax(z.row(i)), absolute: 0)
            expectClose(logSoftmax(z).row(i), logSoftmax(z.row(i)), absolute: 0)
        }
        // log-softmax is the log of softmax at moderate logits.
        expectClose(logSoftmax(z), p.map(log), absolute: 1e-14, relative: 1e-14)
        #expect(softmax([Double]()) == [])
        #expect(logSumExp([]) == -.infinity)
    }

    @Test("the Jacobian diag(p) − p pᵀ: by hand at z = [0, 0], against finite differences elsewhere")
    func jacobian() {
        // z = [0, 0]: p = [½, ½], J = [[½ − ¼, −¼], [−¼, ½ − ¼]] = [[¼, −¼], [−¼, ¼]].
        expectClose(softmaxJacobian(probabilities: softmax([0, 0])), [[0.25, -0.25], [-0.25, 0.25]], absolute: 0)
        let z = [0.3, -1.2, 2.0, 0.7]
        let jacobian = softmaxJacobian(probabilities: softmax(z))
        let numerical = numericalJacobian(of: softmax, at: z)
        expectClose(jacobian, numerical, absolute: 1e-10, relative: 1e-8)
        // Symmetric, and each row sums to 0 (the probabilities always sum to 1).
        expectClose(jacobian, jacobian.transposed, absolute: 0)
        for total in jacobian.sum(along: .columns).elements { expectClose(total, 0, absolute: 1e-16) }
    }

    @Test("softmaxBackward = Jᵀg, and passes a gradient check")
    func softmaxBackwardPass() {
        var generator = SeededGenerator(seed: 12)
        let z = generator.normalMatrix(rows: 3, columns: 5, standardDeviation: 2)
        let g = generator.normalMatrix(rows: 3, columns: 5)
        let p = softmax(z)
        let backward = softmaxBackward(probabilities: p, outputGradient: g)
        // The same row by the explicit Jacobian (a second algorithm).
        for i in 0..<z.rows {
            let viaJacobian = softmaxJacobian(probabilities: p.row(i)).transposed * Matrix(column: g.row(i))
            expectClose(backward.row(i), viaJacobian.elements, absolute: 1e-15, relative: 1e-13)
        }
        let result = gradientCheck(backward, of: { (g .* softmax($0)).sum }, at: z, name: "softmax")
        #expect(result.passed, "\(result)")
    }

    @Test("logSoftmaxBackward = g − p Σg, and passes a gradient check")
    func logSoftmaxBackwardPass() {
        var generator = SeededGenerator(seed: 13)
        let z = generator.normalMatrix(rows: 3, columns: 5, standardDeviation: 2)
        let g = generator.normalMatrix(rows: 3, columns: 5)
        let backward = logSoftmaxBackward(probabilities: softmax(z), outputGradient: g)
        let result = gradientCheck(backward, of: { (g .* logSoftmax($0)).sum }, at: z, name: "logSoftmax")
        #expect(result.passed, "\(result)")
        // Hand case: z = [0, 0], g = [1, 0]: ∂log p₀/∂z = [1 − ½, −½] = [½, −½].
        expectClose(
            logSoftmaxBackward(probabilities: [[0.5, 0.5]], outputGradient: [[1, 0]]), [[0.5, -0.5]], absolute: 0)
    }

    @Test("the gradient of log-sum-exp is softmax")
    func logSumExpGradient() {
        let z = [1.5, -0.5, 0.25, 3.0]
        let result = gradientCheck(softmax(z), of: logSumExp, at: z, name: "logSumExp")
        #expect(result.passed, "\(result)")
    }
}
