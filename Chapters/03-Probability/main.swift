// Chapter 3 · Probability. Run: swift run ch03
// The figures of 3.7 and 3.8 are built in Figures.swift.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 3, title: "Probability")

/// Runs a worked example that validates its distribution; an invalid one is a
/// bug in this chapter, reported in one line (exit status 1).
func validated<T>(_ example: () throws(ProbabilityError) -> T) -> T {
    do { return try example() } catch { exitWithError("ch03", error.description) }
}

// MARK: 3.1 Random variables and expectation

chapter.section("Random variables and expectation")
chapter.say(
    "A discrete random variable X takes values xᵢ with probabilities pᵢ ≥ 0 that sum to 1. Its expectation is the probability-weighted average of its values. A fair die: values 1 … 6, each with probability 1/6."
)
chapter.formula("E[X] = Σᵢ pᵢ xᵢ        E[f(X)] = Σᵢ pᵢ f(xᵢ)")
let die = validated { () throws(ProbabilityError) in
    try DiscreteDistribution(values: [1, 2, 3, 4, 5, 6], probabilities: Array(repeating: 1.0 / 6, count: 6))
}
chapter.show("values", die.values)
chapter.show("probabilities", die.probabilities)
chapter.check("E[X] for a fair die", computed: die.mean, byHand: 3.5, derivation: "(1 + 2 + … + 6)/6 = 21/6")
chapter.check(
    "E[X²] for a fair die", computed: die.expectation { $0 * $0 }, byHand: 91.0 / 6,
    derivation: "(1 + 4 + 9 + 16 + 25 + 36)/6 = 91/6")

// MARK: 3.2 Variance

chapter.section("Variance and standard deviation")
chapter.say(
    "The variance is the expected squared distance from the mean; the standard deviation is its square root, in the units of X."
)
chapter.formula("Var X = E[(X − E[X])²] = E[X²] − E[X]²        σ = √Var X")
chapter.check(
    "Var X for a fair die", computed: die.variance, byHand: 35.0 / 12,
    derivation: "91/6 − 3.5² = 182/12 − 147/12 = 35/12")
chapter.check(
    "σ for a fair die", computed: die.standardDeviation, byHand: (35.0 / 12).squareRoot(), derivation: "√(35/12)")

// MARK: 3.3 Sample statistics

chapter.section("Sample statistics: mean, variance (n or n − 1), covariance")
chapter.say(
    "From data x₁ … xₙ we estimate the mean and the variance. Dividing the squared deviations by n gives the variance of the data themselves (biased as an estimate of the distribution's variance: too small by (n − 1)/n on average); dividing by n − 1 (Bessel's correction) gives an unbiased estimate."
)
chapter.formula(
    "x̄ = (1/n) Σᵢ xᵢ\ns²_biased = (1/n) Σᵢ (xᵢ − x̄)²      s²_unbiased = (1/(n − 1)) Σᵢ (xᵢ − x̄)²\ncov(x, y) = (1/(n − 1)) Σᵢ (xᵢ − x̄)(yᵢ − ȳ)"
)
let sample: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
chapter.show("x", sample)
chapter.check("mean x̄", computed: mean(sample), byHand: 5, derivation: "40/8")
chapter.check(
    "variance, biased (÷ n)", computed: variance(sample, correction: .biased), byHand: 4,
    derivation: "(9 + 1 + 1 + 1 + 0 + 0 + 4 + 16)/8 = 32/8")
chapter.check(
    "variance, unbiased (÷ n − 1)", computed: variance(sample, correction: .unbiased), byHand: 32.0 / 7,
    derivation: "32/7")
chapter.check(
    "standard deviation, biased", computed: standardDeviation(sample, correction: .biased), byHand: 2,
    derivation: "√4")
let pairedX: [Double] = [1, 2, 3], pairedY: [Double] = [2, 4, 7]
chapter.show("x", pairedX)
chapter.show("y", pairedY)
chapter.check(
    "cov(x, y), unbiased", computed: covariance(pairedX, pairedY, correction: .unbiased), byHand: 2.5,
    derivation: "[(−1)(−7/3) + 0 + (1)(8/3)]/2 = 5/2")
chapter.say(
    "With examples as rows and variables as columns, all covariances at once: C = X̃ᵀ X̃ / (n − 1), X̃ the data minus its column means. The diagonal holds the variances."
)
let data = Matrix(rows: 3, columns: 2) { i, j in j == 0 ? pairedX[i] : pairedY[i] }
chapter.show("X", data)
chapter.check(
    "covariance matrix, unbiased", computed: covarianceMatrix(data, correction: .unbiased),
    byHand: [[1, 2.5], [2.5, 57.0 / 9]], derivation: "[[2/2, 5/2], [5/2, (49 + 1 + 64)/9/2]]")

