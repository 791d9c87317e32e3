// Chapter 9 · Gradient descent. Run: swift run ch09
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 9, title: "Gradient descent")

// MARK: 9.1 One dimension, solved by hand

chapter.section("Gradient descent on a quadratic, solved by hand")
chapter.formula("f(x) = a x² / 2,   f'(x) = a x,   x ← x − lr f'(x) = (1 − lr a) x")
chapter.formula("x_k = (1 − lr a)^k x₀     converges iff |1 − lr a| < 1  ⇔  0 < lr < 2/a")
chapter.say(
    "Every step multiplies x by the same factor 1 − lr a. Below lr = 1/a the factor is in (0, 1): x shrinks "
        + "without changing sign. At lr = 1/a it is 0: one step lands on the minimum. Between 1/a and 2/a it is in (−1, 0): "
        + "x flips sign every step but still shrinks (oscillating convergence). At 2/a it is −1: x bounces between "
        + "±x₀ for ever. Above 2/a, |factor| > 1 and the iterates grow.")
let a = 4.0, x0 = 1.0
let bowl = DiagonalQuadratic(curvatures: [a])
chapter.show("a", a)
chapter.check("the bound 2/a", computed: bowl.stabilityBound, byHand: 0.5, derivation: "2/4")
var table = TextTable(
    ["lr", "1 − lr a", "x₅ run", "x₅ by hand", "x₅₀ run", "behaviour"],
    alignments: [.right, .right, .right, .right, .right, .left])
let cases: [(lr: Double, behaviour: String)] = [
    (0.1, "monotone convergence"), (0.25, "one step to the minimum (lr = 1/a)"),
    (0.4, "oscillating convergence (1/a < lr < 2/a)"), (0.5, "bounces for ever (lr = 2/a)"),
    (0.55, "oscillating divergence (lr > 2/a)")
]
var runs: [[Double]] = []  // the iterates, kept as data for figures
for (lr, behaviour) in cases {
    let path = OptimizationPath(
        minimizing: bowl, from: [x0], with: SGD(learningRate: lr), maximumSteps: 50, tolerance: nil)
    let xs = path.points.map { $0[0] }
    runs.append(xs)
    let byHand = pow(1 - lr * a, 5) * x0
    table.append([
        formatCompact(lr), formatCompact(1 - lr * a), formatCompact(xs[5]), formatCompact(byHand),
        formatCompact(xs[50]), behaviour
    ])
}
chapter.table(table)
for (index, (lr, _)) in cases.enumerated() {
    let factor = 1 - lr * a
    chapter.check(
        "lr = \(formatCompact(lr)): x₅₀ of the run against (1 − lr a)⁵⁰ x₀", computed: runs[index][50],
        byHand: pow(factor, 50) * x0, derivation: "(\(formatCompact(factor)))⁵⁰ · 1",
        tolerance: Tolerance(absolute: 1e-15, relative: 1e-12))
}
let convergent = cases.indices.filter { abs(runs[$0][50]) < 1e-3 }.map { cases[$0].lr }
chapter.check(
    "the runs that converge are exactly those with 0 < lr < 2/a",
    holds: convergent == cases.map(\.lr).filter { $0 < 2 / a },
    detail: "converged: lr ∈ {\(convergent.map { formatCompact($0) }.joined(separator: ", "))}, bound 2/a = 0.5")
let oscillating: [Double] = runs[2]
let alternatesAndShrinks = (1..<10).allSatisfy { (k: Int) -> Bool in
    oscillating[k] * oscillating[k - 1] < 0 && abs(oscillating[k]) < abs(oscillating[k - 1])
}
chapter.check(
    "oscillating convergence for lr = 0.4: signs alternate, |x| shrinks", holds: alternatesAndShrinks,
    detail: "x₀…x₄ = " + arrayText(Array(oscillating.prefix(5))))
drawQuadraticFigures(chapter, curvature: a, learningRates: cases.map(\.lr), runs: runs)

// MARK: 9.2 Several dimensions

