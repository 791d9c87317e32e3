// Chapter 11, 11.8: bias and variance over many data sets, and L2 as a Gaussian prior (MAP).
import DLMath
import DLPresentation
import Foundation

/// The ridge plane: argmin Σ (y − w₀ − w₁x₁ − w₂x₂)² + λ (w₁² + w₂²), the intercept not penalised,
/// as least squares on the data with two extra rows √λ e₁, √λ e₂ of target 0.
func ridgePlane(_ examples: TrainingExamples, strength lambda: Double) -> [Double] {
    let features = LinearRegression.withIntercept(examples.inputs)
    let root = lambda.squareRoot()
    let augmented = Matrix(
        (0..<features.rows).map { i in (0..<3).map { features[i, $0] } } + [[0, root, 0], [0, 0, root]])
    let targets = Matrix(column: examples.targets.elements + [0, 0])
    return normalEquationsSolution(features: augmented, targets: targets)!.elements
}

/// −log posterior of the plane's weights (up to a constant): Σ (y − Xw)²/(2σ²) + (w₁² + w₂²)/(2τ²).
struct NegativeLogPosterior: ObjectiveFunction {
    let features: Matrix, targets: [Double], sigma: Double, tau: Double
    var name: String { "−log p(w | data)" }
    func value(at w: [Double]) -> Double {
        var total = 0.0
        for i in 0..<features.rows {
            let r = w[0] * features[i, 0] + w[1] * features[i, 1] + w[2] * features[i, 2] - targets[i]
            total += r * r
        }
        return total / (2 * sigma * sigma) + (w[1] * w[1] + w[2] * w[2]) / (2 * tau * tau)
    }
    func gradient(at w: [Double]) -> [Double] {
        var g = [0.0, 0, 0]
        for i in 0..<features.rows {
            let r = w[0] * features[i, 0] + w[1] * features[i, 1] + w[2] * features[i, 2] - targets[i]
            for k in 0..<3 { g[k] += r * features[i, k] / (sigma * sigma) }
        }
        g[1] += w[1] / (tau * tau)
        g[2] += w[2] / (tau * tau)
        return g
    }
    var minimizer: [Double] { [0, 0, 0] }  // not known in closed form here; the chapter compares with the ridge plane
}

