// Chapter 6 · Loss functions. Run: swift run ch06
// Where the book is wrong (6.8) is in BookCorrections.swift, the figures in Figures.swift.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 6, title: "Loss functions")

/// Checks a loss's gradient with respect to its first argument against central differences.
func checkGradient(_ name: String, _ loss: (Matrix) -> LossResult, at x: Matrix, in chapter: inout Chapter) -> Double {
    let result = gradientCheck(loss(x).gradient, of: { loss($0).value }, at: x, name: name)
    chapter.check(
        "gradient of \(name) against central differences", holds: result.passed,
        detail: "largest error \(formatScientific(result.maximumError)) (tolerance 1e-6)")
    return result.maximumError
}

/// Data for figures: the largest gradient-check error per loss.
var gradientCheckErrors: [(name: String, error: Double)] = []

chapter.section("Mean squared error")
chapter.say(
    "The regression loss of maximum likelihood under Gaussian noise. Reduction: the mean over all N·k elements, so the gradient carries 2/(N·k)."
)
chapter.formula("L = (1/(N·k)) Σᵢⱼ (ŷᵢⱼ − yᵢⱼ)²        ∂L/∂ŷ = 2(ŷ − y)/(N·k)")
let predictions: Matrix = [[1], [2], [3]]
let targets: Matrix = [[1.5], [2], [1]]
chapter.show("ŷ", predictions.elements)
chapter.show("y", targets.elements)
let mse = meanSquaredError(predictions: predictions, targets: targets)
chapter.check("MSE", computed: mse.value, byHand: 4.25 / 3, derivation: "((−0.5)² + 0² + 2²)/3 = 4.25/3")
chapter.check(
    "∂MSE/∂ŷ", computed: mse.gradient.elements, byHand: [-1.0 / 3, 0, 4.0 / 3], derivation: "2 · [−0.5, 0, 2]/3")
gradientCheckErrors.append(
    (
        "MSE",
        checkGradient(
            "MSE", { meanSquaredError(predictions: $0, targets: targets) },
            at: predictions, in: &chapter)
    ))

chapter.section("Mean absolute error")
chapter.say(
    "Robust to outliers: every residual pulls with the same strength. |r| has no derivative at 0; the convention is the subgradient sign(0) = 0, so an exact prediction is left alone."
)
chapter.formula("L = (1/(N·k)) Σᵢⱼ |ŷᵢⱼ − yᵢⱼ|        ∂L/∂ŷ = sign(ŷ − y)/(N·k),  sign(0) = 0")
let mae = meanAbsoluteError(predictions: predictions, targets: targets)
chapter.check("MAE", computed: mae.value, byHand: 2.5 / 3, derivation: "(0.5 + 0 + 2)/3")
chapter.check("∂MAE/∂ŷ", computed: mae.gradient.elements, byHand: [-1.0 / 3, 0, 1.0 / 3], derivation: "[−1, 0, 1]/3")
let maePoint: Matrix = [[1.2], [2.4], [3]]  // residuals −0.3, 0.4, 2: away from the kink
gradientCheckErrors.append(
    (
        "MAE",
        checkGradient(
            "MAE", { meanAbsoluteError(predictions: $0, targets: targets) },
            at: maePoint, in: &chapter)
    ))

chapter.section("Huber: quadratic near zero, linear beyond δ")
chapter.say(
    "Huber is MSE/2 for small residuals and δ·MAE (shifted) for large ones; the gradient is the residual clipped to [−δ, δ]. At |r| = δ the two pieces meet with the same value ½δ² and the same slope δ: the linear piece is the tangent of the parabola there, so it lies below the parabola everywhere, ½r² − δ(|r| − ½δ) = ½(|r| − δ)² ≥ 0. h is not the smaller of the two pieces: it is the parabola inside [−δ, δ] (the larger piece there) and the tangent line outside."
)
chapter.formula(
    "h(r) = ½r² if |r| ≤ δ, δ(|r| − ½δ) otherwise        h′(r) = clip(r, −δ, δ)\nL = (1/(N·k)) Σᵢⱼ h(ŷᵢⱼ − yᵢⱼ)")
let huber = huberLoss(predictions: [[-0.5], [0], [2], [-3]], targets: Matrix(rows: 4, columns: 1), delta: 1)
chapter.check(
    "Huber, δ = 1, r = [−0.5, 0, 2, −3]", computed: huber.value, byHand: 4.125 / 4,
    derivation: "(0.125 + 0 + 1.5 + 2.5)/4")
chapter.check(
    "∂Huber/∂ŷ", computed: huber.gradient.elements, byHand: [-0.125, 0, 0.25, -0.25], derivation: "[−0.5, 0, 1, −1]/4")
