import DLMath
import Foundation
import Testing

/// Random distributions for the property tests: n uniforms normalised, the first
/// `zeros` of them (at most n − 1) set to 0.
func randomDistribution(_ n: Int, using rng: inout SeededGenerator, zeros: Int = 0) -> [Double] {
    var weights = (0..<n).map { _ in rng.uniform() + 1e-3 }
    for i in 0..<min(zeros, n - 1) { weights[i] = 0 }  // at least one entry stays positive
    let total = weights.sum
    return weights.map { $0 / total }
}

@Suite("Entropy, cross-entropy, KL divergence")
struct EntropyTests {
    @Test("entropy by hand, in nats and bits; 0 log 0 = 0")
    func entropyByHand() throws {
        // A fair coin: −2 · ½ log₂ ½ = 1 bit = ln 2 nats.
        expectClose(try entropy([0.5, 0.5], in: .bits), 1)
        expectClose(try entropy([0.5, 0.5]), log(2))
        // A certain outcome: −1 log 1 − 0 log 0 = 0.
        #expect(try entropy([1, 0]) == 0)  // exact: log 1 = 0 and the 0 term is skipped
        // Uniform over 8: log₂ 8 = 3 bits.
        expectClose(try entropy(Array(repeating: 0.125, count: 8), in: .bits), 3)
        // [½, ¼, ¼]: ½ · 1 + 2 · ¼ · 2 = 1.5 bits.
        expectClose(try entropy([0.5, 0.25, 0.25], in: .bits), 1.5)
        // A 0.9 coin: −0.9 ln 0.9 − 0.1 ln 0.1 nats.
        expectClose(try entropy([0.9, 0.1]), -0.9 * log(0.9) - 0.1 * log(0.1))
    }

    @Test("cross-entropy and KL by hand")
    func crossEntropyByHand() throws {
        // p = [½, ¼, ¼], q = [¼, ¼, ½]: H(p, q) = ½ · 2 + ¼ · 2 + ¼ · 1 = 1.75 bits,
        // H(p) = 1.5 bits, KL(p ‖ q) = ½ log₂ 2 + 0 + ¼ log₂ ½ = 0.25 bits.
        let p = [0.5, 0.25, 0.25], q = [0.25, 0.25, 0.5]
        expectClose(try crossEntropy(p, q, in: .bits), 1.75)
        expectClose(try klDivergence(p, q, in: .bits), 0.25)
        // A one-hot label: H(y, q) = −ln q(true class).
        expectClose(try crossEntropy([0, 1, 0], [0.2, 0.7, 0.1]), -log(0.7))
        // Terms with p = 0 count 0 even where q = 0.
        expectClose(try crossEntropy([1, 0], [0.5, 0.5], in: .bits), 1)
        expectClose(try crossEntropy([0.5, 0.5, 0], [0.5, 0.5, 0], in: .bits), 1)
    }

    @Test("KL is not symmetric: p = [½, ½], q = [0.9, 0.1]")
    func klAsymmetry() throws {
        // KL(p ‖ q) = ½ ln(½/0.9) + ½ ln(½/0.1) = ½ ln(25/9) = ln(5/3);
        // KL(q ‖ p) = 0.9 ln 1.8 + 0.1 ln 0.2.
        let p = [0.5, 0.5], q = [0.9, 0.1]
        expectClose(try klDivergence(p, q), log(5.0 / 3))
        expectClose(try klDivergence(q, p), 0.9 * log(1.8) + 0.1 * log(0.2))
        #expect(try klDivergence(p, q) > klDivergence(q, p) + 0.1)
    }

    @Test("KL and cross-entropy are +∞ where q = 0 but p > 0")
    func infinite() throws {
        #expect(try klDivergence([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try crossEntropy([0.5, 0.5], [1, 0]) == .infinity)
        #expect(try klDivergence([0.5, 0.5], [1, 0], in: .bits) == .infinity)
        // The other way round it is finite: p = [1, 0] puts no mass where q is 0.
        expectClose(try klDivergence([1, 0], [0.5, 0.5], in: .bits), 1)
    }

    @Test("properties on random distributions: KL ≥ 0, KL(p‖p) = 0, H(p,q) = H(p) + KL(p‖q), 0 ≤ H ≤ log n")
    func properties() throws {
        var rng = SeededGenerator(seed: 31)
        for trial in 0..<200 {
            let n = 2 + trial % 7
            let p = randomDistribution(n, using: &rng, zeros: trial % 2)
            let q = randomDistribution(n, using: &rng)
            let kl = try klDivergence(p, q)
            #expect(kl >= 0, "KL(p‖q) = \(kl) < 0 for p = \(p), q = \(q)")
            #expect(try klDivergence(p, p) == 0)  // exact: every term is p log(p/p) = p log 1 = 0
            expectClose(try crossEntropy(p, q), try entropy(p) + kl, absolute: 1e-13, relative: 1e-13)
            let h = try entropy(p)
            #expect(h >= 0 && h <= log(Double(n)) + 1e-12)
            expectClose(try entropy(p, in: .bits), h / log(2), absolute: 1e-15, relative: 1e-14)
        }
    }

    @Test("inputs that are not distributions are rejected with the function and the problem")
    func rejected() {
        #expect(throws: ProbabilityError("entropy", "probabilities sum to 1.1, not 1")) { try entropy([0.5, 0.6]) }
        #expect(throws: ProbabilityError("entropy", "probability [0] = -0.1 is negative")) { try entropy([-0.1, 1.1]) }
        #expect(throws: ProbabilityError("entropy", "empty distribution")) { try entropy([]) }
        #expect(throws: ProbabilityError("entropy", "probability [1] = nan is not finite")) { try entropy([1, .nan]) }
        #expect(throws: ProbabilityError("crossEntropy", "p has 2 probabilities but q has 3")) {
            try crossEntropy([0.5, 0.5], [0.2, 0.3, 0.5])
        }
        #expect(throws: ProbabilityError("klDivergence", "q: probabilities sum to 0.9, not 1")) {
            try klDivergence([0.5, 0.5], [0.5, 0.4])
        }
        #expect(throws: ProbabilityError("klDivergence", "p: probability [1] = -0.5 is negative")) {
            try klDivergence([1.5, -0.5], [0.5, 0.5])
        }
        // The message reads as one line: function, colon, problem.
        #expect(
            ProbabilityError("entropy", "probabilities sum to 1.1, not 1").description
                == "entropy: probabilities sum to 1.1, not 1")
        // Within the documented tolerance 1e-9 a sum is accepted, beyond it rejected.
        #expect(throws: Never.self) { try entropy([0.5, 0.5 + 5e-10]) }
        #expect(throws: ProbabilityError.self) { try entropy([0.5, 0.5 + 5e-9]) }
    }
}
