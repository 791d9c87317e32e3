// Chapter 4 · Information theory. Run: swift run ch04
// The figures of 4.1 and 4.3 are built in Figures.swift; 4.7 (where the book is wrong) in BookCorrections.swift.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 4, title: "Information theory")

/// Runs a worked example whose inputs are validated as distributions; an
/// invalid one is a bug in this chapter, reported in one line (exit status 1).
func validated<T>(_ example: () throws(ProbabilityError) -> T) -> T {
    do { return try example() } catch { exitWithError("ch04", error.description) }
}

/// The error a function throws for `input`, as the reader would see it.
func rejection(_ attempt: () throws(ProbabilityError) -> Double) -> String? {
    do { _ = try attempt(); return nil } catch { return error.description }
}

// MARK: 4.1 Entropy

chapter.section("Entropy: the average surprise, in nats and bits")
chapter.say(
    "An outcome of probability p carries −log p of information: the rarer, the more surprising. Entropy is the average over the distribution. With the natural log it is in nats, with log₂ in bits; 1 bit = ln 2 nats. An impossible outcome adds nothing: 0 log 0 = 0 (the limit of p log p as p → 0)."
)
chapter.formula("H(p) = −Σᵢ pᵢ log pᵢ        H_bits = H_nats / ln 2        0 ≤ H(p) ≤ log n")
let fairCoin = [0.5, 0.5]
chapter.check(
    "H(fair coin) in bits", computed: validated { () throws(ProbabilityError) in try entropy(fairCoin, in: .bits) },
    byHand: 1, derivation: "−2 · ½ log₂ ½")
chapter.check(
    "H(fair coin) in nats", computed: validated { () throws(ProbabilityError) in try entropy(fairCoin) },
    byHand: log(2.0), derivation: "ln 2")
let biasedCoin = [0.9, 0.1]
chapter.check(
    "H(0.9 coin) in bits", computed: validated { () throws(ProbabilityError) in try entropy(biasedCoin, in: .bits) },
    byHand: -0.9 * log2(0.9) - 0.1 * log2(0.1), derivation: "−0.9 log₂ 0.9 − 0.1 log₂ 0.1")
chapter.check(
    "H(certain outcome) = 0", computed: validated { () throws(ProbabilityError) in try entropy([1, 0, 0]) },
    byHand: 0, derivation: "−1 log 1 − 0 log 0 − 0 log 0")
let uniformEight = Array(repeating: 0.125, count: 8)
chapter.check(
    "H(uniform over 8) in bits",
    computed: validated { () throws(ProbabilityError) in try entropy(uniformEight, in: .bits) },
    byHand: 3, derivation: "log₂ 8")
var rng = SeededGenerator(seed: 4)
var largestRandomEntropy = 0.0
for _ in 0..<1000 {
    let weights = (0..<8).map { _ in rng.uniform() }
    let p = weights.map { $0 / weights.sum }
    largestRandomEntropy = max(
        largestRandomEntropy, validated { () throws(ProbabilityError) in try entropy(p, in: .bits) })
}
chapter.check(
    "no distribution over 8 outcomes beats the uniform", holds: largestRandomEntropy <= 3,
    detail: "largest of 1000 random ones (seed 4): \(formatFixed(largestRandomEntropy, decimals: 4)) bits ≤ 3 bits")
chapter.say(
    "For a coin with P(heads) = p the entropy rises from 0 (a certain outcome) to 1 bit (a fair coin) and falls back, symmetric about ½:"
)
let coinEntropies = bernoulliEntropyCurve()
chapter.chart(
    .lines(
        [Series("H(p) in bits", x: bernoulliGrid, y: coinEntropies)], title: "entropy of Bernoulli(p), p from 0 to 1",
        height: 8))
let peak = coinEntropies.indices.max { coinEntropies[$0] < coinEntropies[$1] } ?? 0
chapter.check(
    "the entropy curve peaks at p = ½", computed: bernoulliGrid[peak], byHand: 0.5,
    derivation: "dH/dp = log₂((1 − p)/p) = 0 ⇒ p")
chapter.check(
    "H at p = 0.1 equals H(0.9 coin): the curve is symmetric", computed: coinEntropies[20],
    byHand: -0.9 * log2(0.9) - 0.1 * log2(0.1), derivation: "swap heads and tails: −0.9 log₂ 0.9 − 0.1 log₂ 0.1")
