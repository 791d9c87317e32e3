// 3.12 MAP estimation: a Gaussian prior is L2 (ridge), a Laplace prior is L1 (lasso).
import DLMath
import DLPresentation
import Foundation

func maximumAPosteriori(_ chapter: inout Chapter, xs: [Double], ys: [Double], noise sigma: Double) {
    chapter.section("MAP estimation: priors are regularisers")
    chapter.say(
        "Maximum likelihood trusts the data alone. A prior p(w) says which weights we believe before seeing any; Bayes' rule gives the posterior p(w | data) ∝ p(data | w) p(w), and the MAP estimate maximises it. Its negative log is the loss of 3.10 plus −log p(w): a Gaussian prior N(0, τ²) adds w²/(2τ²), the L2 penalty (ridge, weight decay) with λ = σ²/τ²; a Laplace prior p(w) = e^(−|w|/b)/(2b) adds |w|/b, the L1 penalty (lasso)."
    )
    chapter.formula(
        """
        −ln p(w | data) = (1/(2σ²)) Σᵢ (yᵢ − w xᵢ)² − ln p(w) + const
        Gaussian prior:  + w²/(2τ²)   ⇒  ŵ = Σ xᵢyᵢ / (Σ xᵢ² + σ²/τ²)
        Laplace prior:   + |w|/b      ⇒  ŵ = sign(s)·max(|s| − σ²/b, 0) / Σ xᵢ²,  s = Σ xᵢyᵢ
        """)
    let sxy = xs.dot(ys), sxx = xs.dot(xs)
    let tau = 0.5
    /// −ln of the posterior up to a constant, from the Gaussian log-density of each y and the prior's log-density.
    func negativeLogPosterior(_ w: Double, logPrior: (Double) -> Double) -> Double {
        -xs.indices.reduce(0) { $0 + Gaussian(mean: w * xs[$1], standardDeviation: sigma).logPDF(ys[$1]) } - logPrior(w)
    }
    let gaussianPrior: (Double) -> Double = { Gaussian(mean: 0, standardDeviation: tau).logPDF($0) }
    let ridge = sxy / (sxx + sigma * sigma / (tau * tau))
    chapter.say(
        "The data of 3.10 (σ = 0.5) with the prior τ = 0.5, so λ = σ²/τ² = 1: the prior pulls ŵ from 28.5/14 = 2.036 towards 0."
    )
    chapter.check(
        "ŵ_MAP with a Gaussian prior, τ = 0.5", computed: ridge, byHand: 1.9,
        derivation: "28.5/(14 + 0.25/0.25) = 28.5/15")
    chapter.check(
        "d/dw −ln p(w | data) at ŵ_MAP (central difference)",
        computed: centralDifference(of: { negativeLogPosterior($0, logPrior: gaussianPrior) }, at: ridge), byHand: 0,
        derivation: "(1.9 · 14 − 28.5)/0.25 + 1.9/0.25 = (26.6 − 28.5 + 1.9)/0.25", tolerance: .numerical)
    chapter.say(
        "A Laplace prior with scale b: the posterior has a kink at 0, and when the data pull less than σ²/b the estimate is exactly 0. That is why L1 gives sparse weights. Minimising −ln p(w | data) on a grid of step 1e-4 over [−1, 3] (no closed form used):"
    )
    var table = TextTable(["b", "σ²/b", "ŵ closed form", "ŵ on the grid"], alignments: [.right, .right, .right, .right])
    var closedForms: [Double] = [], gridMinima: [Double] = []
    for b in [0.05, 0.005] {
        let laplacePrior: (Double) -> Double = { -abs($0) / b - log(2 * b) }
        let shrink = sigma * sigma / b
        let closed = (sxy > 0 ? 1.0 : -1.0) * max(abs(sxy) - shrink, 0) / sxx
        let grid = (0...40_000).map { -1 + Double($0) * 1e-4 }
        let best =
            grid.min {
                negativeLogPosterior($0, logPrior: laplacePrior) < negativeLogPosterior($1, logPrior: laplacePrior)
            } ?? .nan
        closedForms.append(closed)
        gridMinima.append(best)
        table.append([
            formatCompact(b), formatCompact(shrink), formatFixed(closed, decimals: 4), formatFixed(best, decimals: 4)
        ])
    }
    chapter.table(table)
    chapter.check(
        "ŵ_MAP, Laplace prior, b = 0.05 and b = 0.005", computed: closedForms, byHand: [23.5 / 14, 0],
        derivation: "[(28.5 − 0.25/0.05)/14, 0 (28.5 is below 0.25/0.005 = 50)]")
    chapter.check(
        "the grid minimum agrees with the closed form to the grid step", computed: gridMinima, byHand: closedForms,
        derivation: "the closed forms above", tolerance: Tolerance(absolute: 1e-4, relative: 0))
}
