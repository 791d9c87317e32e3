import DLMath
import Foundation
import Testing

@Suite("Distributions")
struct DistributionTests {
    @Test("Gaussian pdf and log-pdf by hand")
    func gaussianDensity() {
        // N(0, 1) at 0: 1/√(2π) = 0.3989422804014327; at 1: e^(−1/2)/√(2π).
        let root2pi = (2 * Double.pi).squareRoot()
        expectClose(Gaussian.standard.pdf(0), 1 / root2pi)
        expectClose(Gaussian.standard.pdf(0), 0.3989422804014327, absolute: 0, relative: 1e-15)
        expectClose(Gaussian.standard.pdf(1), exp(-0.5) / root2pi)
        expectClose(Gaussian.standard.pdf(-1), Gaussian.standard.pdf(1))
        // N(1, 2²) at 3: z = 1, density e^(−1/2)/(2√(2π)).
        let g = Gaussian(mean: 1, standardDeviation: 2)
        expectClose(g.pdf(3), exp(-0.5) / (2 * root2pi))
        expectClose(g.variance, 4)
        // ln N(1, 2²)(3) = −½ ln(8π) − ½.
        expectClose(g.logPDF(3), -0.5 * log(8 * Double.pi) - 0.5)
        // Far in the tail the density underflows but the log-density does not:
        // ln N(0, 1)(100) = −½ ln(2π) − 5000.
        #expect(Gaussian.standard.pdf(100) == 0)
        expectClose(Gaussian.standard.logPDF(100), -0.5 * log(2 * Double.pi) - 5000)
    }

    @Test("Gaussian pdf integrates to 1 with variance σ² (Simpson's rule)")
    func gaussianIntegrals() {
        let g = Gaussian(mean: -1, standardDeviation: 0.5)
        // ±12σ leaves out 2Φ(−12) ≈ 4e-33 of the mass.
        let a = g.mean - 12 * g.standardDeviation, b = g.mean + 12 * g.standardDeviation
        expectClose(simpsonIntegral(from: a, to: b, intervals: 4000) { g.pdf($0) }, 1, absolute: 1e-12, relative: 0)
        expectClose(
            simpsonIntegral(from: a, to: b, intervals: 4000) { $0 * g.pdf($0) }, -1, absolute: 1e-12, relative: 0)
        expectClose(
            simpsonIntegral(from: a, to: b, intervals: 4000) { ($0 + 1) * ($0 + 1) * g.pdf($0) }, 0.25,
            absolute: 1e-12, relative: 0)
    }

    @Test("Gaussian CDF: Φ(0) = ½, symmetry, tabulated values, the integral of the pdf")
    func gaussianCDF() {
        let standard = Gaussian.standard
        expectClose(standard.cdf(0), 0.5)
        expectClose(Gaussian(mean: 3, standardDeviation: 2).cdf(3), 0.5)
        for x in [0.3, 1, 2.5] { expectClose(standard.cdf(x) + standard.cdf(-x), 1, absolute: 1e-15, relative: 0) }
        // Tabulated: Φ(1) − Φ(−1) = erf(1/√2) = 0.682689492137086, Φ(1.96) = 0.9750021048517796 (mpmath at 30 digits: 0.97500210485177956…).
        expectClose(standard.cdf(1) - standard.cdf(-1), 0.682689492137086, absolute: 1e-14, relative: 0)
        expectClose(standard.cdf(1.96), 0.9750021048517796, absolute: 1e-15, relative: 0)
        // The far left tail keeps relative precision: Φ(−10) = 7.619853024160526e-24 (tabulated; mpmath ncdf at 30 digits).
        expectClose(standard.cdf(-10), 7.619853024160526e-24, absolute: 0, relative: 1e-12)
        // Independently: Φ(x) = ½ + ∫₀ˣ pdf for N(1, 2²) at x = 2.2.
        let g = Gaussian(mean: 1, standardDeviation: 2)
        expectClose(
            g.cdf(2.2), 0.5 + simpsonIntegral(from: 1, to: 2.2, intervals: 200) { g.pdf($0) },
            absolute: 1e-12, relative: 0)
    }

    @Test("Gaussian entropy and KL divergence by hand")
    func gaussianInformation() {
        // h(N(0, 1)) = ½ ln(2πe) = ½ (1 + ln 2π).
        expectClose(Gaussian.standard.entropy, 0.5 * (1 + log(2 * Double.pi)))
        // KL(N(0, 1) ‖ N(1, 2²)) = ln 2 + (1 + 1)/(2 · 4) − ½ = ln 2 − ¼.
        let q = Gaussian(mean: 1, standardDeviation: 2)
        expectClose(Gaussian.standard.klDivergence(from: q), log(2) - 0.25)
        expectClose(q.klDivergence(from: q), 0)
        // KL(N(1, 2²) ‖ N(0, 1)) = ln ½ + (4 + 1)/2 − ½ = 2 − ln 2: not symmetric.
        expectClose(q.klDivergence(from: .standard), 2 - log(2))
    }