chapter.figure(bernoulliEntropyFigure(coinEntropies), name: "bernoulli-entropy")

// MARK: 4.2 Cross-entropy

chapter.section("Cross-entropy")
chapter.say(
    "Outcomes follow p, but we measure surprise with a model q: the average surprise is the cross-entropy. It is never smaller than H(p), and equals it only when q = p. It is infinite if q calls impossible (q = 0) something that happens (p > 0)."
)
chapter.formula("H(p, q) = −Σᵢ pᵢ log qᵢ ≥ H(p)")
let p = [0.5, 0.25, 0.25], q = [0.25, 0.25, 0.5]
chapter.show("p", p)
chapter.show("q", q)
let crossPQ = validated { () throws(ProbabilityError) in try crossEntropy(p, q, in: .bits) }
let entropyP = validated { () throws(ProbabilityError) in try entropy(p, in: .bits) }
chapter.check("H(p) in bits", computed: entropyP, byHand: 1.5, derivation: "½ · 1 + ¼ · 2 + ¼ · 2")
chapter.check("H(p, q) in bits", computed: crossPQ, byHand: 1.75, derivation: "½ · 2 + ¼ · 2 + ¼ · 1")
chapter.check(
    "H(p, [1, 0, 0]) is infinite",
    holds: validated { () throws(ProbabilityError) in try crossEntropy(p, [1, 0, 0]) } == .infinity,
    detail: "p puts ¼ on an outcome that q calls impossible: −¼ log 0 = +∞")

// MARK: 4.3 KL divergence

chapter.section("KL divergence")
chapter.say(
    "The Kullback–Leibler divergence is the extra surprise paid for using q instead of the truth p: the cross-entropy minus the entropy. It is ≥ 0 (Gibbs' inequality), 0 only for q = p, and not symmetric, so it is not a distance."
)
chapter.formula("KL(p ‖ q) = Σᵢ pᵢ log(pᵢ / qᵢ) = H(p, q) − H(p) ≥ 0")
chapter.check(
    "KL(p ‖ q) in bits", computed: validated { () throws(ProbabilityError) in try klDivergence(p, q, in: .bits) },
    byHand: 0.25, derivation: "½ log₂ 2 + ¼ log₂ 1 + ¼ log₂ ½")
chapter.check(
    "KL(p ‖ q) = H(p, q) − H(p)",
    computed: validated { () throws(ProbabilityError) in try klDivergence(p, q, in: .bits) },
    byHand: 1.75 - 1.5, derivation: "1.75 − 1.5")
let half = [0.5, 0.5], skewed = [0.9, 0.1]
chapter.show("p", half)
chapter.show("q", skewed)
let forward = validated { () throws(ProbabilityError) in try klDivergence(half, skewed) }
let backward = validated { () throws(ProbabilityError) in try klDivergence(skewed, half) }
chapter.check(
    "KL(p ‖ q) in nats", computed: forward, byHand: log(5.0 / 3),
    derivation: "½ ln(½/0.9) + ½ ln(½/0.1) = ½ ln(25/9) = ln(5/3)")
chapter.check(
    "KL(q ‖ p) in nats", computed: backward, byHand: 0.9 * log(1.8) + 0.1 * log(0.2),
    derivation: "0.9 ln 1.8 + 0.1 ln 0.2")
chapter.check(
    "KL is not symmetric", holds: abs(forward - backward) > 0.1,
    detail: "KL(p ‖ q) = \(formatFixed(forward, decimals: 4)) ≠ KL(q ‖ p) = \(formatFixed(backward, decimals: 4)) nats")
chapter.say(
    "The figure shows both orders for every coin [p, 1 − p] against the fair coin: one stays below ln 2, the other grows without bound as p → 0 or 1."
)
chapter.figure(klAsymmetryFigure(), name: "kl-asymmetry")
chapter.check(
    "KL(p ‖ p) = 0", computed: validated { () throws(ProbabilityError) in try klDivergence(skewed, skewed) },
    byHand: 0, derivation: "log 1 in every term")
chapter.check(
    "KL([½, ½] ‖ [1, 0]) is infinite",
    holds: validated { () throws(ProbabilityError) in try klDivergence(half, [1, 0]) } == .infinity,
    detail: "½ log(½ / 0) = +∞: q rules out what p allows")