// MARK: 3.4 Bernoulli

chapter.section("The Bernoulli distribution")
chapter.say("One trial that succeeds (1) with probability p: a coin, a click, a label of a binary classifier.")
chapter.formula("P(X = k) = pᵏ (1 − p)¹⁻ᵏ,  k ∈ {0, 1}        E[X] = p        Var X = p(1 − p)")
let coin = Bernoulli(0.3)
chapter.check("P(X = 1) for p = 0.3", computed: coin.pmf(1), byHand: 0.3, derivation: "0.3¹ · 0.7⁰")
chapter.check("P(X = 0) + P(X = 1)", computed: coin.pmf(0) + coin.pmf(1), byHand: 1, derivation: "0.7 + 0.3")
chapter.check("Var X for p = 0.3", computed: coin.variance, byHand: 0.21, derivation: "0.3 · 0.7")
chapter.check("ln P(X = 1)", computed: coin.logPMF(1), byHand: log(0.3), derivation: "ln 0.3")

// MARK: 3.5 Binomial

chapter.section("The binomial distribution")
chapter.say(
    "The number of successes in n independent Bernoulli(p) trials. C(n, k) counts the orders in which k successes can come."
)
chapter.formula(
    "P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ        E[X] = n p        Var X = n p (1 − p)\nln P(X = k) = ln C(n, k) + k ln p + (n − k) ln(1 − p),  ln C(n, k) = lgamma(n+1) − lgamma(k+1) − lgamma(n−k+1)"
)
let fiveFlips = Binomial(trials: 5, probability: 0.5)
chapter.check(
    "P(3 heads in 5 fair flips)", computed: fiveFlips.pmf(3), byHand: 10.0 / 32, derivation: "C(5, 3)/2⁵ = 10/32")
let twenty = Binomial(trials: 20, probability: 0.3)
let twentyPMF = (0...20).map { twenty.pmf($0) }
chapter.check("Σₖ P(X = k) for n = 20, p = 0.3", computed: twentyPMF.sum, byHand: 1, derivation: "(p + (1 − p))ⁿ")
chapter.check(
    "Σₖ k P(X = k) for n = 20, p = 0.3", computed: twentyPMF.dot((0...20).map(Double.init)), byHand: 6,
    derivation: "n p = 20 · 0.3")
chapter.say(
    "For n = 1000 the binomial coefficients still fit in a Double (C(1000, 500) ≈ 2.7e299, below the largest Double, 1.8e308), but the factorials of n!/(k!(n − k)!) do not (1000! ≈ 4e2567), nor the powers: 0.1¹⁰⁰⁰ = 1e-1000 underflows to 0. So we compute in logs, ln C(n, k) through lgamma."
)
chapter.check(
    "C(1000, 500) = exp ln C(1000, 500)", computed: exp(logBinomialCoefficient(1000, 500)),
    byHand: 2.7028824094543655e299,
    derivation: "the exact integer, 2.7028824094543655e299 (299 digits)",
    tolerance: Tolerance(absolute: 0, relative: 1e-9))
chapter.check(
    "1000! overflows: Γ(1001) = ∞ in Double", holds: tgamma(1001.0) == .infinity && lgamma(1001.0) > 5912,
    detail:
        "tgamma(1001) = \(tgamma(1001.0)), ln 1000! = \(formatFixed(lgamma(1001.0), decimals: 1)) > ln(1.8e308) = 709.8"
)
let thousand = Binomial(trials: 1000, probability: 0.9)
chapter.show("P(X = 0) for n = 1000, p = 0.9, as a Double", thousand.pmf(0))
chapter.check(
    "ln P(X = 0) for n = 1000, p = 0.9", computed: thousand.logPMF(0), byHand: -1000 * log(10.0),
    derivation: "1000 ln 0.1 = −1000 ln 10")
chapter.check("ln C(1000, 1)", computed: logBinomialCoefficient(1000, 1), byHand: log(1000.0), derivation: "ln 1000")

// MARK: 3.6 Gaussian

chapter.section("The Gaussian distribution")
chapter.say(
    "The bell curve N(μ, σ²): the limit of sums of many small independent effects, and the usual model of noise.")
chapter.formula(
    "p(x) = exp(−(x − μ)²/(2σ²)) / √(2πσ²)\nln p(x) = −½ ln(2πσ²) − (x − μ)²/(2σ²)\nΦ(x) = P(X ≤ x) = ½ (1 + erf((x − μ)/(σ√2)))"
)
let standardNormal = Gaussian.standard
chapter.check(
    "N(0, 1) density at 0", computed: standardNormal.pdf(0), byHand: 1 / (2 * Double.pi).squareRoot(),
    derivation: "1/√(2π)")
