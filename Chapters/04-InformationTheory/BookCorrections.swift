// 4.7 Where the book is wrong: KL is not a distance, and a perfect model's cross-entropy is H(p), not 0.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book's code is quoted exactly. The claims in quotation marks that are not code are the readings of deep-learning texts like the book that these slips come from, stated here to be checked, not quotations of the book's text."
    )
    chapter.say(
        "1. Calling the KL divergence \"the distance between two distributions\". It is not a distance (a metric): besides not being symmetric (4.3), it breaks the triangle inequality. For a = [½, ½], b = [¾, ¼], c = [0.9, 0.1], going straight from a to c costs more than going through b:"
    )
    let a = [0.5, 0.5], b = [0.75, 0.25], c = [0.9, 0.1]
    let kl: ([Double], [Double]) -> Double = { p, q in
        validated { () throws(ProbabilityError) in try klDivergence(p, q) }
    }
    chapter.check(
        "KL(a ‖ c) in nats", computed: kl(a, c), byHand: log(5.0 / 3), derivation: "½ ln(½/0.9) + ½ ln(½/0.1) = ln(5/3)"
    )
    chapter.check(
        "KL(a ‖ b) + KL(b ‖ c)", computed: kl(a, b) + kl(b, c),
        byHand: 0.5 * log(4.0 / 3) + 0.75 * log(5.0 / 6) + 0.25 * log(2.5),
        derivation: "½ ln(4/3) + ¾ ln(5/6) + ¼ ln 2.5 = 0.1438 + 0.0923")
    chapter.check(
        "KL(a ‖ c) > KL(a ‖ b) + KL(b ‖ c): no triangle inequality", holds: kl(a, c) > kl(a, b) + kl(b, c),
        detail: "\(formatFixed(kl(a, c), decimals: 4)) > \(formatFixed(kl(a, b) + kl(b, c), decimals: 4))")
    chapter.say(
        "Its square root is no metric either (√KL fails the same test here: 0.715 > 0.379 + 0.304). The Jensen–Shannon divergence, the average KL to the midpoint, has a square root that is one."
    )
    chapter.check(
        "√KL(a ‖ c) > √KL(a ‖ b) + √KL(b ‖ c)",
        holds: kl(a, c).squareRoot() > kl(a, b).squareRoot() + kl(b, c).squareRoot(),
        detail:
            "\(formatFixed(kl(a, c).squareRoot(), decimals: 3)) > \(formatFixed(kl(a, b).squareRoot(), decimals: 3)) + \(formatFixed(kl(b, c).squareRoot(), decimals: 3))"
    )

    chapter.say(
        "2. \"A perfect prediction has zero cross-entropy.\" The smallest cross-entropy against a target p is H(p, p) = H(p), reached at q = p; it is 0 only when p is one-hot. With soft targets (label smoothing, the empirical p̂ of 4.6, a teacher's probabilities) the perfect model still pays H(p): the loss measures the target's uncertainty too, and only KL(p ‖ q) = H(p, q) − H(p) is 0 at the optimum."
    )
    let soft = [0.7, 0.3]
    let perfect = validated { () throws(ProbabilityError) in try crossEntropy(soft, soft) }
    chapter.check(
        "H([0.7, 0.3], [0.7, 0.3]) in nats, not 0", computed: perfect, byHand: -(0.7 * log(0.7) + 0.3 * log(0.3)),
        derivation: "−(0.7 ln 0.7 + 0.3 ln 0.3)")
    chapter.check("KL at the optimum is 0", computed: kl(soft, soft), byHand: 0, derivation: "ln 1 in every term")
}