chapter.say(
    "Why KL ≥ 0: Jensen's inequality. A function φ is convex when every chord lies above its graph, φ(Σ λᵢ xᵢ) ≤ Σ λᵢ φ(xᵢ) for weights λᵢ ≥ 0 summing to 1; read the λᵢ as probabilities and that is φ(E[X]) ≤ E[φ(X)]. −log is convex (its second derivative is 1/x² > 0), so with the ratio r = q/p taken over the outcomes where p > 0:"
)
chapter.formula(
    """
    KL(p ‖ q) = Σᵢ pᵢ (−log(qᵢ/pᵢ)) = E_p[−log r]  ≥  −log E_p[r] = −log Σ_{pᵢ>0} qᵢ  ≥  −log 1 = 0
    equality in the first step only if r is constant where p > 0, in the second only if q puts all its mass there: q = p
    """)
let ratios = zip(p, q).map { $1 / $0 }
chapter.show("r = q/p for the p, q of 4.2", ratios)
let jensenLeft = zip(p, ratios).map { $0 * -log($1) }.sum, jensenRight = -log(zip(p, ratios).map { $0 * $1 }.sum)
chapter.show("E_p[−log r], summed here", jensenLeft)
chapter.check(
    "KL(p ‖ q) in nats (klDivergence)", computed: validated { () throws(ProbabilityError) in try klDivergence(p, q) },
    byHand: 0.25 * log(2.0),
    derivation: "½ ln 2 + ¼ · 0 + ¼ (−ln 2) = ¼ ln 2")
chapter.check(
    "−log E_p[r], the lower bound", computed: jensenRight, byHand: 0, derivation: "−log(½ · ½ + ¼ · 1 + ¼ · 2) = −log 1"
)
chapter.check(
    "Jensen's gap: E_p[−log r] − (−log E_p[r]) = ¼ ln 2 > 0", holds: jensenLeft > jensenRight,
    detail:
        "\(formatFixed(jensenLeft, decimals: 4)) > \(formatFixed(jensenRight, decimals: 4)): r is not constant, so the bound is strict"
)
let narrow = [0.5, 0.5, 0.0], wide = [0.4, 0.4, 0.2]
chapter.say(
    "When r is constant on p's support the first step is an equality, and the bound is exactly −log of the mass q puts there. p = [½, ½, 0], q = [0.4, 0.4, 0.2]: r = 1.25 on both outcomes p allows, and q spends 0.2 elsewhere."
)
chapter.check(
    "KL([½, ½, 0] ‖ [0.4, 0.4, 0.2]) = −log 0.8",
    computed: validated { () throws(ProbabilityError) in try klDivergence(narrow, wide) },
    byHand: log(1.25), derivation: "½ ln(½/0.4) · 2 = ln 1.25 = −ln 0.8")

// MARK: 4.4 Joint and conditional entropy

chapter.section("Joint and conditional entropy: the chain rule")
chapter.say(
    "Two variables X (rows) and Y (columns) with a joint table p(x, y). The joint entropy is the entropy of the table; the conditional entropy H(Y | X) is the uncertainty left in Y once X is known, averaged over X. Learning X and then Y costs as much as learning both at once."
)
chapter.formula("H(X, Y) = −Σ p(x, y) log p(x, y)        H(Y | X) = −Σ p(x, y) log p(y | x)\nH(X, Y) = H(X) + H(Y | X)")
let joint: Matrix = [[0.25, 0.25], [0.5, 0]]
chapter.show("p(x, y)", joint)
let (px, py) = validated { () throws(ProbabilityError) in try marginalDistributions(joint) }
chapter.check("p(x) (row sums)", computed: px, byHand: [0.5, 0.5], derivation: "[¼ + ¼, ½ + 0]")
chapter.check("p(y) (column sums)", computed: py, byHand: [0.75, 0.25], derivation: "[¼ + ½, ¼ + 0]")
let hxy = validated { () throws(ProbabilityError) in try jointEntropy(joint, in: .bits) }
let hx = validated { () throws(ProbabilityError) in try entropy(px, in: .bits) }
let hyGivenX = validated { () throws(ProbabilityError) in try conditionalEntropy(joint, in: .bits) }
chapter.check("H(X, Y) in bits", computed: hxy, byHand: 1.5, derivation: "¼ · 2 + ¼ · 2 + ½ · 1 + 0")
chapter.check("H(Y | X) in bits", computed: hyGivenX, byHand: 0.5, derivation: "½ H(½, ½) + ½ H(1, 0) = ½ · 1 + ½ · 0")
chapter.check("H(X) + H(Y | X) = H(X, Y)", computed: hx + hyGivenX, byHand: 1.5, derivation: "1 + 0.5")