    @Test("Bernoulli pmf, log-pmf, mean and variance by hand; the pmf sums to 1")
    func bernoulli() {
        let b = Bernoulli(0.3)
        expectClose(b.pmf(1), 0.3)
        expectClose(b.pmf(0), 0.7)
        #expect(b.pmf(2) == 0 && b.pmf(-1) == 0)
        expectClose(b.pmf(0) + b.pmf(1), 1)
        expectClose(b.logPMF(1), log(0.3))
        expectClose(b.logPMF(0), log(0.7))
        expectClose(b.mean, 0.3)
        expectClose(b.variance, 0.21)
        // Certain outcomes: 0 · ln 0 = 0, so ln P = 0; the impossible one is −∞.
        #expect(Bernoulli(0).logPMF(0) == 0 && Bernoulli(0).logPMF(1) == -.infinity)
        #expect(Bernoulli(1).logPMF(1) == 0 && Bernoulli(1).logPMF(0) == -.infinity)
        // Labels [1, 0, 1, 1] under p = 0.75: 3 ln 0.75 + ln 0.25.
        expectClose(Bernoulli(0.75).logLikelihood([1, 0, 1, 1]), 3 * log(0.75) + log(0.25))
    }

    @Test("binomial pmf by hand")
    func binomialByHand() {
        // C(5, 3) / 2⁵ = 10/32.
        expectClose(Binomial(trials: 5, probability: 0.5).pmf(3), 10.0 / 32)
        // C(4, 2) 0.3² 0.7² = 6 · 0.09 · 0.49 = 0.2646.
        expectClose(Binomial(trials: 4, probability: 0.3).pmf(2), 0.2646)
        #expect(Binomial(trials: 4, probability: 0.3).pmf(5) == 0 && Binomial(trials: 4, probability: 0.3).pmf(-1) == 0)
        // p = 0: all mass on k = 0; 0 trials: all mass on 0.
        #expect(Binomial(trials: 6, probability: 0).pmf(0) == 1 && Binomial(trials: 6, probability: 0).pmf(1) == 0)
        #expect(Binomial(trials: 0, probability: 0.4).pmf(0) == 1)
        // One trial is a Bernoulli.
        expectClose(Binomial(trials: 1, probability: 0.3).pmf(1), Bernoulli(0.3).pmf(1))
    }

    @Test("binomial pmf sums to 1 and has mean n p and variance n p (1 − p)", arguments: [(20, 0.3), (1000, 0.37)])
    func binomialMoments(_ n: Int, _ p: Double) {
        let b = Binomial(trials: n, probability: p)
        let pmf = (0...n).map { b.pmf($0) }
        let ks = (0...n).map(Double.init)
        expectClose(pmf.sum, 1, absolute: 1e-12, relative: 0)
        expectClose(pmf.dot(ks), Double(n) * p, absolute: 1e-9, relative: 1e-12)
        let mu = Double(n) * p
        expectClose(pmf.dot(ks.map { ($0 - mu) * ($0 - mu) }), Double(n) * p * (1 - p), absolute: 1e-9, relative: 1e-11)
        expectClose(b.mean, Double(n) * p)
        expectClose(b.variance, Double(n) * p * (1 - p))
    }

    @Test("binomial log-pmf is stable for n = 1000 and agrees with a sum of logs")
    func binomialLogPMFLarge() {
        // Independent: ln C(n, k) = Σᵢ₌₁ᵏ ln((n − k + i)/i).
        func logChooseBySum(_ n: Int, _ k: Int) -> Double {
            (1...max(k, 1)).reduce(0.0) { $0 + (k == 0 ? 0 : log(Double(n - k + $1) / Double($1))) }
        }
        for (n, k) in [(1000, 500), (1000, 3), (1000, 999), (50, 25)] {
            expectClose(logBinomialCoefficient(n, k), logChooseBySum(n, k), absolute: 1e-10, relative: 1e-12)
        }
        // ln P(500; 1000, ½) = ln C(1000, 500) − 1000 ln 2.
        expectClose(
            Binomial(trials: 1000, probability: 0.5).logPMF(500), logChooseBySum(1000, 500) - 1000 * log(2),
            absolute: 1e-10, relative: 0)
        // k = 0 with p = 0.9: 0.1¹⁰⁰⁰ = 1e-1000 underflows, its log is −1000 ln 10.
        let b = Binomial(trials: 1000, probability: 0.9)
        #expect(b.pmf(0) == 0)
        expectClose(b.logPMF(0), -1000 * log(10.0), absolute: 0, relative: 1e-14)
        #expect(b.logPMF(1001) == -.infinity)
        #expect(logBinomialCoefficient(0, 0) == 0)  // ln 1, exact by construction
    }

