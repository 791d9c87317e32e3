// 3.14 Where the book is wrong: rand is not zero-mean noise, a density is not a probability, variance is not an average distance.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter, die: DiscreteDistribution) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book's code is quoted exactly. The claims in quotation marks that are not code are the readings of deep-learning texts like the book that these slips come from, stated here to be checked, not quotations of the book's text."
    )
    chapter.say(
        "1. The book adds np.random.rand(100, 1) to its targets as noise. rand draws uniformly from [0, 1): mean ½, variance 1/12, standard deviation 0.289, never negative. That is not the small zero-mean noise of y = 0.5 x₁ + 0.3 x₂ + ε: it shifts every target up by ½ on average, so the \"true\" model is y = 0.5 x₁ + 0.3 x₂ + 0.5 + (zero-mean noise), and a model without an intercept cannot fit it. 100 draws (seed 100, as in chapter 1):"
    )
    var generator = SeededGenerator(seed: 100)
    _ = generator.uniformMatrix(rows: 100, columns: 2)  // X, drawn first as in chapter 1
    let noise = generator.uniformMatrix(rows: 100, columns: 1).elements
    chapter.check(
        "mean of rand(100, 1) (to within 4 · 0.289/√100 = 0.116)", computed: mean(noise), byHand: 0.5,
        derivation: "∫₀¹ u du", tolerance: Tolerance(absolute: 4 * (1.0 / 12).squareRoot() / 10, relative: 0))
    chapter.check(
        "its variance, unbiased (to within 0.04)", computed: variance(noise, correction: .unbiased), byHand: 1.0 / 12,
        derivation: "∫₀¹ u² du − ¼ = ⅓ − ¼", tolerance: Tolerance(absolute: 0.04, relative: 0))
    chapter.say(
        "A least-squares fit y ≈ b + w₁x₁ + w₂x₂ finds the shift in the intercept b. One sample of 100 is noisy (the standard error of b is about √((1/12)(1 + 6)/100) = 0.076), so the fit is repeated on 200 samples (seeds 1…200):"
    )
    var intercepts: [Double] = []
    for seed in 1...200 {
        var sampleGenerator = SeededGenerator(seed: UInt64(seed))
        let sampleX = sampleGenerator.uniformMatrix(rows: 100, columns: 2)
        let sampleNoise = sampleGenerator.uniformMatrix(rows: 100, columns: 1)
        let y = sampleX * Matrix(column: [0.5, 0.3]) + sampleNoise
        if let fit = normalEquationsSolution(features: LinearRegression.withIntercept(sampleX), targets: y) {
            intercepts.append(fit[0, 0])
        }
    }
    chapter.show(
        "the fitted intercepts: mean, standard deviation",
        [mean(intercepts), standardDeviation(intercepts, correction: .unbiased)])
    chapter.check(
        "mean fitted intercept over 200 samples (to within 4 · 0.076/√200 = 0.022)", computed: mean(intercepts),
        byHand: 0.5,
        derivation: "E[noise] = ½", tolerance: Tolerance(absolute: 4 * 0.0764 / 200.0.squareRoot(), relative: 0))
    chapter.say(
        "The fix: np.random.normal(0, 0.1, (100, 1)) (or 0.1 · np.random.randn(100, 1)), noise of mean 0 whose size is a stated choice. Chapter 11 uses N(0, 0.1²) and says so."
    )

    chapter.say(
        "2. Reading a density as a probability (\"p(x) is the probability of x\", so at most 1). For a continuous variable P(X = x) = 0; p(x) is probability per unit length and can be any size. N(0, 0.1²), the noise chapter 11 uses, has density about 4 at 0:"
    )
    chapter.check(
        "N(0, 0.1²) density at 0", computed: Gaussian(mean: 0, standardDeviation: 0.1).pdf(0),
        byHand: 10 / (2 * Double.pi).squareRoot(),
        derivation: "1/(0.1 √(2π)), more than 1")
    chapter.check(
        "P(−0.01 < X < 0.01) ≈ p(0) · 0.02, a small probability",
        computed: Gaussian(mean: 0, standardDeviation: 0.1).cdf(0.01)
            - Gaussian(mean: 0, standardDeviation: 0.1).cdf(-0.01),
        byHand: 0.0797, derivation: "about 3.989 · 0.02 = 0.0798; erf(0.1/√2) to 4 digits",
        tolerance: Tolerance(absolute: 2e-4, relative: 0))

    chapter.say(
        "3. \"The variance is the average distance of the data from the mean.\" That is the mean absolute deviation. The variance is the average squared distance, in squared units; its root, the standard deviation, is not the average distance either. For a fair die:"
    )
    let meanAbsoluteDeviation = die.expectation { abs($0 - 3.5) }
    chapter.check(
        "E|X − 3.5| for a fair die", computed: meanAbsoluteDeviation, byHand: 1.5,
        derivation: "(2.5 + 1.5 + 0.5) · 2/6 = 9/6")
    chapter.check(
        "σ = √Var X differs from it", holds: abs(die.standardDeviation - 1.5) > 0.2,
        detail:
            "σ = √(35/12) = \(formatFixed(die.standardDeviation, decimals: 4)), Var X = 35/12 = \(formatFixed(die.variance, decimals: 4))"
    )
}