chapter.section("Several dimensions: the largest curvature sets the step, the condition number the pace")
chapter.formula("f(x) = ½ Σᵢ aᵢ xᵢ²:   xᵢ(k) = (1 − lr aᵢ)^k xᵢ(0),   stable iff lr < 2/L,  L = max aᵢ")
chapter.say(
    "Each coordinate runs its own 1-D recurrence with the same lr. The steepest direction decides "
        + "whether the run is stable; the slowest factor max |1 − lr aᵢ| decides how long it takes. Near 2/L that is the "
        + "steep direction itself (its factor nears −1); at small lr it is the flat one. The best single rate, "
        + "lr = 2/(min a + max a), makes both factors ±(κ − 1)/(κ + 1), κ = max a / min a: the larger κ (the more "
        + "ill-conditioned the problem), the closer that is to 1 and the slower every step.")
let stretched = DiagonalQuadratic.illConditioned
chapter.show("a", stretched.curvatures)
chapter.check("2/L", computed: stretched.stabilityBound, byHand: 0.08, derivation: "2/25")
chapter.check("κ = L / min a", computed: stretched.conditionNumber, byHand: 25, derivation: "25/1")
let under = OptimizationPath(
    minimizing: stretched, from: [1, 1], with: SGD(learningRate: 0.079), maximumSteps: 2000, tolerance: 1e-6)
let over = OptimizationPath(
    minimizing: stretched, from: [1, 1], with: SGD(learningRate: 0.081), maximumSteps: 2000, tolerance: 1e-6)
chapter.check(
    "lr = 0.079 < 2/L converges; lr = 0.081 > 2/L diverges", holds: under.stepsToTolerance != nil && over.diverged,
    detail:
        "0.079: \(under.stepsToTolerance.map { "within 1e-6 after \($0) steps" } ?? "no"); 0.081: left ‖x‖ ≤ 1e6 after \(over.stepCount) steps"
)
chapter.check(
    "lr = 0.079: steps to ‖x‖ ≤ 1e-6 from (1, 1)", computed: Double(under.stepsToTolerance ?? -1),
    byHand: ceil(log(1e-6) / log(0.975)),
    derivation: "factors 0.921 (flat) and −0.975 (steep); the steep one is slower: ⌈ln 1e-6 / ln 0.975⌉")
let best = OptimizationPath(
    minimizing: stretched, from: [1, 1], with: SGD(learningRate: 2.0 / 26), maximumSteps: 2000, tolerance: 1e-6)
chapter.check(
    "lr = 2/26: steps to ‖x‖ ≤ 1e-6 from (1, 1)", computed: Double(best.stepsToTolerance ?? -1),
    byHand: ceil(log(1e-6 / 2.0.squareRoot()) / log(12.0 / 13)),
    derivation: "both factors ±12/13, ‖x_k‖ = √2 (12/13)^k: ⌈ln(1e-6/√2) / ln(12/13)⌉")

// MARK: 9.3 Linear regression and the normal equations

chapter.section("The worked model: linear regression and its exact answer")
chapter.formula("L(w) = (1/n) ‖X w − y‖²,   ∇L(w) = (2/n) Xᵀ(X w − y),   minimum where XᵀX w = Xᵀy")
let problem = LinearRegressionProblem(
    exampleCount: 200, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.3, seed: 2024)
let x = problem.features, y = problem.targets
chapter.say(
    "200 examples, two inputs uniform in [−1, 1) plus an intercept column, y = 1 + 0.5 x₁ − 2 x₂ + N(0, 0.3²), seed 2024. "
        + "The normal equations, solved by Cramer's rule, give the answer every form of gradient descent should approach."
)
guard let exact = normalEquationsSolution(features: x, targets: y) else {
    exitWithError(chapter.program, "the features of the worked example are collinear")
}
let optimum = LinearRegression(weights: exact).loss(features: x, targets: y)
chapter.show("w* (normal equations)", exact.elements)
chapter.show("L(w*)", optimum)
let start = LinearRegression(featureCount: 3)
let probe = LinearRegression(weights: Matrix(column: [0.3, -0.2, 0.1]))
let check = gradientCheck(
    probe.gradient(features: x, targets: y), of: { LinearRegression(weights: $0).loss(features: x, targets: y) },
    at: probe.weights, name: "∇L")
chapter.check(
    "the gradient (2/n) Xᵀ(Xw − y) against central differences", holds: check.passed, detail: check.description)
chapter.check(
    "∇L(w*) = 0", computed: LinearRegression(weights: exact).gradient(features: x, targets: y).elements,
    byHand: [0, 0, 0], derivation: "XᵀX w* − Xᵀy = 0", tolerance: Tolerance(absolute: 1e-12, relative: 0))
