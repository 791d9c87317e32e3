// Chapter 10 · Optimizers. Run: swift run ch10
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 10, title: "Optimizers")

/// One row of a comparison: a name, its settings, and the optimizer.
struct Contender {
    let name: String
    let settings: String
    let optimizer: any Optimizer
}

/// Runs every contender on `f`: the paths (data for figures) and a table of steps to the tolerance.
func race(
    _ contenders: [Contender], on f: some ObjectiveFunction, from start: [Double],
    maximumSteps: Int, tolerance: Double
) -> (paths: [OptimizationPath], table: String) {
    var table = TextTable(
        ["optimizer", "settings", "steps to tol", "final f", "final point"],
        alignments: [.left, .left, .right, .right, .left])
    var paths: [OptimizationPath] = []
    for contender in contenders {
        let path = OptimizationPath(
            minimizing: f, from: start, with: contender.optimizer,
            maximumSteps: maximumSteps, tolerance: tolerance)
        paths.append(path)
        let steps = path.stepsToTolerance.map(String.init) ?? (path.diverged ? "diverged" : "> \(maximumSteps)")
        table.append([
            contender.name, contender.settings, steps, formatScientific(path.values.last!, significantDigits: 2),
            arrayText(path.finalPoint, significantDigits: 4)
        ])
    }
    return (paths, table.rendered)
}

// MARK: 10.1 The ill-conditioned bowl

chapter.section("An ill-conditioned bowl")
let bowl = DiagonalQuadratic.illConditioned
let bowlStart = [-4.0, 1.5]
chapter.formula("f(x, y) = ½ (x² + 25 y²),   κ = 25,   start (−4, 1.5),   stop when ‖x − x*‖ ≤ 1e-4")
chapter.say(
    "Plain gradient descent must keep lr < 2/25 for the steep y direction, which leaves the flat x "
        + "direction crawling. Momentum lets steps build up along x while the y oscillations cancel. The adaptive "
        + "methods divide each coordinate by a running root mean square of its own gradient; they do not undo the "
        + "stretching (the table has Adam slower than SGD), see below. "
        + "Learning rates were picked from a few tries each: the table shows shapes, not a benchmark.")
let bowlContenders = [
    Contender(name: "SGD", settings: "lr 0.07", optimizer: SGD(learningRate: 0.07)),
    Contender(
        name: "Momentum", settings: "lr 1/9, μ 4/9", optimizer: Momentum(learningRate: 1.0 / 9, momentum: 4.0 / 9)),
    Contender(name: "Nesterov", settings: "lr 0.04, μ 0.6", optimizer: Nesterov(learningRate: 0.04, momentum: 0.6)),
    Contender(name: "AdaGrad", settings: "lr 1", optimizer: AdaGrad(learningRate: 1)),
    Contender(name: "RMSProp", settings: "lr 0.1, ρ 0.99", optimizer: RMSProp(learningRate: 0.1)),
    Contender(name: "Adam", settings: "lr 0.1", optimizer: Adam(learningRate: 0.1)),
    Contender(name: "AdamW", settings: "lr 0.1, λ 0.01", optimizer: AdamW(learningRate: 0.1, weightDecay: 0.01))
]
let (bowlPaths, bowlTable) = race(bowlContenders, on: bowl, from: bowlStart, maximumSteps: 10_000, tolerance: 1e-4)
chapter.block(bowlTable)
chapter.check(
    "SGD's steps, by hand", computed: Double(bowlPaths[0].stepsToTolerance ?? -1),
    byHand: ceil(log(1e-4 / 4) / log(0.93)),
    derivation: "x_k = −4 · 0.93^k (y_k = 1.5 · (−0.75)^k is long gone): ⌈ln(1e-4/4) / ln 0.93⌉")
// SGD at its best constant rate, 2/(1 + 25) = 1/13: both coordinates shrink by |1 − lr a| = 12/13 per step.
let bestSGD = OptimizationPath(
    minimizing: bowl, from: bowlStart, with: SGD(learningRate: 1.0 / 13), maximumSteps: 10_000, tolerance: 1e-4)