let wide = Gaussian(mean: 1, standardDeviation: 2)
chapter.check(
    "N(1, 2²) log-density at 3", computed: wide.logPDF(3), byHand: -0.5 * log(8 * Double.pi) - 0.5,
    derivation: "−½ ln(8π) − (3 − 1)²/8")
chapter.check("Φ(μ) for N(1, 2²)", computed: wide.cdf(1), byHand: 0.5, derivation: "symmetry")
chapter.check(
    "P(−1 < Z < 1) for Z ~ N(0, 1)", computed: standardNormal.cdf(1) - standardNormal.cdf(-1),
    byHand: 0.6826894921370859, derivation: "erf(1/√2) (table)", tolerance: .tight)
chapter.check(
    "P(Z ≤ 1.96)", computed: standardNormal.cdf(1.96), byHand: 0.9750021048517796,
    derivation: "table", tolerance: .tight)

// MARK: 3.7 Sampling

chapter.section("Sampling with a seeded generator")
chapter.say(
    "All randomness in this book comes from SeededGenerator: xoshiro256** seeded by SplitMix64, integer operations only, so a seed gives the same numbers on every machine. Uniforms are the top 53 bits times 2⁻⁵³; normals come from the Marsaglia polar method."
)
let seed: UInt64 = 42
var rng = SeededGenerator(seed: seed)
let firstUniforms = (0..<5).map { _ in rng.uniform() }
chapter.show("seed", "\(seed)")
chapter.show("first uniforms", arrayText(firstUniforms, significantDigits: 16))
var again = SeededGenerator(seed: seed)
let firstNormals = (0..<4).map { _ in again.normal() }
chapter.show("first normals (seed 42 again)", arrayText(firstNormals, significantDigits: 16))
chapter.check(
    "first uniform of seed 42", computed: firstUniforms[0], byHand: 0.08386297105988216,
    derivation: "reference xoshiro256** in Python", tolerance: .tight)
var replay = SeededGenerator(seed: seed)
chapter.check(
    "the same seed replays the same draws", holds: (0..<5).map { _ in replay.uniform() } == firstUniforms,
    detail: "5 of 5 uniforms identical")
let flips = (0..<10).map { _ in rng.bernoulli(0.5) ? "1" : "0" }.joined(separator: " ")
chapter.show("ten Bernoulli(½) draws", flips)
let binomialDraws = (0..<8).map { _ in String(twenty.sample(using: &rng)) }.joined(separator: " ")
chapter.show("eight Binomial(20, 0.3) draws", binomialDraws)
chapter.say(
    "Many draws trace out their distribution: 10 000 normals with seed 7 fill a histogram the shape of the density. About 68.27 % of them fall within one standard deviation; the fraction in a sample varies by √(p(1 − p)/n) ≈ 0.0047."
)
let normalSeed: UInt64 = 7
var normalGenerator = SeededGenerator(seed: normalSeed)
let normals = (0..<10_000).map { _ in normalGenerator.normal() }
let withinOne = Double(normals.filter { abs($0) < 1 }.count) / Double(normals.count)
chapter.check(
    "mean of 10 000 normals (to within 4/√n = 0.04)", computed: mean(normals), byHand: 0, derivation: "E[Z]",
    tolerance: Tolerance(absolute: 4 / 100, relative: 0))
chapter.check(
    "fraction within ±1 (to within 4 · 0.0047)", computed: withinOne, byHand: 0.6826894921370859,
    derivation: "erf(1/√2)",
    tolerance: Tolerance(absolute: 4 * (0.6827 * 0.3173 / 10_000).squareRoot(), relative: 0))
chapter.figure(gaussianHistogramFigure(normals, seed: normalSeed), name: "gaussian-histogram")

// MARK: 3.8 Law of large numbers

chapter.section("The law of large numbers")
chapter.say(
    "The mean of n independent draws approaches the expectation. Its standard deviation is σ/√n: a hundred times more data buys one more correct digit. We roll a fair die (E = 3.5, σ = √(35/12) ≈ 1.708) a million times with seed 2024."
)
chapter.formula("x̄ₙ = (1/n) Σᵢ xᵢ → E[X]        sd(x̄ₙ) = σ/√n")
var dice = SeededGenerator(seed: 2024)
let rolls = (0..<1_000_000).map { _ in Double(dice.integer(in: 1...6)) }
let sigma = die.standardDeviation
var lawTable = TextTable(
    ["n", "mean of n rolls", "|error|", "σ/√n", "|error| / (σ/√n)"],
    alignments: [.right, .right, .right, .right, .right])