// MARK: 4.5 Mutual information

chapter.section("Mutual information")
chapter.say(
    "How much knowing X tells about Y (and Y about X): the KL divergence of the joint table from the product of its marginals. It is ≥ 0, and 0 exactly when X and Y are independent. A table is checked before use: entries ≥ 0 that sum to 1."
)
chapter.formula("I(X; Y) = Σ p(x, y) log(p(x, y) / (p(x) p(y))) = H(Y) − H(Y | X) = H(X) + H(Y) − H(X, Y)")
let information = validated { () throws(ProbabilityError) in try mutualInformation(joint, in: .bits) }
let hy = validated { () throws(ProbabilityError) in try entropy(py, in: .bits) }
chapter.check(
    "I(X; Y) in bits", computed: information, byHand: 1.5 - 0.75 * log2(3.0),
    derivation: "¼ log₂(2/3) + ¼ log₂ 2 + ½ log₂(4/3) = 1.5 − ¾ log₂ 3")
chapter.check(
    "H(Y) − H(Y | X)", computed: hy - hyGivenX, byHand: (2 - 0.75 * log2(3.0)) - 0.5,
    derivation: "H(¾, ¼) − 0.5 = (¾ log₂(4/3) + ¼ log₂ 4) − 0.5 = (2 − ¾ log₂ 3) − 0.5")
let independent = Matrix(column: [0.3, 0.7]) * Matrix(row: [0.2, 0.5, 0.3])
chapter.show("an independent table p(x) p(y)", independent)
chapter.check(
    "I(X; Y) of an independent table",
    computed: validated { () throws(ProbabilityError) in try mutualInformation(independent) },
    byHand: 0, derivation: "log 1 in every term", tolerance: .tight)
chapter.check(
    "Y a copy of X: I(X; Y) = H(X)",
    computed: validated { () throws(ProbabilityError) in try mutualInformation([[0.5, 0], [0, 0.5]], in: .bits) },
    byHand: 1, derivation: "H(½, ½)")
let negativeTable: Matrix = [[0.5, 0.3], [-0.1, 0.3]]
let shortTable: Matrix = [[0.5, 0.2], [0.1, 0.1]]
let negativeMessage = rejection { () throws(ProbabilityError) in try mutualInformation(negativeTable) }
let shortMessage = rejection { () throws(ProbabilityError) in try mutualInformation(shortTable) }
chapter.check(
    "a table with a negative entry is rejected", holds: negativeMessage?.contains("[1, 0] = -0.1 is negative") == true,
    detail: negativeMessage ?? "accepted!")
chapter.check(
    "a table that sums to 0.9 is rejected", holds: shortMessage?.contains("sums to 0.9, not 1") == true,
    detail: shortMessage ?? "accepted!")

// MARK: 4.6 Cross-entropy as the classification loss

chapter.section("Why cross-entropy is the classification loss")
chapter.say(
    "A classifier predicts a distribution q over the classes. Its likelihood on n labelled examples is Π q(yᵢ); the average negative log-likelihood is the cross-entropy between the labels' empirical distribution p̂ and q, which is H(p̂), fixed by the data, plus KL(p̂ ‖ q). So three things are the same: minimising cross-entropy, maximising likelihood, and minimising the KL divergence to the data. Each example alone gives −log q(true class), the cross-entropy against its one-hot label."
)
chapter.formula("−(1/n) Σᵢ log q(yᵢ) = −Σₖ p̂ₖ log qₖ = H(p̂, q) = H(p̂) + KL(p̂ ‖ q)")
var labelGenerator = SeededGenerator(seed: 7)
let labels = labelGenerator.shuffled(
    Array(repeating: 0, count: 4) + Array(repeating: 1, count: 10) + Array(repeating: 2, count: 6))
chapter.show(
    "20 labels (4 of class 0, 10 of class 1, 6 of class 2, shuffled with seed 7)",
    labels.map(String.init).joined(separator: " "))