// ‖x_k‖ = (12/13)^k · ‖(−4, 1.5)‖ = (12/13)^k · √18.25 ≤ 1e-4.
chapter.check(
    "SGD at its best rate lr = 2/(1 + 25) = 1/13, steps by hand", computed: Double(bestSGD.stepsToTolerance ?? -1),
    byHand: ceil(log(1e-4 / 18.25.squareRoot()) / log(12.0 / 13)),
    derivation: "x_k = −4 (12/13)^k, y_k = 1.5 (−12/13)^k: ⌈ln(1e-4/√18.25) / ln(12/13)⌉")
chapter.check(
    "momentum at the heavy-ball settings for κ = 25 is over 3× faster than SGD at its best rate",
    holds: (bowlPaths[1].stepsToTolerance ?? .max) * 3 < (bestSGD.stepsToTolerance ?? 0),
    detail:
        "\(bowlPaths[1].stepsToTolerance ?? -1) against \(bestSGD.stepsToTolerance ?? -1) steps; lr = 4/(√25 + √1)² = 1/9, "
        + "μ = ((√25 − 1)/(√25 + 1))² = 4/9: rate √μ = 2/3 per step against 12/13, ln(13/12)/ln(3/2) ≈ 0.2 as many steps"
)
// Adam as sign descent: the x steps while the x gradient keeps its sign.
let adamPath = bowlPaths[5]
let adamXSteps = (1...30).map { abs(adamPath.points[$0][0] - adamPath.points[$0 - 1][0]) }
let adamMeanXStep = adamXSteps.reduce(0, +) / 30
let largestAdamStep = (1...adamPath.stepCount).map { k in
    zip(adamPath.points[k], adamPath.points[k - 1]).map { abs($0 - $1) }.max()!
}.max()!
chapter.say(
    "Why Adam is slow here: m̂/√v̂ is a ratio of averages of g and g², so while a coordinate's gradient keeps "
        + "its sign the step is about lr, whatever the gradient's size: Adam behaves like sign descent, "
        + "w ← w − lr sign(g). From x = −4 that is a walk of fixed steps (the mean |Δx| of its first 30 steps is "
        + "\(formatCompact(adamMeanXStep, significantDigits: 3)) at lr 0.1), and near the minimum, where the step should shrink "
        + "with the distance, it overshoots and its moments must decay before the steps get small. Dividing by the "
        + "gradient's scale removes the curvature only when the gradient is proportional to the distance with a fixed "
        + "ratio per coordinate, which an average over past steps does not know.")
chapter.check(
    "Adam's first 30 x steps are about lr = 0.1 each (sign descent)", holds: abs(adamMeanXStep - 0.1) < 0.01,
    detail:
        "mean |Δx| = \(formatCompact(adamMeanXStep, significantDigits: 4)), from a gradient x that falls from 4 toward 1"
)
chapter.check(
    "no Adam step exceeds lr (1 − β₁)/√(1 − β₂) ≈ 3.16 lr in any coordinate",
    holds: largestAdamStep <= 0.1 * 0.1 / 0.001.squareRoot(),
    detail:
        "largest |Δ| over \(adamPath.stepCount) steps: \(formatCompact(largestAdamStep, significantDigits: 4)) ≤ 0.316 "
        + "(the bound of Kingma and Ba's section 2.1)")
drawRaceFigures(
    chapter, name: "bowl", title: "½(x² + 25y²)", function: bowl, xRange: -4.6...1.4, yRange: -2.1...2,
    names: bowlContenders.map(\.name), paths: bowlPaths, logSteps: false)
chapter.chart(
    .lines(
        [0, 1, 5].map { valueCurve(bowlContenders[$0].name, bowlPaths[$0]) }, title: "f(x_k) on the bowl", yScale: .log,
        height: 10))

// MARK: 10.2 Rosenbrock

chapter.section("Rosenbrock's valley")
let rosenbrock = Rosenbrock()
let valleyStart = [-1.2, 1.0]
chapter.formula("f(x, y) = (1 − x)² + 100 (y − x²)²,   minimum 0 at (1, 1),   start (−1.2, 1),   tolerance 1e-3")
chapter.check(
    "f at the start", computed: rosenbrock.value(at: valleyStart), byHand: 24.2,
    derivation: "2.2² + 100 · (1 − 1.44)² = 4.84 + 19.36")