var withinFourSigma = true
for power in 1...6 {
    let n = Int(pow(10.0, Double(power)))
    let runningMean = mean(Array(rolls.prefix(n)))
    let error = abs(runningMean - die.mean)
    let standardError = sigma / Double(n).squareRoot()
    withinFourSigma = withinFourSigma && error < 4 * standardError
    lawTable.append([
        "10^\(power)", formatFixed(runningMean, decimals: 6), formatScientific(error, significantDigits: 2),
        formatScientific(standardError, significantDigits: 2), formatFixed(error / standardError, decimals: 2)
    ])
}
chapter.table(lawTable)
chapter.check(
    "every error is below 4 σ/√n", holds: withinFourSigma,
    detail: "the error itself jumps about, but its ratio to σ/√n stays of order 1: it shrinks like 1/√n")
chapter.check(
    "mean of 10⁶ rolls (to within 4σ/√n = 0.0068)", computed: mean(rolls), byHand: 3.5, derivation: "E[X]",
    tolerance: Tolerance(absolute: 4 * sigma / 1000, relative: 0))
let lawSizes = runningMeanSizes(upTo: rolls.count)
let runningMeans = lawSizes.map { mean(Array(rolls.prefix($0))) }
chapter.say(
    "The error |x̄ₙ − 3.5| at 20 values of n a decade, against σ/√n (log scales: log₁₀ n from 0 to 6 across, the error up): it wanders, but follows σ/√n down."
)
chapter.chart(
    .lines(
        [
            Series("σ/√n", x: lawSizes.map { log10(Double($0)) }, y: lawSizes.map { sigma / Double($0).squareRoot() }),
            Series("|x̄ₙ − 3.5|", x: lawSizes.map { log10(Double($0)) }, y: runningMeans.map { abs($0 - die.mean) })
        ],
        title: "error of the running mean vs. log₁₀ n", yScale: .log, height: 10))
chapter.figure(
    lawOfLargeNumbersFigure(sizes: lawSizes, runningMeans: runningMeans, expectation: die.mean, sigma: sigma),
    name: "law-of-large-numbers")

// MARK: 3.9 Bayes' rule

chapter.section("Bayes' rule: a diagnostic test")
chapter.say(
    "A disease affects 1 % of people (prevalence). A test finds 99 % of the sick (sensitivity) and clears 95 % of the healthy (specificity). Someone tests positive: how likely are they sick?"
)
chapter.formula(
    "P(D | +) = P(+ | D) P(D) / P(+)\nP(+) = P(+ | D) P(D) + P(+ | ¬D) P(¬D),   P(+ | ¬D) = 1 − specificity")
let prevalence = 0.01, sensitivity = 0.99, specificity = 0.95
let firstTest = validated { () throws(ProbabilityError) in
    try bayesPosterior(prior: [prevalence, 1 - prevalence], likelihoods: [sensitivity, 1 - specificity])
}
chapter.check(
    "P(+)", computed: firstTest.evidence, byHand: 0.0594, derivation: "0.99 · 0.01 + 0.05 · 0.99 = 0.0099 + 0.0495")
chapter.check("P(D | +)", computed: firstTest.posterior[0], byHand: 1.0 / 6, derivation: "0.0099/0.0594 = 1/6")
chapter.say(
    "Only 1 in 6: the healthy are so many that their 5 % false positives outnumber the true ones. A second, independent positive test starts from the prior 1/6:"
)
let secondTest = validated { () throws(ProbabilityError) in
    try bayesPosterior(prior: firstTest.posterior, likelihoods: [sensitivity, 1 - specificity])
}
chapter.check(
    "P(D | +, +)", computed: secondTest.posterior[0], byHand: 0.99 / 1.24,
    derivation: "0.99 · (1/6) / (0.99 · (1/6) + 0.05 · (5/6)) = 0.99/1.24")

// MARK: 3.10 Maximum likelihood and the MSE

chapter.section("Maximum likelihood with Gaussian noise gives the mean squared error")
chapter.say(
    "Model y = w x + ε with ε ~ N(0, σ²). The likelihood of w is the probability density of the observed y. Its negative log is a constant plus the sum of squared errors over 2σ²: maximising the likelihood is minimising the squared error, whatever σ is."
)
chapter.formula(
    "−ln L(w) = (n/2) ln(2πσ²) + (1/(2σ²)) Σᵢ (yᵢ − w xᵢ)²\nd/dw = 0  ⇒  ŵ = Σᵢ xᵢ yᵢ / Σᵢ xᵢ²  (least squares)")
