// Chapter 5 · Activation functions. Run: swift run ch05
// The figures of 5.6 and 5.8 are built in Figures.swift; 5.11 in SmoothMaximum.swift, 5.12 in BookCorrections.swift.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 5, title: "Activation functions")

/// Data for figures: each activation and its derivative on x ∈ [−6, 6] (step 0.05).
let curveGrid = (0...240).map { -6 + Double($0) * 0.05 }
let activations: [Activation] = [
    .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01), .elu(alpha: 1), .geluExact, .geluTanh, .softplus
]
let curves: [(activation: Activation, values: [Double], derivatives: [Double])] = activations.map { activation in
    (activation, curveGrid.map(activation.value), curveGrid.map(activation.derivative))
}

/// Checks φ′ at a point against its formula written out here in scalar
/// arithmetic (every derivative is also checked against central differences in 5.9).
func checkDerivative(
    _ activation: Activation, at x: Double, _ label: String, byHand: Double, _ derivation: String,
    in chapter: inout Chapter
) {
    chapter.check(label, computed: activation.derivative(x), byHand: byHand, derivation: derivation, tolerance: .tight)
}

chapter.section("Sigmoid")
chapter.say(
    "The logistic sigmoid squashes any real number into (0, 1); its derivative has the famous form σ(1 − σ), largest at 0."
)
chapter.formula("σ(x) = 1 / (1 + e⁻ˣ)        σ′(x) = σ(x)(1 − σ(x))")
chapter.check("σ(0)", computed: Activation.sigmoid.value(0), byHand: 0.5, derivation: "1/(1 + 1)")
chapter.check("σ′(0)", computed: Activation.sigmoid.derivative(0), byHand: 0.25, derivation: "½ · ½")
chapter.check("σ(ln 3)", computed: Activation.sigmoid.value(log(3)), byHand: 0.75, derivation: "1/(1 + ⅓)")
chapter.check("σ′(ln 3)", computed: Activation.sigmoid.derivative(log(3)), byHand: 3.0 / 16, derivation: "¾ · ¼")
let s17 = 1 / (1 + exp(-1.7))
checkDerivative(
    .sigmoid, at: 1.7, "σ′(1.7)", byHand: s17 * (1 - s17), "s (1 − s), s = 1/(1 + e^−1.7) = 0.8455", in: &chapter)
let sigmoidCurve = curves[0]
chapter.chart(
    .lines(
        [
            Series("σ(x)", x: curveGrid, y: sigmoidCurve.values),
            Series("σ′(x)", x: curveGrid, y: sigmoidCurve.derivatives)
        ],
        title: "sigmoid and its derivative, x from −6 to 6", height: 10))
chapter.say(
    "σ′ is at most ¼ (at 0) and nearly 0 beyond |x| ≈ 5: a gradient passed back through a chain of sigmoids is multiplied by σ′ ≤ ¼ at each (weights aside)."
)

chapter.section("Tanh")
chapter.say("tanh is a rescaled sigmoid, tanh(x) = 2σ(2x) − 1: zero-centred, range (−1, 1), slope 1 at the origin.")
chapter.formula("tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)        tanh′(x) = 1 − tanh²(x) = sech²(x)")
chapter.check("tanh′(0)", computed: Activation.tanh.derivative(0), byHand: 1, derivation: "1 − 0²")
chapter.check("tanh(ln 2)", computed: Activation.tanh.value(log(2)), byHand: 0.6, derivation: "(2 − ½)/(2 + ½)")
chapter.check("tanh′(ln 2)", computed: Activation.tanh.derivative(log(2)), byHand: 16.0 / 25, derivation: "1 − (3/5)²")
chapter.check(
    "tanh(0.8) = 2σ(1.6) − 1", computed: Activation.tanh.value(0.8),
    byHand: 2 / (1 + exp(-1.6)) - 1, derivation: "2/(1 + e^−1.6) − 1", tolerance: .tight)
let t09 = (exp(-0.9) - exp(0.9)) / (exp(-0.9) + exp(0.9))
checkDerivative(
    .tanh, at: -0.9, "tanh′(−0.9)", byHand: 1 - t09 * t09, "1 − t², t = (e^−0.9 − e^0.9)/(e^−0.9 + e^0.9) = −0.7163",
    in: &chapter)

