import DLMath
import DLPresentation
import Foundation

/// f(x, y) = x³ − 3x + y³ − 3y: critical points at x, y = ±1, one of each kind.
func cubicSurface(_ p: [Double]) -> Double {
    p[0] * p[0] * p[0] - 3 * p[0] + p[1] * p[1] * p[1] - 3 * p[1]
}

func criticalPoints(_ chapter: inout Chapter) {
    chapter.section("Minimum, maximum, saddle: the Hessian at a critical point")
    chapter.say(
        "At a critical point x* the gradient is 0, so f(x* + d) ≈ f(x*) + ½ dᵀ H d: the sign of the quadratic form decides. All eigenvalues of H positive: f rises in every direction, a minimum. All negative: a maximum. Both signs: a saddle. A zero eigenvalue leaves the test undecided (x⁴ and −x⁴ both have H = 0 at 0). The test needs ∇f = 0; elsewhere the same eigenvalues only describe the bending."
    )
    chapter.formula(
        """
        ∇f(x*) = 0:   λᵢ(H) > 0 all i → minimum    λᵢ < 0 all i → maximum    mixed signs → saddle
        f = x³ − 3x + y³ − 3y:   ∇f = (3x² − 3, 3y² − 3) = 0 at x, y = ±1,   H = diag(6x, 6y)
        """)
    var table = TextTable(["x*", "∇f(x*)", "H (analytic)", "eigenvalues", "kind"])
    let points: [([Double], String)] = [
        ([1, 1], "minimum"), ([-1, -1], "maximum"), ([1, -1], "saddle"), ([-1, 1], "saddle")
    ]
    for (point, byHand) in points {
        let gradient = numericalGradient(of: cubicSurface, at: point)
        let analytic = Matrix.diagonal([6 * point[0], 6 * point[1]])
        let numerical = numericalHessian(of: cubicSurface, at: point)
        let eigenvalues = (try? numerical.symmetricEigen().eigenvalues) ?? []
        let kind =
            eigenvalues.allSatisfy { $0 > 0 } ? "minimum" : eigenvalues.allSatisfy { $0 < 0 } ? "maximum" : "saddle"
        table.append([
            arrayText(point), arrayText(gradient.map { abs($0) < 1e-9 ? 0 : $0 }, significantDigits: 2),
            "diag(\(formatCompact(6 * point[0])), \(formatCompact(6 * point[1])))",
            arrayText(eigenvalues, significantDigits: 4), kind
        ])
        chapter.check(
            "(\(formatCompact(point[0])), \(formatCompact(point[1]))): numerical H = diag(6x, 6y)", computed: numerical,
            byHand: analytic,
            derivation: "f_xx = 6x, f_yy = 6y, f_xy = 0", tolerance: .numerical)
        chapter.check(
            "(\(formatCompact(point[0])), \(formatCompact(point[1]))) is a \(byHand)",
            holds: kind == byHand && gradient.norm() < 1e-8,
            detail: "‖∇f‖ = \(formatScientific(gradient.norm())), λ = \(arrayText(eigenvalues, significantDigits: 4))")
    }
    chapter.table(table)

    chapter.say(
        "The module writes out the Hessians of the functions it has in closed form (`hessian(at:)` of Rosenbrock, the quadratic form ½ xᵀAx − bᵀx, the diagonal bowl; `meanSquaredErrorHessian`, `logisticLossHessian`). Each against central differences:"
    )
    chapter.formula(
        """
        Rosenbrock (a − x)² + b (y − x²)²:  H = [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]]
        MSE (1/N)‖Xw − y‖²:  H = (2/N) XᵀX      logistic loss:  H = (1/N) Xᵀ diag(p(1 − p)) X
        """)
    let rosenbrock = Rosenbrock()
    chapter.check(
        "Rosenbrock H at the minimum (1, 1)", computed: rosenbrock.hessian(at: [1, 1]),
        byHand: [[802, -400], [-400, 200]],
        derivation: "2 + 8·100, −4·100, 2·100")
    let rosenbrockGap = (rosenbrock.hessian(at: [-1.2, 1]) - numericalHessian(of: rosenbrock.value(at:), at: [-1.2, 1]))
        .norm(.max)
    chapter.check(
        "Rosenbrock H at (−1.2, 1): analytic vs central differences (h = 1e-4)", holds: rosenbrockGap < 1e-4,
        detail: "largest gap \(formatScientific(rosenbrockGap)) of entries up to 1330 (below 1e-4)")
    if let eigen = try? rosenbrock.hessian(at: [1, 1]).symmetricEigen() {
        chapter.say(
            "At Rosenbrock's minimum the eigenvalues are \(arrayText(eigen.eigenvalues, significantDigits: 5)): a minimum, with κ = \(formatCompact(eigen.eigenvalues[1] / eigen.eigenvalues[0], significantDigits: 4)), the narrow valley that chapter 10 crawls along."
        )
    }
    let x: Matrix = [[1, 0.5, -1], [1, -0.2, 0.3], [1, 1.5, 0.7], [1, -1, -0.4], [1, 0.1, 2]]
    let y: [Double] = [1, 0, 1, 0, 1]
    let w: [Double] = [0.2, -0.5, 0.8]
    func logisticLoss(_ w: [Double]) -> Double {
        let p = (x * w).map { 1 / (1 + exp(-$0)) }
        return -zip(p, y).map { $1 * log($0) + (1 - $1) * log(1 - $0) }.reduce(0, +) / Double(y.count)
    }
    let logisticGap = (logisticLossHessian(features: x, weights: w) - numericalHessian(of: logisticLoss, at: w)).norm(
        .max)
    chapter.check(
        "logistic loss H (5 examples, 3 weights): analytic vs central differences (h = 1e-4)",
        holds: logisticGap < 1e-6,
        detail: "largest gap \(formatScientific(logisticGap)) (below 1e-6)")
}
