import DLMath
import DLPresentation
import Foundation

/// Section 10.10: Newton's method on the two functions of the race, its
/// error sequence, and its path on Rosenbrock (a figure of its own; the
/// shared figure file belongs to the first-order race).
func newtonBesideFirstOrder(
    _ chapter: inout Chapter, names: [String], bowlPaths: [OptimizationPath],
    valleyPaths: [OptimizationPath]
) {
    chapter.section("Newton's method beside the first-order optimizers")
    chapter.say(
        "Every method above uses only the gradient. Newton's method also uses the Hessian: it jumps to the minimum of the local quadratic model. On a quadratic that model is exact, so one step lands on the minimum whatever κ: the Hessian undoes the stretching that makes gradient descent crawl. Far from a minimum the model can point uphill (H not positive definite); the damped variant shifts H by μI until it is positive definite and halves the step until f decreases enough (Armijo)."
    )
    chapter.formula(
        """
        Newton:  x_{k+1} = x_k − H(x_k)⁻¹ ∇f(x_k)      damped:  (H + μI) d = −∇f,  μ = max(0, δ − λ_min),  x ← x + α d
        near a minimum with H > 0:  e_{k+1} ≤ C e_k²   (quadratic convergence: the correct digits double)
        """)
    let bowl = DiagonalQuadratic.illConditioned
    let rosenbrock = Rosenbrock()
    let newton = NewtonMethod.Variant.allCases.map { variant in
        (
            variant, NewtonMethod(variant).path(minimizing: bowl, from: [-4, 1.5], maximumSteps: 100, tolerance: 1e-4),
            NewtonMethod(variant).path(minimizing: rosenbrock, from: [-1.2, 1], maximumSteps: 100, tolerance: 1e-3)
        )
    }
    var table = TextTable(
        ["method", "bowl ½(x² + 25y²), tol 1e-4", "Rosenbrock, tol 1e-3"], alignments: [.left, .right, .right])
    func steps(_ path: OptimizationPath) -> String {
        path.stepsToTolerance.map(String.init) ?? (path.diverged ? "diverged" : "not reached")
    }
    for (name, (bowlPath, valleyPath)) in zip(names, zip(bowlPaths, valleyPaths)) {
        table.append([name, steps(bowlPath), steps(valleyPath)])
    }
    for (variant, bowlPath, valleyPath) in newton {
        table.append([variant.rawValue, steps(bowlPath), steps(valleyPath)])
    }
    chapter.table(table)
    chapter.say(
        "From (−1.2, 1) pure Newton happens to be faster: its second step jumps far out of the valley to (0.76, −3.18), where f = 1412 (uphill from 4.7), and the model there happens to point straight at the floor near (1, 1). Damped Newton refuses uphill steps and follows the valley, 20 steps instead of 5, but it cannot be thrown to a saddle or a maximum. Both beat the thousand-step walks of the first-order methods."
    )
    chapter.check(
        "Newton: one step on the bowl, from any start", holds: newton.allSatisfy { $0.1.stepsToTolerance == 1 },
        detail: "x₁ = x₀ − diag(1, 25)⁻¹ (x₀, 25 y₀) = 0")
    let fastestFirstOrder = valleyPaths.compactMap(\.stepsToTolerance).min() ?? 0
    let damped = newton[1].2
    chapter.check(
        "damped Newton reaches Rosenbrock's tolerance in fewer steps than the fastest first-order method",
        holds: (damped.stepsToTolerance ?? .max) < fastestFirstOrder,
        detail: "\(damped.stepsToTolerance ?? -1) against \(fastestFirstOrder)")
    chapter.check(
        "every damped step decreases f (the line search)",
        holds: zip(damped.values, damped.values.dropFirst()).allSatisfy { $1 <= $0 },
        detail: "f from \(formatCompact(damped.values[0])) to \(formatScientific(damped.values.last ?? .nan))")

    chapter.say(
        "Quadratic convergence shows in the error sequence e_k = ‖x_k − x*‖ of damped Newton on Rosenbrock, run to 1e-12: once the steps are full Newton steps near (1, 1), e_{k+1} / e_k² settles to a constant, so the exponent of e about doubles each step. A linearly converging method (gradient descent) has e_{k+1} / e_k constant instead, and e_{k+1} / e_k² blowing up."
    )
    let long = NewtonMethod(.damped).path(minimizing: rosenbrock, from: [-1.2, 1], maximumSteps: 100, tolerance: 1e-12)
    let errors = long.points.map {
        zip($0, rosenbrock.minimizer).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }
    var sequence = TextTable(
        ["k", "e_k", "e_k / e_{k−1}", "e_k / e_{k−1}²"], alignments: [.right, .right, .right, .right])
    let shown = max(1, errors.count - 7)
    for k in shown..<errors.count {
        sequence.append([
            "\(k)", formatScientific(errors[k]), formatScientific(errors[k] / errors[k - 1]),
            formatScientific(errors[k] / (errors[k - 1] * errors[k - 1]))
        ])
    }
    chapter.table(sequence)
    let tail = (max(1, errors.count - 3)..<errors.count).filter { errors[$0] > 0 && errors[$0 - 1] < 1e-2 }
    chapter.check(
        "the last steps have e_{k+1} ≤ 50 e_k² (quadratic), while e_{k+1}/e_k falls toward 0 (faster than linear)",
        holds: !tail.isEmpty
            && tail.allSatisfy {
                errors[$0] <= 50 * errors[$0 - 1] * errors[$0 - 1] && errors[$0] / errors[$0 - 1] < 1e-2
            },
        detail: tail.map {
            "e\($0) / e\($0 - 1)² = \(formatCompact(errors[$0] / (errors[$0 - 1] * errors[$0 - 1]), significantDigits: 3))"
        }.joined(separator: ", "))
    chapter.say(
        "The price: each step needs the n x n Hessian and a linear solve, O(n²) memory and O(n³) time. For a network with a million weights that is 10¹² numbers, which is why deep learning lives with first-order methods and approximates curvature cheaply (the adaptive methods' per-coordinate scaling is a diagonal guess at it)."
    )

    var plot = Plot(title: "Newton's path on Rosenbrock's function", x: "x", y: "y")
    plot.equalAspect = true
    let drawn = [("Newton", newton[0].2), ("damped Newton", damped), ("Adam (lr 0.1)", valleyPaths[5])]
    let series = drawn.enumerated().map { index, entry -> Series in
        var s = planePath(entry.0, entry.1)
        s.color = Palette.color(index == 2 ? 5 : 7 + index)
        return s
    }
    plot.function(
        x: covering(series.flatMap(\.x), -1.5...1.5), y: covering(series.flatMap(\.y), -0.5...1.5),
        style: .contours, valueScale: .log, resolution: 80
    ) { rosenbrock.value(at: [$0, $1]) }
    for s in series { plot.path(s) }
    plot.marker("minimum w* = (1, 1)", x: rosenbrock.minimizer[0], y: rosenbrock.minimizer[1])
    plot.notes.append(
        "○ start (−1.2, 1), ● end; pure Newton \(newton[0].2.stepCount) steps, damped \(damped.stepCount), Adam \(valleyPaths[5].stepCount)"
    )
    chapter.figure(plot, name: "newton-rosenbrock")
}