let empirical = empiricalDistribution(labels, classes: 3)
chapter.check("p̂", computed: empirical, byHand: [0.2, 0.5, 0.3], derivation: "[4, 10, 6]/20")
let entropyData = validated { () throws(ProbabilityError) in try entropy(empirical) }
let models: [(name: String, q: [Double])] = [
    ("uniform", [1.0 / 3, 1.0 / 3, 1.0 / 3]), ("skewed", [0.1, 0.6, 0.3]),
    ("wrong", [0.6, 0.2, 0.2]), ("q = p̂", empirical)
]
var lossTable = TextTable(
    ["model q", "mean −log q(yᵢ)", "mean one-hot H(yᵢ, q)", "H(p̂, q)", "H(p̂) + KL(p̂ ‖ q)"],
    alignments: [.left, .right, .right, .right, .right])
var allAgree = true
for model in models {
    let categorical = validated { () throws(ProbabilityError) in try Categorical(model.q) }
    let nll = categorical.averageNegativeLogLikelihood(labels)
    let oneHot = mean(
        labels.map { label in
            validated { () throws(ProbabilityError) in try crossEntropy((0..<3).map { $0 == label ? 1 : 0 }, model.q) }
        })
    let cross = validated { () throws(ProbabilityError) in try crossEntropy(empirical, model.q) }
    let viaKL = entropyData + validated { () throws(ProbabilityError) in try klDivergence(empirical, model.q) }
    allAgree = allAgree && Tolerance.tight.accepts([nll, oneHot, viaKL], [cross, cross, cross])
    lossTable.append(
        [model.name + " " + arrayText(model.q, significantDigits: 3)]
            + [nll, oneHot, cross, viaKL].map { formatFixed($0, decimals: 6) })
}
chapter.table(lossTable)
chapter.check("the four columns agree for every model", holds: allAgree, detail: "to 1e-12")
chapter.check(
    "loss of the uniform model",
    computed: validated { () throws(ProbabilityError) in try Categorical([1.0 / 3, 1.0 / 3, 1.0 / 3]) }
        .averageNegativeLogLikelihood(labels), byHand: log(3.0), derivation: "−log ⅓ for every example")
chapter.check(
    "loss at q = p̂ is the entropy of the data", computed: entropyData,
    byHand: -(0.2 * log(0.2) + 0.5 * log(0.5) + 0.3 * log(0.3)), derivation: "−(0.2 ln 0.2 + 0.5 ln 0.5 + 0.3 ln 0.3)")
var bestLoss = Double.infinity
var bestModel: [Double] = []
for a in 1..<20 {
    for b in 1..<(20 - a) {
        let candidate = [Double(a) / 20, Double(b) / 20, Double(20 - a - b) / 20]
        let loss = validated { () throws(ProbabilityError) in try crossEntropy(empirical, candidate) }
        if loss < bestLoss { bestLoss = loss; bestModel = candidate }
    }
}
chapter.check(
    "the best q on a 0.05 grid of the simplex", computed: bestModel, byHand: [0.2, 0.5, 0.3],
    derivation: "p̂, where KL(p̂ ‖ q) = 0")
chapter.say(
    "The models of this table ignore the input: one q for every example, and for those the loss cannot go below H(p̂), the labels' own uncertainty. A real classifier predicts q(y | x), one distribution per input, and the same argument holds input by input: its loss is the average over the xᵢ of H(p̂(· | xᵢ), q(· | xᵢ)) = H(p̂(· | x)) + KL. When every input is distinct, each p̂(· | xᵢ) is one-hot, its entropy is 0, and the loss can be driven towards 0: a model that memorises the labels. Minimising cross-entropy fits q(y | x) to the labels as they occur with each x, not to the labels' overall frequencies, and with enough capacity it fits the noise too (overfitting, chapter 11). Chapter 6 pairs this loss with softmax and finds its gradient, p − y."
)
let memorised = mean(labels.map { _ in -log(0.98) })
chapter.check(
    "a model that reads x (0.98 on each example's own label) goes below H(p̂)", holds: memorised < entropyData,
    detail:
        "mean −log 0.98 = \(formatFixed(memorised, decimals: 4)) < H(p̂) = \(formatFixed(entropyData, decimals: 4)) nats"
)
bookCorrections(&chapter)

chapter.finish()