let delta = 2.0
var transition = TextTable(["r", "½r²", "δ(|r| − ½δ)", "h(r)", "h′(r)"], alignments: Array(repeating: .right, count: 5))
/// Data for figures: h and h′ for δ = 2 on r ∈ [−4, 4].
let huberCurve = (0...80).map { i -> (r: Double, value: Double, slope: Double) in
    let r = -4 + Double(i) * 0.1
    let loss = huberLoss(predictions: [[r]], targets: [[0]], delta: delta)
    return (r, loss.value, loss.gradient[0, 0])
}
for r in [1.5, 1.9, 2.0, 2.1, 2.5] {
    let loss = huberLoss(predictions: [[r]], targets: [[0]], delta: delta)
    transition.append([
        formatFixed(r, decimals: 2), formatFixed(0.5 * r * r, decimals: 4),
        formatFixed(delta * (abs(r) - 0.5 * delta), decimals: 4),
        formatFixed(loss.value, decimals: 4), formatFixed(loss.gradient[0, 0], decimals: 4)
    ])
}
chapter.say("Around the transition for δ = 2 (the parabola is never below the line; they touch at r = δ):")
chapter.table(transition)
chapter.check(
    "h(δ) = ½δ², δ = 2", computed: huberLoss(predictions: [[delta]], targets: [[0]], delta: delta).value,
    byHand: 2, derivation: "½ · 2² = 2 · (2 − 1)")
chapter.check(
    "h′(δ) = δ", computed: huberLoss(predictions: [[delta]], targets: [[0]], delta: delta).gradient[0, 0], byHand: 2)
let inside = huberLoss(predictions: [[1.5]], targets: [[0]], delta: delta).value
chapter.check(
    "inside [−δ, δ] h is the larger piece: h(1.5) = ½ · 1.5² > δ(1.5 − ½δ)",
    holds: inside > delta * (1.5 - 0.5 * delta),
    detail: "h(1.5) = \(formatCompact(inside)) > 2 · (1.5 − 1) = 1")
let outsideResiduals = [2.5, 3.0, 4.0]
chapter.check(
    "½r² − h(r) outside [−δ, δ] = ½(|r| − δ)², r = 2.5, 3, 4",
    computed: outsideResiduals.map {
        0.5 * $0 * $0 - huberLoss(predictions: [[$0]], targets: [[0]], delta: delta).value
    },
    byHand: [0.125, 0.5, 2], derivation: "½ · 0.5², ½ · 1², ½ · 2²")
let huberPoint: Matrix = [[0.4], [1.7], [4.2]]  // residuals −1.1, −0.3, 3.2 with δ = 1: none at ±1
gradientCheckErrors.append(
    (
        "Huber",
        checkGradient(
            "Huber", { huberLoss(predictions: $0, targets: targets) },
            at: huberPoint, in: &chapter)
    ))
drawRegressionLossFigures(chapter, huberCurve: huberCurve, delta: delta)

chapter.section("Binary cross-entropy from probabilities")
chapter.say(
    "Reduction: the mean over all elements (one output per example: the mean over the batch). Probabilities of exactly 0 and 1 are clamped to [ε, 1 − ε], ε = 1e-12, so the value stays finite, but a confidently wrong answer then costs at most −log ε ≈ 27.6."
)
chapter.formula("ℓ = −[y log p + (1 − y) log(1 − p)]        ∂ℓ/∂p = (p − y)/(p(1 − p))")
let binary = binaryCrossEntropy(probabilities: [[0.8], [0.3]], targets: [[1], [0]])
chapter.check(
    "BCE, p = [0.8, 0.3], y = [1, 0]", computed: binary.value, byHand: -(log(0.8) + log(0.7)) / 2,
    derivation: "−(ln 0.8 + ln 0.7)/2")
chapter.check(
    "∂BCE/∂p", computed: binary.gradient.elements, byHand: [-1 / 0.8 / 2, 1 / 0.7 / 2],
    derivation: "[−1/0.8, 1/0.7]/2", tolerance: Tolerance(absolute: 1e-15, relative: 1e-14))
let binaryTargets: Matrix = [[1], [0]]
gradientCheckErrors.append(
    (
        "BCE(p)",
        checkGradient(
            "BCE from probabilities",
            { binaryCrossEntropy(probabilities: $0, targets: binaryTargets) },
            at: [[0.8], [0.3]], in: &chapter)
    ))
drawBinaryCrossEntropyFigure(chapter)