    @Test("discrete random variable: a fair die by hand")
    func die() throws {
        // E = (1 + … + 6)/6 = 3.5; E[X²] = 91/6; Var = 91/6 − 49/4 = 35/12.
        let die = try DiscreteDistribution(
            values: [1, 2, 3, 4, 5, 6], probabilities: Array(repeating: 1.0 / 6, count: 6))
        expectClose(die.mean, 3.5)
        expectClose(die.expectation { $0 * $0 }, 91.0 / 6)
        expectClose(die.variance, 35.0 / 12)
        expectClose(die.standardDeviation, (35.0 / 12).squareRoot())
        #expect(throws: ProbabilityError("DiscreteDistribution", "2 values but 1 probabilities")) {
            try DiscreteDistribution(values: [0, 1], probabilities: [1])
        }
        #expect(throws: ProbabilityError("DiscreteDistribution", "probabilities sum to 0.9, not 1")) {
            try DiscreteDistribution(values: [0, 1], probabilities: [0.5, 0.4])
        }
    }

    @Test("categorical: pmf, log-pmf and the average negative log-likelihood by hand")
    func categorical() throws {
        let q = try Categorical([0.25, 0.5, 0.25])
        #expect(q.classes == 3)
        expectClose(q.pmf(1), 0.5)
        #expect(q.pmf(3) == 0 && q.logPMF(3) == -.infinity)
        // Labels [0, 1, 1, 2]: −(ln ¼ + 2 ln ½ + ln ¼)/4 = (4 ln 2 + 2 ln 2)/4 = 1.5 ln 2.
        expectClose(q.averageNegativeLogLikelihood([0, 1, 1, 2]), 1.5 * log(2))
        expectClose(empiricalDistribution([0, 1, 1, 2], classes: 3), [0.25, 0.5, 0.25])
        expectClose(empiricalDistribution([2, 2], classes: 4), [0, 0, 1, 0])
        #expect(throws: ProbabilityError("Categorical", "probability [1] = -0.5 is negative")) {
            try Categorical([1.5, -0.5])
        }
    }

    @Test("Bayes' rule on a diagnostic test by hand")
    func bayes() throws {
        // Prevalence 1 %, sensitivity 99 %, specificity 95 %:
        // P(+) = 0.99 · 0.01 + 0.05 · 0.99 = 0.0099 + 0.0495 = 0.0594,
        // P(sick | +) = 0.0099 / 0.0594 = 1/6.
        let (posterior, evidence) = try bayesPosterior(prior: [0.01, 0.99], likelihoods: [0.99, 0.05])
        expectClose(evidence, 0.0594)
        expectClose(posterior, [1.0 / 6, 5.0 / 6])
        // A second positive test, with 1/6 as the prior: 0.99/(0.99 + 5 · 0.05) = 0.99/1.24.
        let second = try bayesPosterior(prior: posterior, likelihoods: [0.99, 0.05]).posterior
        expectClose(second[0], 0.99 / 1.24)
        #expect(throws: ProbabilityError("bayesPosterior", "likelihood [1] = 1.5 is not in [0, 1]")) {
            try bayesPosterior(prior: [0.5, 0.5], likelihoods: [0.2, 1.5])
        }
        #expect(throws: ProbabilityError("bayesPosterior", "prior: probabilities sum to 0.6, not 1")) {
            try bayesPosterior(prior: [0.5, 0.1], likelihoods: [0.2, 0.5])
        }
        #expect(throws: ProbabilityError("bayesPosterior", "the evidence has probability 0 under every hypothesis")) {
            try bayesPosterior(prior: [1, 0], likelihoods: [0, 1])
        }
    }

    @Test("Simpson's rule is exact for cubics and accurate for sin")
    func simpson() {
        // ∫₀¹ x³ dx = ¼; ∫₀^π sin = 2 with error at most (b − a) h⁴ max|sin⁗| / 180
        // = π⁵ / (180 · 1000⁴) ≈ 1.70e-12 for n = 1000 intervals.
        expectClose(simpsonIntegral(from: 0, to: 1, intervals: 2) { $0 * $0 * $0 }, 0.25, absolute: 1e-15, relative: 0)
        expectClose(
            simpsonIntegral(from: 0, to: Double.pi, intervals: 1000) { sin($0) }, 2, absolute: 1.71e-12, relative: 0)
        // An odd interval count is rounded up to even and still exact for x².
        expectClose(simpsonIntegral(from: 0, to: 3, intervals: 3) { $0 * $0 }, 9, absolute: 1e-13, relative: 0)
    }
}