let valleyContenders = [
    Contender(name: "SGD", settings: "lr 0.002", optimizer: SGD(learningRate: 0.002)),
    Contender(name: "Momentum", settings: "lr 0.001, μ 0.9", optimizer: Momentum(learningRate: 0.001, momentum: 0.9)),
    Contender(name: "Nesterov", settings: "lr 0.001, μ 0.9", optimizer: Nesterov(learningRate: 0.001, momentum: 0.9)),
    Contender(name: "AdaGrad", settings: "lr 0.5", optimizer: AdaGrad(learningRate: 0.5)),
    Contender(name: "RMSProp", settings: "lr 0.001, ρ 0.99", optimizer: RMSProp(learningRate: 0.001)),
    Contender(name: "Adam", settings: "lr 0.1", optimizer: Adam(learningRate: 0.1)),
    Contender(name: "AdamW", settings: "lr 0.1, λ 0.01", optimizer: AdamW(learningRate: 0.1, weightDecay: 0.01))
]
let (valleyPaths, valleyTable) = race(
    valleyContenders, on: rosenbrock, from: valleyStart, maximumSteps: 30_000, tolerance: 1e-3)
chapter.block(valleyTable)
chapter.say(
    "Everything finds the valley floor in a few dozen steps; the thousands are spent walking along it. "
        + "AdamW stops short of (1, 1); why, and why that is not a minimum of anything, is in 10.6.")
chapter.check(
    "momentum reaches the tolerance in fewer steps than SGD",
    holds: (valleyPaths[1].stepsToTolerance ?? .max) < (valleyPaths[0].stepsToTolerance ?? 0),
    detail: "\(valleyPaths[1].stepsToTolerance ?? -1) against \(valleyPaths[0].stepsToTolerance ?? -1)")
chapter.check(
    "AdamW's end point is pulled toward 0: short of (1, 1) in both coordinates",
    holds: valleyPaths[6].stepsToTolerance == nil && valleyPaths[6].finalPoint.allSatisfy { $0 < 1 },
    detail: "final point " + arrayText(valleyPaths[6].finalPoint, significantDigits: 4))
drawRaceFigures(
    chapter, name: "rosenbrock", title: "Rosenbrock's function", function: rosenbrock, xRange: -1.5...1.5,
    yRange: -0.5...1.5,
    names: valleyContenders.map(\.name), paths: valleyPaths, logSteps: true)
chartRosenbrock(chapter, rosenbrock, names: ["Adam"], paths: [valleyPaths[5]])

// MARK: 10.3 Adam's bias correction

chapter.section("Adam's bias correction on its first steps")
chapter.formula(
    "m_t = β₁ m + (1 − β₁) g,   v_t = β₂ v + (1 − β₂) g²,   m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)\nw ← w − lr m̂ / (√v̂ + ε)"
)
chapter.say(
    "m and v start at 0, so early on they are too small by the factors 1 − β₁ᵗ and 1 − β₂ᵗ; dividing by "
        + "those factors removes the bias. Under a constant gradient g, m_t = (1 − β₁ᵗ) g exactly, so m̂ = g from the "
        + "first step. Without the correction the first step would be lr (1 − β₁)/√(1 − β₂) ≈ 3.16 lr.")
var adam = Adam(learningRate: 0.01)
var weights: [Matrix] = [Matrix(row: [0, 0, 0, 0])]
let gradient = Matrix(row: [100, 1, 0.01, -5])
var biasTable = TextTable(
    ["t", "m (raw)", "m̂", "v (raw)", "v̂", "step"], alignments: [.right, .right, .right, .right, .right, .right])
