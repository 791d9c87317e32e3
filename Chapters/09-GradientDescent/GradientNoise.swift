// Chapter 9, 9.5: the noise of a mini-batch gradient shrinks as 1/B.
import DLMath
import DLPresentation
import Foundation

/// E‖g_B − g‖² over random batches of each size, at `weights`, against tr Σ / B · (n − B)/(n − 1).
func gradientNoise(_ chapter: inout Chapter, features x: Matrix, targets y: Matrix, at weights: [Double]) {
    chapter.section("The noise of a mini-batch gradient shrinks as 1/B")
    chapter.say(
        "A mini-batch gradient g_B is the mean of B per-example gradients gᵢ = 2 xᵢ (xᵢ·w − yᵢ) drawn without "
            + "replacement from the n examples. It is unbiased, E[g_B] = g, and its squared error is the per-example "
            + "spread divided by B, with a correction for drawing from a finite set:")
    chapter.formula("E‖g_B − g‖² = (tr Σ / B) · (n − B)/(n − 1),   tr Σ = (1/n) Σᵢ ‖gᵢ − g‖²")
    let n = x.rows, d = x.columns
    // The per-example gradients, one scalar at a time (not the module's gradient code).
    let perExample: [[Double]] = (0..<n).map { i in
        var residual = -y[i, 0]
        for k in 0..<d { residual += x[i, k] * weights[k] }
        return (0..<d).map { 2 * x[i, $0] * residual }
    }
    let mean = (0..<d).map { k in perExample.reduce(0) { $0 + $1[k] } / Double(n) }
    let trace =
        perExample.reduce(0) { total, g in total + zip(g, mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        / Double(n)
    chapter.show("w", weights)
    chapter.show("tr Σ at w", trace)
    let model = LinearRegression(weights: Matrix(column: weights))
    let full = model.gradient(features: x, targets: y).elements
    var generator = SeededGenerator(seed: 99)
    let trials = 2000
    let sizes = [1, 4, 16, 64]
    var table = TextTable(
        ["B", "measured E‖g_B − g‖²", "by hand tr Σ/B · (n − B)/(n − 1)", "B × measured"],
        alignments: [.right, .right, .right, .right])
    var measured: [Double] = [], predicted: [Double] = []
    var stochasticMean = [Double](repeating: 0, count: d)  // the mean of the B = 1 gradients
    for size in sizes {
        var total = 0.0
        for _ in 0..<trials {
            let batch = Array(Array(0..<n).shuffled(using: &generator).prefix(size))
            let g = model.gradient(features: x.rows(at: batch), targets: y.rows(at: batch)).elements
            total += zip(g, full).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            if size == 1 { for k in 0..<d { stochasticMean[k] += g[k] / Double(trials) } }
        }
        let value = total / Double(trials)
        let formula = trace / Double(size) * Double(n - size) / Double(n - 1)
        measured.append(value)
        predicted.append(formula)
        table.append([
            String(size), formatCompact(value, significantDigits: 4), formatCompact(formula, significantDigits: 4),
            formatCompact(Double(size) * value, significantDigits: 4)
        ])
    }
    chapter.table(table)
    chapter.say(
        "Each 4× in the batch divides the squared noise by about 4 (a little more as B nears n: a batch of all n "
            + "examples has no noise at all). The standard deviation falls only as 1/√B: a batch of 64 gives a gradient "
            + "about 8 times less noisy than one example, for 64 times the arithmetic.")
    chapter.check(
        "the measured squared noise against tr Σ/B · (n − B)/(n − 1) for B = 1, 4, 16, 64 (\(trials) batches each)",
        computed: measured, byHand: predicted, derivation: "the per-example spread over B, finite-population corrected",
        tolerance: Tolerance(absolute: 0, relative: 0.15))
    // The mean of `trials` draws has squared error tr Σ · (n − 1)/(n − 1)/trials = tr Σ / trials in all, about
    // tr Σ/(d · trials) per coordinate; 4 standard errors allowed.
    let bias = zip(stochasticMean, full).map { abs($0 - $1) }.max()!
    let standardError = (trace / Double(trials)).squareRoot()
    chapter.check(
        "unbiased: the mean of the \(trials) one-example gradients is within 4 standard errors of g",
        holds: bias < 4 * standardError,
        detail:
            "largest coordinate gap \(formatScientific(bias, significantDigits: 2)), standard error at most √(tr Σ/\(trials)) = \(formatScientific(standardError, significantDigits: 2))"
    )
}