// Least squares fits 3 of the n = 200 degrees of freedom: E[L(w*)] = σ² (n − 3)/n. One sample's mean of
// squared residuals varies about that by roughly σ² √(2/n) (the spread of a mean of n squared normals).
let expectedOptimum = 0.09 * 197 / 200, optimumSpread = 0.09 * (2.0 / 200).squareRoot()
chapter.check(
    "L(w*) is near its expected value σ² (n − 3)/n = 0.09 · 197/200",
    holds: abs(optimum - expectedOptimum) < 3 * optimumSpread,
    detail:
        "L(w*) = \(formatCompact(optimum)) against \(formatCompact(expectedOptimum)): least squares fits 3 of the 200 "
        + "degrees of freedom; one sample varies by about σ² √(2/n) = \(formatCompact(optimumSpread)), 3 of them allowed"
)

// MARK: 9.4 Batch, stochastic, mini-batch

chapter.section("Batch, stochastic and mini-batch gradient descent")
chapter.formula(
    "batch: B = n      stochastic: B = 1      mini-batch: 1 < B < n\ng_B = (2/B) X_Bᵀ(X_B w − y_B),   w ← w − lr g_B,   ⌈n/B⌉ updates per epoch"
)
chapter.say(
    "The same data, the same start w = 0, the same lr = 0.2 and 50 epochs; only the batch size differs. "
        + "Every form computes n per-example gradients per epoch (about 2 n d = 1200 multiply-adds, 4 n d = 2400 floating-point "
        + "operations here), so an epoch "
        + "costs the same arithmetic; what differs is how many updates it buys. The noise is the standard deviation of "
        + "the epoch-to-epoch changes of the full loss over the last 25 epochs.")
let epochs = 50, learningRate = 0.2
let variants: [GradientDescentVariant] = [.batch, .miniBatch(size: 32), .miniBatch(size: 8), .stochastic]
var comparison = TextTable(
    ["variant", "B", "updates/epoch", "gradients/epoch", "L after 1", "L after 50", "L − L(w*)", "noise", "‖w − w*‖"],
    alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right])
var results: [GradientDescentRun] = []  // the loss curves and weight paths, kept as data for figures
for variant in variants {
    let run = GradientDescent(variant: variant, epochs: epochs, seed: 7).fit(
        start, features: x, targets: y, learningRate: learningRate)
    results.append(run)
    let distance = zip(run.model.weights.elements, exact.elements).map { ($0 - $1) * ($0 - $1) }.sum.squareRoot()
    comparison.append([
        variant.description, "\(variant.batchSize(exampleCount: x.rows))", "\(run.updatesPerEpoch)",
        "\(run.exampleCount)", formatCompact(run.losses[1], significantDigits: 4),
        formatCompact(run.finalLoss, significantDigits: 6),
        formatScientific(run.finalLoss - optimum, significantDigits: 2),
        formatScientific(run.lossChangeStandardDeviation(overLast: 25), significantDigits: 2),
        formatScientific(distance, significantDigits: 2)
    ])
}
chapter.table(comparison)
chapter.check(
    "updates per epoch are ⌈n/B⌉", computed: results.map { Double($0.updatesPerEpoch) }, byHand: [1, 7, 25, 200],
    derivation: "⌈200/200⌉, ⌈200/32⌉, ⌈200/8⌉, ⌈200/1⌉")
chapter.check(
    "no run goes below the least-squares minimum", holds: results.allSatisfy { $0.finalLoss >= optimum - 1e-12 },
    detail: "every final loss ≥ L(w*) = \(formatCompact(optimum))")
chapter.check(
    "after one epoch, stochastic descent is far ahead of batch descent (200 updates against 1)",
    holds: results[3].losses[1] < results[0].losses[1] / 5,
    detail:
        "L after 1 epoch: stochastic \(formatCompact(results[3].losses[1], significantDigits: 4)), batch \(formatCompact(results[0].losses[1], significantDigits: 4))"
)
chapter.check(
    "the smaller the batch, the noisier the loss curve near the end",
    holds: zip(results.dropFirst(), results).allSatisfy {
        $0.lossChangeStandardDeviation(overLast: 25) > $1.lossChangeStandardDeviation(overLast: 25)
    },
    detail: "noise: "
        + results.map { formatScientific($0.lossChangeStandardDeviation(overLast: 25), significantDigits: 2) }.joined(
            separator: " < "))