var firstStep: [Double] = []
var firstRawMoments: [Double] = []
var correctedHistory: [[Double]] = []
for t in 1...5 {
    let before = weights[0]
    adam.step(&weights, gradients: [gradient])
    let moved = (weights[0] - before).elements
    if t == 1 { firstStep = moved; firstRawMoments = adam.firstMoments[0].elements }
    correctedHistory.append(adam.correctedFirstMoments[0].elements)
    biasTable.append([
        "\(t)", formatCompact(adam.firstMoments[0][0, 1], significantDigits: 5),
        formatCompact(adam.correctedFirstMoments[0][0, 1], significantDigits: 5),
        formatCompact(adam.secondMoments[0][0, 1], significantDigits: 5),
        formatCompact(adam.correctedSecondMoments[0][0, 1], significantDigits: 5),
        formatCompact(moved[1], significantDigits: 5)
    ])
}
chapter.say("For the weight with g = 1 (lr = 0.01):")
chapter.table(biasTable)
chapter.show("g", gradient.elements)
chapter.check(
    "first step ≈ −lr · sign(g) for gradients from 100 down to 0.01", computed: firstStep,
    byHand: [-0.01, -0.01, -0.01, 0.01], derivation: "m̂ = g, v̂ = g²: −lr g/(|g| + ε)",
    tolerance: Tolerance(absolute: 0, relative: 1e-5))
chapter.check(
    "under a constant gradient m̂_t = g at every step t = 1…5",
    holds: correctedHistory.allSatisfy { Tolerance(absolute: 0, relative: 1e-12).accepts($0, gradient.elements) },
    detail: "m_t = (1 − 0.9ᵗ) g, divided by 1 − 0.9ᵗ")
chapter.check(
    "the raw first moment after one step is only (1 − β₁) g", computed: firstRawMoments,
    byHand: [10, 0.1, 0.001, -0.5], derivation: "0.1 · g", tolerance: .tight)

// MARK: 10.4 Nesterov's two forms

chapter.section("Nesterov momentum: two forms, one method")
chapter.formula(
    "Sutskever:   u ← μ u − lr ∇f(θ + μ u),   θ ← θ + u\nPyTorch:     v ← μ v + ∇f(w),   w ← w − lr (∇f(w) + μ v)")
chapter.say(
    "The first evaluates the gradient at a look-ahead point; the second only ever at the current weights, "
        + "which is what a training loop has. They are the same iteration: PyTorch's w is Sutskever's look-ahead point "
        + "θ + μ u, and u = −lr v.")
let lr = 1e-4, mu = 0.9
let original = Nesterov.lookAheadIterates(on: rosenbrock, from: valleyStart, learningRate: lr, momentum: mu, steps: 200)
let reformulated = OptimizationPath(
    minimizing: rosenbrock, from: valleyStart, with: Nesterov(learningRate: lr, momentum: mu),
    maximumSteps: 200, tolerance: nil)
let gap = (0...200).map { k in
    zip(reformulated.points[k], zip(original.positions[k], original.velocities[k]).map { $0 + mu * $1 }).map {
        abs($0 - $1)
    }.max()!
}.max()!
chapter.check(
    "max over 200 steps of |w_k − (θ_k + μ u_k)| on Rosenbrock", computed: gap, byHand: 0,
    derivation: "the gap between one iteration and itself", tolerance: Tolerance(absolute: 1e-12, relative: 0))

// MARK: 10.5 Closed forms

chapter.section("Momentum and AdaGrad in closed form")
chapter.formula("momentum on f = a x²/2:   x_{k+1} = (1 + μ − lr a) x_k − μ x_{k−1},   x₁ = (1 − lr a) x₀")
let momentumPath = OptimizationPath(
    minimizing: DiagonalQuadratic(curvatures: [2]), from: [3],
    with: Momentum(learningRate: 0.1, momentum: 0.8), maximumSteps: 20, tolerance: nil)
let recurrence = DiagonalQuadratic.momentumRecurrence(
    start: 3, curvature: 2, learningRate: 0.1, momentum: 0.8, steps: 20)
chapter.check(
    "x₂ by hand (a = 2, lr = 0.1, μ = 0.8, x₀ = 3)", computed: momentumPath.points[2][0], byHand: 1.44,
    derivation: "v₁ = 6, x₁ = 2.4; v₂ = 0.8·6 + 2·2.4 = 9.6, x₂ = 2.4 − 0.96", tolerance: .tight)