let xs: [Double] = [1, 2, 3], ys: [Double] = [2.1, 3.9, 6.2]
let noise = 0.5
chapter.show("x", xs)
chapter.show("y", ys)
chapter.show("σ", noise)
func logLikelihood(_ w: Double) -> Double {
    xs.indices.reduce(0) { $0 + Gaussian(mean: w * xs[$1], standardDeviation: noise).logPDF(ys[$1]) }
}
let wHat = xs.dot(ys) / xs.dot(xs)
chapter.check("ŵ", computed: wHat, byHand: 28.5 / 14, derivation: "(2.1 + 7.8 + 18.6)/(1 + 4 + 9) = 28.5/14")
chapter.check(
    "d ln L/dw at ŵ (central difference)", computed: centralDifference(of: logLikelihood, at: wHat), byHand: 0,
    derivation: "the maximum", tolerance: .numerical)
let residuals = (Matrix(column: ys) - wHat * Matrix(column: xs)).elements
let squaredError = residuals.dot(residuals)
chapter.check(
    "Σ (yᵢ − ŵ xᵢ)²", computed: squaredError, byHand: 58.06 - 28.5 * 28.5 / 14,
    derivation: "Σ y² − ŵ Σ xy = 58.06 − 28.5²/14")
chapter.check(
    "−ln L(ŵ) − (n/2) ln(2πσ²) = SSE/(2σ²)", computed: -logLikelihood(wHat) - 1.5 * log(2 * Double.pi * noise * noise),
    byHand: (58.06 - 28.5 * 28.5 / 14) / (2 * noise * noise), derivation: "0.0421429/0.5")
chapter.check(
    "ln L is lower a step away from ŵ",
    holds: logLikelihood(wHat + 0.01) < logLikelihood(wHat) && logLikelihood(wHat - 0.01) < logLikelihood(wHat),
    detail: "ln L(ŵ ± 0.01) < ln L(ŵ) = \(formatCompact(logLikelihood(wHat), significantDigits: 8))")

// MARK: 3.11 Maximum likelihood and cross-entropy

chapter.section("Maximum likelihood with Bernoulli labels gives the cross-entropy")
chapter.say(
    "Labels y ∈ {0, 1} predicted with probability p of a 1. The likelihood of the labels is Π pʸ (1 − p)¹⁻ʸ; its negative log, averaged, is the binary cross-entropy between each label [y, 1 − y] and the prediction [p, 1 − p]."
)
chapter.formula(
    "−(1/n) ln L(p) = −(1/n) Σᵢ [yᵢ ln p + (1 − yᵢ) ln(1 − p)] = (1/n) Σᵢ H([yᵢ, 1 − yᵢ], [p, 1 − p])\nd/dp = 0  ⇒  p̂ = (number of ones)/n"
)
let labels = [1, 0, 1, 1]
chapter.show("labels", labels.map(Double.init))
let p = 0.6
let averageNLL = -Bernoulli(p).logLikelihood(labels) / Double(labels.count)
let averageCrossEntropy = mean(
    labels.map { y in
        validated { () throws(ProbabilityError) in try crossEntropy([Double(y), 1 - Double(y)], [p, 1 - p]) }
    })
chapter.check(
    "−(1/n) ln L(0.6)", computed: averageNLL, byHand: -(3 * log(0.6) + log(0.4)) / 4,
    derivation: "−(3 ln 0.6 + ln 0.4)/4")
chapter.check(
    "mean cross-entropy at p = 0.6", computed: averageCrossEntropy, byHand: -(3 * log(0.6) + log(0.4)) / 4,
    derivation: "the same sum")
let pHat = 0.75
chapter.check(
    "d ln L/dp at p̂ = 3/4 (central difference)",
    computed: centralDifference(of: { Bernoulli($0).logLikelihood(labels) }, at: pHat), byHand: 0,
    derivation: "3/p − 1/(1 − p) at ¾ = 4 − 4", tolerance: .numerical)
chapter.check(
    "ln L(p̂)", computed: Bernoulli(pHat).logLikelihood(labels), byHand: 3 * log(0.75) + log(0.25),
    derivation: "3 ln ¾ + ln ¼")
chapter.say(
    "Chapter 4 shows the same for many classes: the average negative log-likelihood is the cross-entropy, which is the entropy of the data plus a KL divergence."
)

maximumAPosteriori(&chapter, xs: xs, ys: ys, noise: noise)
irisBayes(&chapter)
bookCorrections(&chapter, die: die)

chapter.finish()