chapter.check(
    "batch descent never increases the loss (lr below 2/L)",
    holds: zip(results[0].losses.dropFirst(), results[0].losses).allSatisfy { $0 <= $1 },
    detail: "50 decreasing epochs")
drawBatchSizeFigures(chapter, runs: results, optimum: optimum, exact: exact.elements, features: x, targets: y)

// MARK: 9.5 The last batch, and settling down

chapter.section("The last partial batch, and a decaying learning rate")
let batches = MiniBatches(exampleCount: 200, batchSize: 32, seed: 7)
chapter.say(
    "200 examples in batches of 32 do not divide evenly. The remainder is kept as a smaller last batch: "
        + "its gradient is the mean over its 8 examples, the same scale as the others, just noisier. Every example is "
        + "used exactly once per epoch, in a new seeded order each epoch.")
let sizes = batches.indices(epoch: 0).map { Double($0.count) }
chapter.check(
    "batch sizes of one epoch", computed: sizes, byHand: [32, 32, 32, 32, 32, 32, 8], derivation: "200 = 6·32 + 8")
chapter.check(
    "every example exactly once per epoch, epochs 0 to 4",
    holds: (0..<5).allSatisfy { batches.indices(epoch: $0).flatMap { $0 }.sorted() == Array(0..<200) },
    detail: "each epoch's batches are a partition of 0..<200")
chapter.say(
    "With a constant rate, stochastic and mini-batch descent cannot settle: at w* the loss's gradient is 0 "
        + "but a batch's gradient is not, so w keeps hopping around w*. Shrinking the rate shrinks the hops.")
let constant = GradientDescent(variant: .miniBatch(size: 8), epochs: 300, seed: 7).fit(
    start, features: x, targets: y, learningRate: learningRate)
let decaying = GradientDescent(variant: .miniBatch(size: 8), epochs: 300, seed: 7)
    .fit(start, features: x, targets: y, schedule: .exponential(initial: learningRate, decayRate: 0.5, decaySteps: 30))
func distanceToOptimum(_ run: GradientDescentRun) -> Double {
    zip(run.model.weights.elements, exact.elements).map { ($0 - $1) * ($0 - $1) }.sum.squareRoot()
}
chapter.show("‖w − w*‖ after 300 epochs, constant lr 0.2", formatScientific(distanceToOptimum(constant)))
chapter.show("‖w − w*‖ after 300 epochs, lr 0.2 · 0.5^(epoch/30)", formatScientific(distanceToOptimum(decaying)))
chapter.check(
    "the decaying rate ends at least 5× closer to w*",
    holds: distanceToOptimum(decaying) * 5 < distanceToOptimum(constant),
    detail: "\(formatScientific(distanceToOptimum(decaying))) against \(formatScientific(distanceToOptimum(constant)))")
drawDecayFigure(chapter, constant: constant, decaying: decaying, optimum: optimum)

// MARK: 9.6 The noise of a mini-batch gradient (GradientNoise.swift)

gradientNoise(&chapter, features: x, targets: y, at: probe.weights.elements)

// MARK: 9.7 The bound and the condition number (ConditionAndTheBound.swift)

conditionAndTheBound(&chapter)

// MARK: 9.8 Where the book is wrong

chapter.section("Where the book is wrong")
chapter.say(
    "1. The book's example trains with model.fit(X, y, epochs=100) and says it uses gradient descent. Without "
        + "a batch size Keras takes mini-batches of 32, so the 100 examples give ⌈100/32⌉ = 4 updates per epoch, each "
        + "from a noisy estimate of the gradient (9.6), and the optimizer is Adam (chapter 10): neither batch gradient "
        + "descent nor the update w ← w − lr ∇L.")
chapter.check(
    "updates in the book's 100 epochs",
    computed: Double(100 * MiniBatches(exampleCount: 100, batchSize: 32, seed: 1).batchesPerEpoch),
    byHand: 400, derivation: "100 · ⌈100/32⌉ = 100 · 4")
chapter.say(
    "2. The book's list of \"random\" optimizers (\"random velocity\", \"random learning rate\", chapter 10) "
        + "takes \"stochastic\" for a kind of optimizer. It is a property of the gradient: an unbiased estimate from a "
        + "random batch whose squared error falls as 1/B (9.6); any optimizer can be fed one.")

chapter.finish()