func biasAndVariance(_ chapter: inout Chapter) {
    chapter.section("Bias and variance, and L2 as a Gaussian prior")
    let sigma = 0.1, n = 12, dataSets = 400
    chapter.say(
        "One training set is one draw. Draw \(dataSets) training sets of n = \(n) from the model of 11.2 "
            + "(y = 0.5 x₁ + 0.3 x₂ + N(0, 0.1²)), fit the ridge plane to each, and look at its predictions at 25 fixed test "
            + "points: the bias² is how far their mean is from the true line, the variance how much they scatter across data "
            + "sets. The expected test error of the method is bias² + variance + σ².")
    chapter.formula("E[(f̂(x) − y)²] = (E f̂(x) − f(x))² + Var f̂(x) + σ²,   ridge: min Σ (y − w₀ − w·x)² + λ ‖w‖²")
    let testPoints: [[Double]] = (0..<25).map { (k: Int) -> [Double] in
        [0.1 + 0.2 * Double(k % 5), 0.1 + 0.2 * Double(k / 5)]
    }
    let truth: [Double] = testPoints.map { (p: [Double]) -> Double in 0.5 * p[0] + 0.3 * p[1] }
    var generator = SeededGenerator(seed: 808)
    let sets = (0..<dataSets).map { _ in TrainingExamples.bookExample(count: n, using: &generator) }
    let freshNoise = (0..<dataSets).map { _ in
        generator.normalMatrix(rows: 1, columns: 25, standardDeviation: sigma).elements
    }
    var table = TextTable(
        ["λ", "prior τ = σ/√λ", "bias²", "variance", "bias² + var + σ²", "measured test MSE"],
        alignments: [.right, .right, .right, .right, .right, .right])
    var rows: [(bias: Double, variance: Double, sum: Double, measured: Double)] = []
    for lambda in [0.0, 0.03, 0.1, 0.3] {
        let predictions: [[Double]] = sets.map { set -> [Double] in
            let w = ridgePlane(set, strength: lambda)
            return testPoints.map { (p: [Double]) -> Double in w[0] + w[1] * p[0] + w[2] * p[1] }
        }
        var bias = 0.0, variance = 0.0, measured = 0.0
        for p in 0..<25 {
            let mean: Double = predictions.reduce(0.0) { $0 + $1[p] } / Double(dataSets)
            bias += (mean - truth[p]) * (mean - truth[p]) / 25
            let spread: Double = predictions.reduce(0.0) { $0 + ($1[p] - mean) * ($1[p] - mean) }
            variance += spread / Double(dataSets) / 25
            for s in 0..<dataSets {
                let miss: Double = predictions[s][p] - (truth[p] + freshNoise[s][p])
                measured += miss * miss / Double(25 * dataSets)
            }
        }
        rows.append((bias, variance, bias + variance + sigma * sigma, measured))
        table.append([
            formatCompact(lambda), lambda == 0 ? "∞" : formatCompact(sigma / lambda.squareRoot(), significantDigits: 3),
            formatScientific(bias, significantDigits: 2), formatScientific(variance, significantDigits: 2),
            formatFixed(bias + variance + sigma * sigma, decimals: 5), formatFixed(measured, decimals: 5)
        ])
    }
    chapter.table(table)
    chapter.say(
        "λ trades one for the other: the penalty pulls the slopes toward 0 (bias) and makes the fit less "
            + "sensitive to the particular data set (variance). With 12 noisy points λ = 0.1 changes the total from "
            + "\(formatFixed(rows[0].sum, decimals: 5)) to \(formatFixed(rows[2].sum, decimals: 5)); by λ = 0.3 the bias has taken over. "
            + "(The intercept is not penalised: shrink the slopes much further and it starts to absorb the data sets' "
            + "differences, so the variance rises again.)")
    chapter.check(
        "least squares (λ = 0) is unbiased: bias² below a hundredth of its variance",
        holds: rows[0].bias < 0.01 * rows[0].variance,
        detail:
            "bias² \(formatScientific(rows[0].bias, significantDigits: 2)) against variance \(formatScientific(rows[0].variance, significantDigits: 2)) (the bias left is sampling error of \(dataSets) sets)"
    )
    let later = Array(rows.dropFirst())
    chapter.check(
        "as λ grows the variance falls, and from λ = 0.03 on the bias² rises",
        holds: zip(rows, rows.dropFirst()).allSatisfy { $1.variance < $0.variance }
            && zip(later, later.dropFirst()).allSatisfy { $1.bias > $0.bias },
        detail: "variance " + rows.map { formatScientific($0.variance, significantDigits: 2) }.joined(separator: " > ")
            + "; at λ = 0 and 0.03 the bias² is at the sampling floor of \(dataSets) sets, about 1e-5")
    chapter.check(
        "measured test MSE = bias² + variance + σ² (within 5%, fresh noise at the test points)",
        computed: rows.map(\.measured), byHand: rows.map(\.sum),
        derivation: "the decomposition, term by term from the table",
        tolerance: Tolerance(absolute: 0, relative: 0.05))

    chapter.say(
        "Where λ comes from: with a Gaussian prior w₁, w₂ ~ N(0, τ²) and Gaussian noise σ², Bayes' rule makes "
            + "the most probable weights (the MAP estimate) the minimiser of Σ (y − Xw)²/(2σ²) + ‖w‖²/(2τ²), which is the "
            + "ridge objective times 1/(2σ²) with λ = σ²/τ². L2 regularisation is a Gaussian prior; an L1 penalty would be a "
            + "Laplace prior. Checked by minimising the negative log-posterior by gradient descent, a different method from "
            + "the ridge plane's least squares:")
    let set = sets[0], tau = 0.1
    let posterior = NegativeLogPosterior(
        features: LinearRegression.withIntercept(set.inputs), targets: set.targets.elements, sigma: sigma, tau: tau)
    let map = OptimizationPath(
        minimizing: posterior, from: [0, 0, 0], with: Momentum(learningRate: 1e-3, momentum: 0.9),
        maximumSteps: 20_000, tolerance: nil
    ).finalPoint
    let ridge = ridgePlane(set, strength: sigma * sigma / (tau * tau))
    chapter.check(
        "MAP with τ = 0.1 (gradient descent on −log p) = the ridge plane with λ = σ²/τ² = 1", computed: map,
        byHand: ridge,
        derivation: "least squares on the data and the rows √λ e₁, √λ e₂",
        tolerance: Tolerance(absolute: 1e-8, relative: 0))
}
