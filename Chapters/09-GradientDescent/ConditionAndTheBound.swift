import DLMath
import DLPresentation
import Foundation

/// f(x) = x⁴/4 + x²/2: minimum at 0 with f''(0) = 1, but f'' = 3x² + 1 grows away from it.
struct SteepeningBowl: ObjectiveFunction {
    var name: String { "x⁴/4 + x²/2" }
    func value(at x: [Double]) -> Double { pow(x[0], 4) / 4 + x[0] * x[0] / 2 }
    func gradient(at x: [Double]) -> [Double] { [pow(x[0], 3) + x[0]] }
    var minimizer: [Double] { [0] }
}

/// Section 9.6: the bound 2/λ_max on any quadratic (not only a diagonal one),
/// why it is only a local statement for other functions, and κ as the
/// reason plain gradient descent crawls.
func conditionAndTheBound(_ chapter: inout Chapter) {
    chapter.section("The bound 2/λ_max belongs to quadratics; κ sets the pace")
    chapter.say(
        "On any quadratic f(x) = ½ xᵀAx − bᵀx with A symmetric positive definite, the error e = x − x* obeys e ← (I − lr A) e, so in the eigenvector basis of A each coordinate runs the 1-D recurrence of 9.1 with aᵢ = λᵢ: gradient descent converges for every start iff 0 < lr < 2/λ_max. The rotated bowl below is not diagonal, and its bound comes from its eigenvalues."
    )
    chapter.formula(
        "f = ½ xᵀAx − bᵀx:  e_{k+1} = (I − lr A) e_k,   converges from every start ⇔ 0 < lr < 2/λ_max(A)\nat lr = 2/(λ_min + λ_max):  ‖e_k‖ ≤ ((κ − 1)/(κ + 1))ᵏ ‖e₀‖,   steps to shrink by 1e-6 ≈ (κ/2) ln 1e6"
    )
    let angle = Double.pi / 6
    let rotation: Matrix = [[cos(angle), -sin(angle)], [sin(angle), cos(angle)]]
    let a = rotation * Matrix.diagonal([1, 50]) * rotation.transposed
    let quadratic = QuadraticForm(matrix: (a + a.transposed) / 2, linear: [1, 2])
    chapter.show("A = R diag(1, 50) Rᵀ (R a 30° rotation)", quadratic.matrix)
    guard let eigen = try? quadratic.matrix.symmetricEigen() else { return }
    let lambdaMax = eigen.eigenvalues[1]
    chapter.check("λ(A)", computed: eigen.eigenvalues, byHand: [1, 50], derivation: "a rotation keeps the eigenvalues")
    let start = [3.0, -2.0]
    let below = OptimizationPath(
        minimizing: quadratic, from: start, with: SGD(learningRate: 0.99 * 2 / lambdaMax), maximumSteps: 5000,
        tolerance: 1e-6)
    let above = OptimizationPath(
        minimizing: quadratic, from: start, with: SGD(learningRate: 1.01 * 2 / lambdaMax), maximumSteps: 5000,
        tolerance: 1e-6)
    chapter.check(
        "lr = 0.99 · 2/λ_max converges, 1.01 · 2/λ_max diverges",
        holds: below.stepsToTolerance != nil && above.diverged,
        detail:
            "2/λ_max = \(formatCompact(2 / lambdaMax)); below: \(below.stepsToTolerance ?? -1) steps; above: diverged after \(above.stepCount)"
    )

    chapter.say(
        "For any other smooth f the statement is local. Near a minimum x* with Hessian H, f is almost the quadratic with A = H, so lr < 2/λ_max(H(x*)) is sufficient for convergence from close enough; it says nothing from far away, where the curvature is different. f(x) = x⁴/4 + x²/2 has f''(0) = 1, bound 2, yet lr = 1 diverges from x₀ = 2, where f'' = 13:"
    )
    let steepening = SteepeningBowl()
    let near = OptimizationPath(
        minimizing: steepening, from: [0.5], with: SGD(learningRate: 1), maximumSteps: 200, tolerance: 1e-8)
    let far = OptimizationPath(
        minimizing: steepening, from: [2], with: SGD(learningRate: 1), maximumSteps: 200, tolerance: 1e-8)
    chapter.check(
        "lr = 1 < 2/f''(0) = 2: converges from 0.5", holds: near.stepsToTolerance != nil,
        detail: "\(near.stepsToTolerance ?? -1) steps; x₁ = 0.5 − (0.125 + 0.5) = −0.125")
    chapter.check(
        "the same lr diverges from 2", holds: far.diverged,
        detail: "x₁ = 2 − (8 + 2) = −8, x₂ = −8 − (−512 − 8) = 512, …")
    chapter.check("first step from 2, by hand", computed: far.points[1][0], byHand: -8, derivation: "2 − (2³ + 2)")

    chapter.say(
        "The condition number κ = λ_max / λ_min is why plain gradient descent crawls: the step must respect the steepest direction (lr < 2/λ_max), and at that step the flattest direction shrinks by only 1 − lr λ_min ≈ 1 − 2/κ. At the best rate 2/(λ_min + λ_max), steps to shrink the error by 1e-6, rotated bowls with eigenvalues 1 and κ, from (1, 1):"
    )
    var table = TextTable(
        ["κ", "steps run", "predicted ⌈ln(1e-6) / ln((κ−1)/(κ+1))⌉", "Newton"],
        alignments: [.right, .right, .right, .right])
    var measured: [Double] = [], predicted: [Double] = []
    for kappa in [1.0, 10, 100, 1000] {
        let m = rotation * Matrix.diagonal([1, kappa]) * rotation.transposed
        let f = QuadraticForm(matrix: (m + m.transposed) / 2, linear: [0, 0])
        let lr = 2 / (1 + kappa)
        let tolerance = 1e-6 * 2.0.squareRoot()
        let run = OptimizationPath(
            minimizing: f, from: [1, 1], with: SGD(learningRate: lr), maximumSteps: 100_000, tolerance: tolerance)
        let rate = (kappa - 1) / (kappa + 1)
        let byHand = kappa == 1 ? 1 : ceil(log(1e-6) / log(rate))
        let newton = NewtonMethod(.pure).path(minimizing: f, from: [1, 1], maximumSteps: 5, tolerance: tolerance)
        measured.append(Double(run.stepsToTolerance ?? -1))
        predicted.append(byHand)
        table.append([
            formatCompact(kappa), "\(run.stepsToTolerance ?? -1)", formatCompact(byHand),
            "\(newton.stepsToTolerance ?? -1)"
        ])
    }
    chapter.table(table)
    chapter.check(
        "the steps grow like κ: at most the predicted count (the bound ‖e_k‖ ≤ rateᵏ ‖e₀‖)",
        holds: zip(measured, predicted).allSatisfy { $0 > 0 && $0 <= $1 } && measured[3] > 50 * measured[1],
        detail:
            "run \(measured.map { formatCompact($0) }.joined(separator: ", ")) against \(predicted.map { formatCompact($0) }.joined(separator: ", "))"
    )
    chapter.say("Newton's method (chapter 10) multiplies the gradient by A⁻¹ and takes one step on every one of them.")
}