chapter.section("Why cross-entropy from logits beats cross-entropy from probabilities")
chapter.say(
    "A model that outputs the logit z = 40 for an example of class 0 is badly wrong, and the loss should say so: −log(1 − σ(40)) = softplus(40) = 40.000…. But σ(40) = 1 − 4.2e-18 rounds to exactly 1 in Double, so going through the probability loses everything: the naive form takes log(1 − 1) = log 0 = −∞ and reports an infinite loss, the clamped form a finite but wrong 27.6. The logits form never forms p and gets 40."
)
chapter.formula(
    """
    ℓ(z, y) = softplus(z) − y z = max(z, 0) − y z + log(1 + e^−|z|)
            = (1 − y) z + log1p(e^−z) for z ≥ 0,  −y z + log1p(e^z) for z < 0
    ∂ℓ/∂z = σ(z) − y = (1 − y) σ(z) − y σ(−z)
    """)
chapter.say(
    "The last two lines are how it is computed. Written as softplus(z) − y z, a confident right answer (z = 50, y = 1) would be 50.000… − 50 = 0 instead of log1p(e^−50) = 1.93e-22, and σ(50) − 1 = 0 instead of −σ(−50): no relative accuracy left, the same failure in the other tail."
)
chapter.show("softplus(50) − 1 · 50, the unstable arrangement", naiveLogitLoss(logit: 50, target: 1))
chapter.check(
    "from logits, z = 50, y = 1 (relative tolerance 1e-12)",
    computed: binaryCrossEntropy(logits: [[50]], targets: [[1]]).value,
    byHand: 1.9287498479639178e-22, derivation: "log1p(e^−50) = e^−50 − e^−100/2 = 1.9287498479639178e-22",
    tolerance: Tolerance(absolute: 0, relative: 1e-12))
chapter.check(
    "∂ℓ/∂z at z = 50, y = 1 (relative tolerance 1e-12)",
    computed: binaryCrossEntropy(logits: [[50]], targets: [[1]]).gradient[0, 0],
    byHand: -1.9287498479639178e-22, derivation: "−σ(−50) = −e^−50/(1 + e^−50)",
    tolerance: Tolerance(absolute: 0, relative: 1e-12))
chapter.check("σ(40) rounds to 1", computed: logistic(40), byHand: 1, tolerance: Tolerance(absolute: 0, relative: 0))
chapter.show("naive −log(1 − σ(40))", naiveBinaryCrossEntropy(logit: 40, target: 0))
chapter.show("clamped, from probabilities", binaryCrossEntropy(probabilities: [[logistic(40)]], targets: [[0]]).value)
chapter.check(
    "from logits, z = 40, y = 0", computed: binaryCrossEntropy(logits: [[40]], targets: [[0]]).value,
    byHand: 40 + log1p(exp(-40)), derivation: "40 + log(1 + e^−40)", tolerance: .tight)
chapter.check(
    "from logits, z = −1000, y = 1", computed: binaryCrossEntropy(logits: [[-1000]], targets: [[1]]).value,
    byHand: 1000, derivation: "0 + 1000 + log(1 + e^−1000)")
chapter.check(
    "from logits, z = 0", computed: binaryCrossEntropy(logits: [[0]], targets: [[1]]).value, byHand: log(2),
    derivation: "log 2")
chapter.check(
    "∂ℓ/∂z at z = ln 3, y = 1", computed: binaryCrossEntropy(logits: [[log(3)]], targets: [[1]]).gradient[0, 0],
    byHand: -0.25, derivation: "σ(ln 3) − 1 = ¾ − 1")
let logitPoint: Matrix = [[1.3], [-0.4]]
gradientCheckErrors.append(
    (
        "BCE(z)",
        checkGradient(
            "BCE from logits",
            { binaryCrossEntropy(logits: $0, targets: binaryTargets) },
            at: logitPoint, in: &chapter)
    ))
drawLogitStabilityFigures(chapter)

chapter.section("Categorical cross-entropy from logits, and p − y")
chapter.say(
    "With integer labels, the loss is minus the log-softmax at the true class, averaged over the batch. Differentiating through softmax, everything cancels to the prediction minus the one-hot target."
)
chapter.formula("L = −(1/N) Σᵢ log softmax(zᵢ)_{yᵢ}        ∂L/∂z = (softmax(z) − onehot(y))/N")
let logits: Matrix = [[0, log(2), log(3)], [0, log(2), log(3)]]
let labels = [2, 0]
let categorical = softmaxCrossEntropy(logits: logits, labels: labels)
chapter.check(
    "CE, z = [0, ln 2, ln 3], labels [2, 0]", computed: categorical.value, byHand: (log(2) + log(6)) / 2,
    derivation: "(−log(3/6) − log(1/6))/2 = (ln 2 + ln 6)/2")
