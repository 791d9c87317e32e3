import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 3: probability. Monte Carlo checks use a fixed seed and a
    /// tolerance of 5 standard errors σ/√n, with σ derived in the method text.
    static var chapter03: [Formula] {
        [
            Formula(
                "3.1", "E[X] = n p for X ~ Binomial(20, 0.3)",
                method: "Σₖ k P(X = k) over k = 0…20",
                scalar: {
                    let b = Binomial(trials: 20, probability: 0.3)
                    return (b.mean, (0...20).reduce(0.0) { $0 + Double($1) * b.pmf($1) })
                }),
            Formula(
                "3.2", "Var X = n p (1 − p) for X ~ Binomial(20, 0.3)",
                method: "Σₖ (k − n p)² P(X = k)",
                scalar: {
                    let b = Binomial(trials: 20, probability: 0.3)
                    return (b.variance, (0...20).reduce(0.0) { $0 + (Double($1) - 6) * (Double($1) - 6) * b.pmf($1) })
                }),
            Formula(
                "3.3", "ln C(n, k) = lgamma(n+1) − lgamma(k+1) − lgamma(n−k+1)  (n = 1000, k = 400)",
                method: "Σᵢ₌₁ᵏ ln((n − k + i)/i), a sum of 400 logs",
                tolerance: Tolerance(absolute: 1e-10, relative: 1e-12),
                scalar: {
                    (
                        logBinomialCoefficient(1000, 400),
                        (1...400).reduce(0.0) { $0 + log(Double(600 + $1) / Double($1)) }
                    )
                }),
            Formula(
                "3.4", "Σₖ P(X = k) = 1 for X ~ Binomial(1000, 0.37)",
                method: "sum of exp(log-pmf) over k = 0…1000", tolerance: Tolerance(absolute: 1e-12, relative: 0),
                scalar: {
                    let b = Binomial(trials: 1000, probability: 0.37)
                    return (1, (0...1000).reduce(0.0) { $0 + b.pmf($1) })
                }),
            Formula(
                "3.5", "∫ (x − μ)² p(x) dx = σ² for N(1, 1.5²)",
                method: "Simpson's rule on μ ± 12σ, 4000 intervals", tolerance: Tolerance(absolute: 1e-11, relative: 0),
                scalar: {
                    let g = Gaussian(mean: 1, standardDeviation: 1.5)
                    let variance = simpsonIntegral(from: 1 - 18, to: 1 + 18, intervals: 4000) {
                        ($0 - 1) * ($0 - 1) * g.pdf($0)
                    }
                    return (g.variance, variance)
                }),
            Formula(
                "3.6", "Φ(x) = ½ (1 + erf((x − μ)/(σ√2))) at x = 0.7 for N(−0.3, 2²)",
                method: "½ + ∫ from μ to x of the pdf, Simpson 400 intervals",
                tolerance: Tolerance(absolute: 1e-13, relative: 0),
                scalar: {
                    let g = Gaussian(mean: -0.3, standardDeviation: 2)
                    return (g.cdf(0.7), 0.5 + simpsonIntegral(from: -0.3, to: 0.7, intervals: 400) { g.pdf($0) })
                }),
            Formula(
                "3.7", "E[X²] = μ² + σ² for X ~ N(1, 2²)",
                method: "Monte Carlo, n = 10⁵, seed 3; sd(X²) = √(4μ²σ² + 2σ⁴) = √48, tol 5√48/√n = 0.11",
                tolerance: Tolerance(absolute: 5 * 48.0.squareRoot() / 1e5.squareRoot(), relative: 0),
                scalar: {
                    var rng = SeededGenerator(seed: 3)
                    let squares = (0..<100_000).map { _ -> Double in
                        let x = rng.normal(mean: 1, standardDeviation: 2)
                        return x * x
                    }
                    return (1 + 4, mean(squares))
                }),
            Formula(
                "3.8", "E[s²_unbiased] = σ², E[s²_biased] = (n−1)/n σ² for samples of n = 5 from N(0, 2²)",
                method: "Monte Carlo, 20 000 samples, seed 5; sd(s²) = σ²√(2/(n−1)) = 2√2, tol 5·2√2/√20000 = 0.1",
                tolerance: Tolerance(absolute: 0.1, relative: 0),
                evaluate: {
                    var rng = SeededGenerator(seed: 5)
                    var unbiased = 0.0, biased = 0.0
                    let samples = 20_000
                    for _ in 0..<samples {
                        let draws = (0..<5).map { _ in rng.normal(mean: 0, standardDeviation: 2) }
                        unbiased += variance(draws, correction: .unbiased)
                        biased += variance(draws, correction: .biased)
                    }
                    return ([4, 4 * 4.0 / 5], [unbiased / Double(samples), biased / Double(samples)])
                }),
            Formula(
                "3.9", "P(D | +) = P(+ | D) P(D) / P(+)  (prevalence 1 %, sensitivity 99 %, specificity 95 %)",
                method: "counting 100 000 people: 990 sick and 4950 healthy test positive, 990/5940",
                scalar: {
                    let posterior =
                        (try? bayesPosterior(prior: [0.01, 0.99], likelihoods: [0.99, 0.05]).posterior[0]) ?? .nan
                    return (posterior, 990.0 / (990 + 4950))
                }),
            Formula(
                "3.10", "C = X̃ᵀ X̃ / (n − 1), the covariance matrix (30 x 3 seeded data)",
                method: "each entry as covariance(column j, column k)",
                tolerance: Tolerance(absolute: 1e-13, relative: 1e-12),
                evaluate: {
                    var rng = SeededGenerator(seed: 10)
                    let data = rng.normalMatrix(rows: 30, columns: 3)
                    let pairwise = (0..<3).flatMap { j in
                        (0..<3).map { k in covariance(data.column(j), data.column(k), correction: .unbiased) }
                    }
                    return (covarianceMatrix(data, correction: .unbiased).elements, pairwise)
                })
        ]
    }
}