chapter.section("ReLU and leaky ReLU: the conventions at the kink")
chapter.say(
    "ReLU has no derivative at 0. Every framework picks a value; this book pins ReLU′(0) = 0, the choice of PyTorch and Keras. Leaky ReLU keeps a small slope below 0 (0.01 in PyTorch, 0.3 in Keras), and its derivative at 0 is that slope."
)
chapter.formula(
    "relu(x) = max(x, 0)              relu′(x) = 1 if x > 0, else 0\nleaky(x) = x if x > 0, else a·x  leaky′(x) = 1 if x > 0, else a"
)
let leaky = Activation.leakyReLU(slope: 0.01)
chapter.check("relu(−3)", computed: Activation.relu.value(-3), byHand: 0, derivation: "max(−3, 0)")
chapter.check("relu′(0) (convention)", computed: Activation.relu.derivative(0), byHand: 0, derivation: "the convention")
chapter.check("relu′(2)", computed: Activation.relu.derivative(2), byHand: 1)
chapter.check("leaky(−2), a = 0.01", computed: leaky.value(-2), byHand: -0.02, derivation: "0.01 · (−2)")
chapter.check(
    "leaky′(0), a = 0.01 (convention)", computed: leaky.derivative(0), byHand: 0.01, derivation: "the slope a")
checkDerivative(leaky, at: -1.3, "leaky′(−1.3)", byHand: 0.01, "the slope a below 0", in: &chapter)

chapter.section("ELU")
chapter.say("ELU is smooth below 0 and saturates at −α, so the mean activation sits nearer 0 than with ReLU.")
chapter.formula("elu(x) = x if x > 0, else α(eˣ − 1)     elu′(x) = 1 if x > 0, else α eˣ   (elu′(0) = α)")
let elu = Activation.elu(alpha: 1)
chapter.check("elu(−ln 2), α = 1", computed: elu.value(-log(2)), byHand: -0.5, derivation: "½ − 1")
chapter.check("elu′(−ln 2), α = 1", computed: elu.derivative(-log(2)), byHand: 0.5, derivation: "e^(−ln 2)")
chapter.check("elu(−1000), α = 1", computed: elu.value(-1000), byHand: -1, derivation: "−α")
checkDerivative(elu, at: -0.6, "elu′(−0.6)", byHand: exp(-0.6), "α e^−0.6 = 0.5488", in: &chapter)

chapter.section("GELU: the exact form and the tanh approximation")
chapter.say(
    "GELU weighs x by the probability Φ(x) that a standard normal variable is below x. `geluExact` uses the normal CDF through erf (PyTorch's default); `geluTanh` is the tanh approximation (PyTorch's approximate=\"tanh\", GPT-2). They differ by at most 4.7e-4."
)
chapter.formula(
    "gelu(x) = x Φ(x),  Φ(x) = ½(1 + erf(x/√2))        gelu′(x) = Φ(x) + x φ(x)\ngelu_tanh(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))"
)
let phiAtOne = 0.8413447460685429  // Φ(1), from a table of the normal distribution
chapter.check("GELU(1) = Φ(1)", computed: Activation.geluExact.value(1), byHand: phiAtOne, derivation: "1 · Φ(1)")
chapter.check("GELU′(0)", computed: Activation.geluExact.derivative(0), byHand: 0.5, derivation: "Φ(0) + 0")
chapter.check(
    "GELU′(1)", computed: Activation.geluExact.derivative(1),
    byHand: phiAtOne + exp(-0.5) / (2 * Double.pi).squareRoot(), derivation: "Φ(1) + e^(−½)/√(2π)")
let approximationGap = curveGrid.map { abs(Activation.geluTanh.value($0) - Activation.geluExact.value($0)) }.max() ?? 0
chapter.check(
    "max |gelu_tanh − gelu| on [−6, 6] is below 5e-4", holds: approximationGap < 5e-4,
    detail: "largest gap \(formatScientific(approximationGap))")
checkDerivative(
    .geluExact, at: -0.7, "gelu′(−0.7)", byHand: 0.24196365222307303 - 0.7 * exp(-0.245) / (2 * Double.pi).squareRoot(),
    "Φ(−0.7) − 0.7 φ(0.7) = 0.241964 (table) − 0.7 e^−0.245/√(2π)", in: &chapter)
let u12 = (2 / Double.pi).squareRoot() * (1.2 + 0.044715 * 1.728), t12 = tanh(u12)
checkDerivative(
    .geluTanh, at: 1.2, "gelu_tanh′(1.2)",
    byHand: 0.5 * (1 + t12) + 0.5 * 1.2 * (1 - t12 * t12) * (2 / Double.pi).squareRoot() * (1 + 3 * 0.044715 * 1.44),
    "½(1 + t) + ½x(1 − t²)√(2/π)(1 + 3·0.044715x²), t = tanh(√(2/π)(1.2 + 0.044715·1.728))", in: &chapter)