let p = [1.0 / 6, 2.0 / 6, 3.0 / 6]
chapter.check(
    "∂CE/∂z = (p − y)/N", computed: categorical.gradient,
    byHand: [[p[0] / 2, p[1] / 2, (p[2] - 1) / 2], [(p[0] - 1) / 2, p[1] / 2, p[2] / 2]],
    derivation: "([1/6, 2/6, 3/6] − onehot)/2")
var generator = SeededGenerator(seed: 6)
let randomLogits = generator.normalMatrix(rows: 4, columns: 3, standardDeviation: 2)
let randomLabels = [1, 0, 2, 2]
let chained = softmaxBackward(
    probabilities: softmax(randomLogits),
    outputGradient: categoricalCrossEntropy(
        probabilities: softmax(randomLogits),
        targets: Matrix.oneHot(randomLabels, classCount: 3)
    ).gradient)
let chainGap = (chained - (softmax(randomLogits) - Matrix.oneHot(randomLabels, classCount: 3)) / 4).norm(.max)
chapter.check(
    "chain rule through the softmax Jacobian, Jᵀ(−y/(N p)), = (p − y)/N (an identity of two computations)",
    holds: chainGap < 1e-14,
    detail: "largest gap \(formatScientific(chainGap)) (below 1e-14), 4 random examples, p = softmax(z)")
gradientCheckErrors.append(
    (
        "CE(z)",
        checkGradient(
            "softmax cross-entropy",
            { softmaxCrossEntropy(logits: $0, labels: randomLabels) },
            at: randomLogits, in: &chapter)
    ))
chapter.check(
    "stable at logits ±1000", computed: softmaxCrossEntropy(logits: [[-1000, 1000, 0]], labels: [0]).value,
    byHand: 2000, derivation: "−(log-softmax at label 0) = −(−1000 − 1000)")
chapter.check(
    "from probabilities: −log p at the label",
    computed: categoricalCrossEntropy(
        probabilities: Matrix(row: p),
        targets: [[0, 0, 1]]
    ).value, byHand: log(2), derivation: "−log ½")
let probabilityPoint = softmax(randomLogits * 0.5)  // moderate probabilities: −log p has curvature 1/p²
gradientCheckErrors.append(
    (
        "CE(p)",
        checkGradient(
            "CE from probabilities",
            { categoricalCrossEntropy(probabilities: $0, targets: Matrix.oneHot(randomLabels, classCount: 3)) },
            at: probabilityPoint, in: &chapter)
    ))

chapter.section("KL divergence")
chapter.say(
    "KL(y ‖ q) measures the extra nats paid for coding y with q: the cross-entropy minus the entropy of y. It has the cross-entropy's gradient and is 0 exactly when q = y. Reduction: the mean over the batch."
)
chapter.formula("KL(y ‖ q) = Σⱼ yⱼ log(yⱼ/qⱼ) = H(y, q) − H(y)        ∂KL/∂q = −y/q")
let kl = klDivergence(predictions: [[0.25, 0.75]], targets: [[0.5, 0.5]])
chapter.check(
    "KL([½, ½] ‖ [¼, ¾])", computed: kl.value, byHand: 0.5 * log(4.0 / 3), derivation: "½ ln 2 + ½ ln(2/3) = ½ ln(4/3)")
chapter.check("∂KL/∂q", computed: kl.gradient.elements, byHand: [-2, -2.0 / 3], derivation: "[−½/¼, −½/¾]")
let crossEntropy = categoricalCrossEntropy(probabilities: [[0.25, 0.75]], targets: [[0.5, 0.5]]).value
chapter.check(
    "KL = H(y, q) − H(y)", computed: kl.value, byHand: -(0.5 * log(0.25) + 0.5 * log(0.75)) - log(2),
    derivation: "−(½ ln ¼ + ½ ln ¾) − ln 2")
chapter.check(
    "H(y, q) from categoricalCrossEntropy", computed: crossEntropy, byHand: -(0.5 * log(0.25) + 0.5 * log(0.75)),
    derivation: "−(½ ln ¼ + ½ ln ¾)")
let klTargets = softmax(generator.normalMatrix(rows: 4, columns: 3))
gradientCheckErrors.append(
    (
        "KL",
        checkGradient(
            "KL divergence", { klDivergence(predictions: $0, targets: klTargets) },
            at: probabilityPoint, in: &chapter)
    ))

drawGradientCheckFigure(chapter, errors: gradientCheckErrors)
bookCorrections(&chapter)
chapter.finish()
