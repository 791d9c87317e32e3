import DLMath
import Foundation
import Testing

@Suite("Binomial CDF and Bernoulli entropy")
struct BinomialCDFAndBernoulliEntropyTests {
    @Test("P(X ≤ k) for n = 3, p = ½ by hand: 1/8, 4/8, 7/8, 1")
    func cdfByHand() {
        let b = Binomial(trials: 3, probability: 0.5)
        expectClose([-1, 0, 1, 2, 3, 9].map(b.cdf), [0, 0.125, 0.5, 0.875, 1, 1], absolute: 1e-15)
    }

    @Test("a far tail keeps its relative accuracy: P(X ≤ 10), n = 100, p = ½ = 1.5316450877e-17")
    func farTail() {
        // Σ_{j ≤ 10} C(100, j) / 2¹⁰⁰ in exact rational arithmetic (Python fractions): 1.5316450877189926e-17.
        expectClose(
            Binomial(trials: 100, probability: 0.5).cdf(10), 1.5316450877189926e-17, absolute: 0, relative: 1e-10)
        // and the upper side: P(X ≤ 89) = 1 − P(X ≥ 90) = 1 − P(X ≤ 10) by symmetry
        expectClose(Binomial(trials: 100, probability: 0.5).cdf(89), 1 - 1.5316450877189926e-17, absolute: 1e-15)
    }

    @Test("H(½) = 1 bit, H(¼) = 0.8112781245 bits, H(0) = H(1) = 0, H(p) = H(1 − p)")
    func bernoulliEntropyValues() {
        // H(¼) = ¼ log₂ 4 + ¾ log₂(4/3) = 0.5 + 0.75 · 0.4150374993 = 0.8112781245.
        expectClose(bernoulliEntropy(0.5, in: .bits), 1, absolute: 1e-15)
        expectClose(bernoulliEntropy(0.25, in: .bits), 0.5 + 0.75 * 0.41503749927884381, absolute: 1e-15)
        #expect(bernoulliEntropy(0) == 0 && bernoulliEntropy(1) == 0)
        expectClose(bernoulliEntropy(0.3), bernoulliEntropy(0.7), absolute: 1e-16)
        expectClose(bernoulliEntropy(0.5), log(2), absolute: 1e-16)
    }
}