chapter.section("Softplus")
chapter.say(
    "Softplus is a smooth ReLU; its derivative is the sigmoid. Computed as max(x, 0) + log(1 + e^−|x|) it never overflows."
)
chapter.formula("softplus(x) = log(1 + eˣ) = max(x, 0) + log(1 + e^−|x|)        softplus′(x) = σ(x)")
chapter.check("softplus(0)", computed: Activation.softplus.value(0), byHand: log(2), derivation: "log 2")
chapter.check("softplus(ln 3)", computed: Activation.softplus.value(log(3)), byHand: log(4), derivation: "log(1 + 3)")
chapter.check(
    "softplus′(ln 3) = σ(ln 3)", computed: Activation.softplus.derivative(log(3)), byHand: 0.75, derivation: "¾")
chapter.show("naive log(1 + e^1000)", naiveSoftplus(1000))
chapter.check(
    "softplus(1000), stable", computed: Activation.softplus.value(1000), byHand: 1000,
    derivation: "1000 + log(1 + e^−1000)")
chapter.say("The activations side by side, and their derivatives (gelu_tanh is left out: it lies within 5e-4 of gelu):")
chapter.figure(activationCurvesFigure(curves, derivatives: false), name: "activations")
chapter.figure(activationCurvesFigure(curves, derivatives: true), name: "derivatives")

chapter.section("Stable sigmoid and its derivative in the tails")
chapter.say(
    "eˣ/(1 + eˣ) gives inf/inf = NaN at x = 1000; the stable sigmoid uses 1/(1 + e⁻ˣ) for x ≥ 0. And σ(1 − σ) rounds to 0 beyond x ≈ 37, because σ rounds to 1; σ(x)σ(−x) keeps the true value."
)
chapter.show("naive eˣ/(1 + eˣ) at 1000", naiveSigmoid(1000))
chapter.check("σ(1000)", computed: logistic(1000), byHand: 1)
chapter.check("σ(−1000)", computed: logistic(-1000), byHand: 0, derivation: "e^−1000 underflows")
chapter.show("naive σ(40)(1 − σ(40))", naiveSigmoidDerivative(40))
let e40 = exp(-40.0)
chapter.check(
    "σ′(40) = σ(40)σ(−40)", computed: Activation.sigmoid.derivative(40), byHand: e40 / ((1 + e40) * (1 + e40)),
    derivation: "e^−40/(1 + e^−40)²", tolerance: Tolerance(absolute: 0, relative: 1e-12))

chapter.section("Saturation: where the gradient dies")
chapter.say(
    "Backpropagation multiplies by φ′(z). Where |φ′| is tiny the unit passes back almost nothing: it has saturated. The table gives the point beyond which |φ′| stays below 1e-2 and 1e-4 (\"never\": not within |x| ≤ 100; 0: the whole side)."
)
let thresholds = [1e-2, 1e-4]
var saturationTable = TextTable(
    ["activation", "x < ·, 1e-2", "x < ·, 1e-4", "x > ·, 1e-2", "x > ·, 1e-4"],
    alignments: [.left, .right, .right, .right, .right])
/// Data for figures: the saturation points per activation, direction and threshold.
var saturationPoints: [String: [Double?]] = [:]
for activation in activations {
    var points: [Double?] = []
    for direction in [Activation.Direction.negative, .positive] {
        for threshold in thresholds {
            points.append(activation.saturationPoint(derivativeBelow: threshold, toward: direction))
        }
    }
    saturationPoints[activation.name] = points
    saturationTable.append([activation.name] + points.map { $0.map { formatFixed($0, decimals: 4) } ?? "never" })
}
chapter.table(saturationTable)
let sigmoidRoot = (1 + (1 - 4 * 1e-2).squareRoot()) / 2
chapter.check(
    "sigmoid saturates beyond x = 4.5849 (σ′ < 1e-2)",
    computed: Activation.sigmoid.saturationPoint(derivativeBelow: 1e-2, toward: .positive) ?? .nan,
    byHand: log(sigmoidRoot / (1 - sigmoidRoot)), derivation: "σ = (1 + √0.96)/2, x = log(σ/(1 − σ))")
chapter.check(
    "tanh saturates beyond x = 2.9932 (tanh′ < 1e-2)",
    computed: Activation.tanh.saturationPoint(derivativeBelow: 1e-2, toward: .positive) ?? .nan,
    byHand: acosh(10), derivation: "sech² x = 1/100 ⇒ x = acosh 10")