chapter.check(
    "x₀…x₂₀ of the run against the recurrence", computed: momentumPath.points.map { $0[0] }, byHand: recurrence,
    tolerance: Tolerance(absolute: 1e-13, relative: 1e-12))
chapter.formula("AdaGrad, constant g:   G_t = t g²,   step_t = lr g / (√t |g| + ε) ≈ lr sign(g) / √t")
var adaGrad = AdaGrad(learningRate: 0.5)
var adaWeights: [Matrix] = [[[0]]]
var adaSteps: [Double] = []
for _ in 1...9 {
    let before = adaWeights[0][0, 0]
    adaGrad.step(&adaWeights, gradients: [[[3]]])
    adaSteps.append(before - adaWeights[0][0, 0])
}
chapter.check(
    "AdaGrad's steps 1…9 under g = 3, lr = 0.5", computed: adaSteps,
    byHand: (1...9).map { 0.5 / Double($0).squareRoot() },
    derivation: "0.5/√t", tolerance: Tolerance(absolute: 0, relative: 1e-9))

// MARK: 10.6 Weight decay, coupled and decoupled

chapter.section("AdamW: weight decay outside the gradient")
chapter.formula("L2 in the loss:  g ← g + λ w, then Adam         AdamW:  w ← (1 − lr λ) w, then Adam on g")
chapter.say(
    "Adam divides everything in g by √v̂, the L2 term included, so a weight with large gradients is "
        + "hardly decayed at all. AdamW shrinks every weight by the same factor whatever its gradient.")
var adamW = AdamW(learningRate: 0.1, weightDecay: 0.5)
var decayed: [Matrix] = [Matrix(row: [2, -4])]
adamW.step(&decayed, gradients: [Matrix(row: [0, 0])])
chapter.check(
    "AdamW with a zero gradient: w ← (1 − lr λ) w", computed: decayed[0].elements, byHand: [1.9, -3.8],
    derivation: "(1 − 0.1 · 0.5) · (2, −4)", tolerance: .tight)
decoupledAgainstPenalised(&chapter, on: rosenbrock, from: valleyStart)

// MARK: 10.7 Schedules and clipping

chapter.section("Learning-rate schedules and gradient clipping")
let schedules: [(String, LearningRateSchedule)] = [
    ("constant 0.1", .constant(0.1)),
    ("step: 0.1 · 0.5^⌊t/30⌋", .step(initial: 0.1, factor: 0.5, every: 30)),
    ("exponential: 0.1 · 0.5^(t/30)", .exponential(initial: 0.1, decayRate: 0.5, decaySteps: 30)),
    ("cosine: 0.001 + ½ (0.1 − 0.001)(1 + cos πt/100)", .cosine(initial: 0.1, minimum: 0.001, totalSteps: 100))
]
let probeSteps = [0, 15, 30, 50, 100, 150]
var scheduleTable = TextTable(
    ["schedule"] + probeSteps.map { "t = \($0)" }, alignments: [.left] + probeSteps.map { _ in .right })
for (name, schedule) in schedules {
    scheduleTable.append([name] + probeSteps.map { formatCompact(schedule.rate(at: $0), significantDigits: 4) })
}
chapter.table(scheduleTable)
drawScheduleFigures(chapter, schedules)
chapter.check(
    "step schedule at t = 15, 30, 100", computed: [15, 30, 100].map(schedules[1].1.rate(at:)),
    byHand: [0.1, 0.05, 0.0125],
    derivation: "0.1 · 0.5^0, 0.5^1, 0.5^3")
chapter.check(
    "exponential schedule at t = 15", computed: schedules[2].1.rate(at: 15), byHand: 0.1 / 2.0.squareRoot(),
    derivation: "0.1 · 0.5^½ = 0.1/√2")
chapter.check(
    "cosine schedule at t = 50 and past the end", computed: [50, 150].map(schedules[3].1.rate(at:)),
    byHand: [0.0505, 0.001],
    derivation: "0.001 + ½ · 0.099 · (1 + 0); held at the minimum")