chapter.say(
    "On a log scale the tails are straight lines: σ′ ≈ e^−|x| and tanh′ ≈ 4e^−2|x| fall exponentially, elu′ = eˣ on the left, softplus′ = σ on the left; on the right elu and softplus keep slope 1."
)
chapter.figure(saturationFigure([.sigmoid, .tanh, .elu(alpha: 1), .geluExact, .softplus]), name: "saturation")

chapter.section("Every derivative against central differences")
chapter.say(
    "A gradient check of f(Z) = Σ W ⊙ φ(Z) at 24 random points of [−6, 6] (none within 0.05 of a kink), error |a − n| / max(1, |a|, |n|)."
)
var generator = SeededGenerator(seed: 5)
let checkPoints = generator.uniformMatrix(rows: 4, columns: 6, low: -6, high: 6).map { abs($0) < 0.05 ? $0 + 0.1 : $0 }
let weights = generator.normalMatrix(rows: 4, columns: 6)
/// Data for figures: the largest gradient-check error per activation.
var gradientCheckErrors: [(name: String, error: Double)] = []
for activation in activations {
    let result = gradientCheck(
        weights .* activation.derivative(at: checkPoints),
        of: { (weights .* activation($0)).sum }, at: checkPoints, name: activation.name)
    gradientCheckErrors.append((activation.name, result.maximumError))
    chapter.check(
        "gradient check of \(activation.name)", holds: result.passed,
        detail: "largest error \(formatScientific(result.maximumError)) (tolerance 1e-6)")
}

chapter.section("Softmax, and why it subtracts the maximum")
chapter.say(
    "Softmax turns a row of logits into probabilities. Mathematically e^(zᵢ − m)/Σ e^(zⱼ − m) is the same for every m; numerically m = max z makes every exponent ≤ 0, so nothing overflows and the denominator is at least 1."
)
chapter.formula(
    "softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m),  m = max z\nlog softmax(z)ᵢ = zᵢ − m − log Σⱼ e^(zⱼ − m)\n∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ):  J = diag(p) − p pᵀ"
)
chapter.check(
    "softmax([0, ln 2, ln 3])", computed: softmax([0, log(2), log(3)]), byHand: [1.0 / 6, 2.0 / 6, 3.0 / 6],
    derivation: "[1, 2, 3]/6")
let large: [Double] = [1000, 1001, 1002]
chapter.show("naive softmax([1000, 1001, 1002])", naiveSoftmax(large))
let e = exp(1.0), total = 1 + e + e * e
chapter.check(
    "stable softmax([1000, 1001, 1002])", computed: softmax(large), byHand: [1 / total, e / total, e * e / total],
    derivation: "[1, e, e²]/(1 + e + e²)")
chapter.check(
    "log-softmax([1000, 1001, 1002])", computed: logSoftmax(large),
    byHand: [-log(total), 1 - log(total), 2 - log(total)], derivation: "[0, 1, 2] − log(1 + e + e²)")
chapter.check(
    "softmax Jacobian at z = [0, 0]", computed: softmaxJacobian(probabilities: softmax([0, 0])),
    byHand: [[0.25, -0.25], [-0.25, 0.25]], derivation: "diag(½, ½) − p pᵀ, p = [½, ½]ᵀ, p pᵀ = [[¼, ¼], [¼, ¼]]")
let jacobianPoint = [0.3, -1.2, 2.0]
let jacobianExponentials = [exp(0.3), exp(-1.2), exp(2.0)]
let pByHand = jacobianExponentials.map {
    $0 / (jacobianExponentials[0] + jacobianExponentials[1] + jacobianExponentials[2])
}
let jacobianByHand = Matrix(rows: 3, columns: 3) { i, j in pByHand[i] * ((i == j ? 1 : 0) - pByHand[j]) }
let jacobian = softmaxJacobian(probabilities: softmax(jacobianPoint))
chapter.check(
    "softmax Jacobian at [0.3, −1.2, 2]", computed: jacobian, byHand: jacobianByHand,
    derivation: "pᵢ(δᵢⱼ − pⱼ), pᵢ = e^zᵢ/(e^0.3 + e^−1.2 + e^2) = [0.1493, 0.0333, 0.8174]", tolerance: .tight)
let jacobianGap =
    zip(jacobian.elements, numericalJacobian(of: softmax, at: jacobianPoint).elements).map { abs($0 - $1) }.max()
    ?? .nan
chapter.check(
    "the same Jacobian against central differences (h = 1e-5)", holds: jacobianGap < 1e-8,
    detail: "largest gap \(formatScientific(jacobianGap)) (below 1e-8)")

smoothMaximumAndTemperature(&chapter)
bookCorrections(&chapter)

chapter.finish()