chapter.formula("clipping by global norm:   g ← g · min(1, c / ‖g‖),   ‖g‖ = √(Σ over all parameters of Σ g²)")
var gradients: [Matrix] = [Matrix(row: [3]), Matrix(row: [4, 0])]
let normBefore = clipByGlobalNorm(&gradients, maximumNorm: 1)
chapter.check("‖g‖ before clipping", computed: normBefore, byHand: 5, derivation: "√(3² + 4²)")
chapter.check(
    "the clipped gradients keep their direction, norm 1", computed: gradients.flatMap(\.elements),
    byHand: [0.6, 0.8, 0],
    derivation: "(3, 4, 0)/5")

// MARK: 10.8 The family

chapter.section("The same few ideas under many names")
chapter.say(
    "Three ideas make up every optimizer in this chapter. (1) Momentum: replace the gradient by a decaying "
        + "sum of past gradients, v = μ v + g, an average up to the factor 1 − μ (heavy ball; Nesterov is the same with a look-ahead). (2) Per-weight scaling: divide by "
        + "the root of a running sum (AdaGrad) or a running average (RMSProp) of squared gradients. (3) Adam = "
        + "momentum (1) in its averaging form with RMSProp's scaling (2), both debiased because they start at 0. Then details: AdamW "
        + "= Adam with the weight decay applied to the weights instead of the gradient; NAdam = Adam with Nesterov's "
        + "look-ahead; AMSGrad = Adam with v̂ never decreasing; Adadelta ≈ RMSProp with the learning rate replaced by "
        + "a running average of past steps; AdaMax = Adam with the ∞-norm instead of the root mean square. "
        + "Learning-rate schedules and clipping are not optimizers: they wrap any of them.")

chapter.section("PyTorch, Keras and optax, convention by convention")
var conventions = TextTable(
    ["", "here (default = PyTorch)", "Keras (optax where it differs from both)"], alignments: [.left, .left, .left],
    maximumWidths: [12, 40, 40])
conventions.append([
    "momentum", "v ← μ v + g; w ← w − lr v",
    "convention: .sutskever, u ← μ u − lr g; w ← w + u (same iterates at constant lr)"
])
conventions.append([
    "Nesterov", "v ← μ v + g; w ← w − lr (g + μ v)",
    "convention: .sutskever, u ← μ u − lr g; w ← w + μ u − lr g (same at constant lr)"
])
conventions.append([
    "AdaGrad", "G₀ = 0; w ← w − lr g / (√G + ε), ε = 1e-10",
    "initialAccumulator: 0.1, epsilonPlacement: .insideRoot, w ← w − lr g / √(G + ε), ε = 1e-7 (optax: the same)"
])
conventions.append([
    "RMSProp", "ρ = 0.99 (alpha); w ← w − lr g / (√s + ε), ε = 1e-8",
    "ρ = 0.9; epsilonPlacement: .insideRoot, ε = 1e-7 (optax: inside, ε = 1e-8)"
])
conventions.append([
    "Adam", "w ← w − lr m̂ / (√v̂ + ε), ε = 1e-8",
    "convention: .keras, w ← w − lr √(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε̂), ε̂ = 1e-7 (optax: PyTorch's, plus ε_root under the root, .optax(epsilonRoot:))"
])
conventions.append(["AdamW", "w ← (1 − lr λ) w first, λ = 0.01", "the same decay, λ = 0.004"])
conventions.append([
    "defaults lr", "AdaGrad 0.01, RMSProp 0.01, Adam 0.001", "SGD 0.01, AdaGrad 0.001, RMSProp 0.001, Adam 0.001"
])
chapter.table(conventions)

// MARK: 10.10 The three frameworks side by side (FrameworkConventions.swift)

frameworkConventions(&chapter, rosenbrock: rosenbrock, start: valleyStart)

// MARK: 10.11 Newton's method (NewtonSection.swift)

newtonBesideFirstOrder(&chapter, names: valleyContenders.map(\.name), bowlPaths: bowlPaths, valleyPaths: valleyPaths)

// MARK: 10.12 Where the book is wrong (Errata.swift)

whereTheBookIsWrong(
    &chapter, names: bowlContenders.map(\.name), steps: bowlPaths.map(\.stepsToTolerance),
    gradient: gradient.elements, adamStep: firstStep)

chapter.finish()
