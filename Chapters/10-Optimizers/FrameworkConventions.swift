// Chapter 10, 10.9: the PyTorch, Keras and optax forms of each optimizer, run side by side.
import DLMath
import DLPresentation
import Foundation

/// One framework's form of an optimizer.
struct FrameworkForm {
    let framework: String
    let settings: String
    let optimizer: any Optimizer
}

/// c · f: the same minimiser, gradients c times as large.
struct ScaledObjective<F: ObjectiveFunction>: ObjectiveFunction {
    let base: F
    let scale: Double
    var name: String { "\(scale) · \(base.name)" }
    func value(at x: [Double]) -> Double { scale * base.value(at: x) }
    func gradient(at x: [Double]) -> [Double] { base.gradient(at: x).map { scale * $0 } }
    var minimizer: [Double] { base.minimizer }
}

/// The largest coordinate gap between two points.
func largestGap(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { abs($0 - $1) }.max() ?? 0 }

/// Runs each form from the same start on `f` and tabulates the points, with each final point's distance from the first form's.
func sideBySide(
    _ forms: [FrameworkForm], on f: some ObjectiveFunction, from start: [Double],
    steps: Int, probes: [Int]
) -> (table: String, finalGaps: [Double], finalPoints: [[Double]]) {
    let paths = forms.map {
        OptimizationPath(minimizing: f, from: start, with: $0.optimizer, maximumSteps: steps, tolerance: nil)
    }
    var table = TextTable(
        ["framework", "settings"] + probes.map { "after \($0)" } + ["final f", "gap to first"],
        alignments: [.left, .left] + probes.map { _ in .left } + [.right, .right])
    var gaps: [Double] = []
    for (form, path) in zip(forms, paths) {
        let gap = largestGap(path.finalPoint, paths[0].finalPoint)
        gaps.append(gap)
        table.append(
            [form.framework, form.settings] + probes.map { arrayText(path.points[$0], significantDigits: 6) }
                + [
                    formatScientific(path.values.last!, significantDigits: 2),
                    formatScientific(gap, significantDigits: 2)
                ])
    }
    return (table.rendered, gaps, paths.map(\.finalPoint))
}

func frameworkConventions(_ chapter: inout Chapter, rosenbrock: Rosenbrock, start: [Double]) {
    chapter.section("The same optimizer in PyTorch, Keras and optax")
    chapter.say(
        "Each optimizer takes its convention as a parameter, PyTorch's by default. From the same start on "
            + "Rosenbrock, each framework's form with its own default ε, and with the learning rate and decays held equal "
            + "so that only the convention differs (the 'gap' is the largest coordinate difference from the first row's final point):"
    )
    let steps = 3000, probes = [1, 10, 100]
    let adam = sideBySide(
        [
            FrameworkForm(framework: "PyTorch", settings: "ε 1e-8 on √v̂", optimizer: Adam(learningRate: 0.01)),
            FrameworkForm(
                framework: "optax", settings: "ε 1e-8, ε_root 0",
                optimizer: Adam(learningRate: 0.01, convention: .optax(epsilonRoot: 0))),
            FrameworkForm(
                framework: "Keras", settings: "ε̂ 1e-7 on √v",
                optimizer: Adam(learningRate: 0.01, epsilon: 1e-7, convention: .keras)),
            FrameworkForm(
                framework: "Keras", settings: "ε̂ 1e-8 on √v",
                optimizer: Adam(learningRate: 0.01, epsilon: 1e-8, convention: .keras))
        ], on: rosenbrock, from: start, steps: steps, probes: probes)
    chapter.formula("Adam, lr 0.01, β = (0.9, 0.999), \(steps) steps from (−1.2, 1)")
    chapter.block(adam.table)
    chapter.check(
        "optax's Adam (ε_root = 0) is PyTorch's, bit for bit", computed: adam.finalGaps[1], byHand: 0,
        derivation: "the gap between √(v̂ + 0) and √v̂ in floating point", tolerance: Tolerance(absolute: 0, relative: 0))
    chapter.check(
        "Keras' ε̂ form ends within 1e-6 of PyTorch's, but not on the same point",
        holds: adam.finalGaps[2] > 0 && adam.finalGaps[2] < 1e-6 && adam.finalGaps[3] < 1e-6,
        detail:
            "gaps \(formatScientific(adam.finalGaps[2], significantDigits: 2)) (ε̂ 1e-7) and \(formatScientific(adam.finalGaps[3], significantDigits: 2)) (ε̂ 1e-8)"
    )
    chapter.say(
        "Rosenbrock's gradients are large, so ε hardly matters. ε̂ on √v is ε̂/√(1 − β₂ᵗ) on √v̂, 31.6 ε̂ at "
            + "t = 1, so the forms part where √v̂ is near ε: the same function scaled by 1e-12 (the same minimum, "
            + "gradients of order 1e-10, below both ε):")
    let tiny = ScaledObjective(base: rosenbrock, scale: 1e-12)
    let tinyAdam = sideBySide(
        [
            FrameworkForm(framework: "PyTorch", settings: "ε 1e-8 on √v̂", optimizer: Adam(learningRate: 0.01)),
            FrameworkForm(
                framework: "Keras", settings: "ε̂ 1e-7 on √v",
                optimizer: Adam(learningRate: 0.01, epsilon: 1e-7, convention: .keras))
        ], on: tiny, from: start, steps: steps, probes: probes)
    chapter.block(tinyAdam.table)
    // Step 1 by hand: g = 1e-12 · (−215.6, −88). PyTorch: lr g/(|g| + 1e-8) = 0.01 · 2.156e-10/(1.00216e-8) in x.
    let tinyFirst = OptimizationPath(
        minimizing: tiny, from: start, with: Adam(learningRate: 0.01), maximumSteps: 1, tolerance: nil)
    chapter.check(
        "PyTorch's first x step on the scaled function, by hand", computed: tinyFirst.points[1][0] - start[0],
        byHand: 0.01 * 2.156e-10 / (2.156e-10 + 1e-8), derivation: "with g = −215.6e-12: lr |g|/(|g| + ε)",
        tolerance: Tolerance(absolute: 0, relative: 1e-9))
    let moved = tinyAdam.finalPoints.map { largestGap($0, start) }
    chapter.check(
        "there Keras' form has moved less than half as far as PyTorch's", holds: moved[1] < 0.5 * moved[0],
        detail:
            "largest coordinate moved in \(steps) steps: \(formatScientific(moved[1], significantDigits: 3)) against \(formatScientific(moved[0], significantDigits: 3))"
    )

    let rmsProp = sideBySide(
        [
            FrameworkForm(
                framework: "PyTorch", settings: "ε 1e-8 outside √s", optimizer: RMSProp(learningRate: 0.001, decay: 0.9)
            ),
            FrameworkForm(
                framework: "Keras", settings: "ε 1e-7 inside √",
                optimizer: RMSProp(learningRate: 0.001, decay: 0.9, epsilon: 1e-7, epsilonPlacement: .insideRoot)),
            FrameworkForm(
                framework: "optax", settings: "ε 1e-8 inside √",
                optimizer: RMSProp(learningRate: 0.001, decay: 0.9, epsilon: 1e-8, epsilonPlacement: .insideRoot)),
            FrameworkForm(
                framework: "TensorFlow 1", settings: "s₀ = 1, ε 1e-10",
                optimizer: RMSProp(learningRate: 0.001, decay: 0.9, epsilon: 1e-10, initialMeanSquare: 1))
        ], on: rosenbrock, from: start, steps: steps, probes: probes)
    chapter.formula("RMSProp, lr 0.001, ρ 0.9, \(steps) steps")
    chapter.block(rmsProp.table)
    chapter.check(
        "RMSProp: ε inside or outside the root ends within 3 lr (at constant lr RMSProp hovers about lr from the valley floor)",
        holds: rmsProp.finalGaps[1] < 3e-3 && rmsProp.finalGaps[2] < 3e-3,
        detail:
            "gaps \(formatScientific(rmsProp.finalGaps[1], significantDigits: 2)) and \(formatScientific(rmsProp.finalGaps[2], significantDigits: 2))"
    )

    let adaGrad = sideBySide(
        [
            FrameworkForm(
                framework: "PyTorch", settings: "G₀ 0, ε 1e-10 outside", optimizer: AdaGrad(learningRate: 0.5)),
            FrameworkForm(
                framework: "Keras, optax", settings: "G₀ 0.1, ε 1e-7 inside",
                optimizer: AdaGrad(
                    learningRate: 0.5, initialAccumulator: 0.1, epsilon: 1e-7, epsilonPlacement: .insideRoot)),
            FrameworkForm(
                framework: "G₀ = 1", settings: "ε 1e-10 outside",
                optimizer: AdaGrad(learningRate: 0.5, initialAccumulator: 1))
        ], on: rosenbrock, from: start, steps: steps, probes: probes)
    chapter.formula("AdaGrad, lr 0.5, \(steps) steps")
    chapter.block(adaGrad.table)
    // Step 1 from (−1.2, 1): ∇f = (−215.6, −88). PyTorch: G = g², step = lr sign(g) = 0.5 per coordinate → (−0.7, 1.5).
    let firstPyTorch = OptimizationPath(
        minimizing: rosenbrock, from: start, with: AdaGrad(learningRate: 0.5), maximumSteps: 1, tolerance: nil)
    chapter.check(
        "AdaGrad's first step from G₀ = 0 is lr · sign(g) in each coordinate", computed: firstPyTorch.points[1],
        byHand: [-1.2 + 0.5, 1 + 0.5], derivation: "g = ∇f(−1.2, 1) has signs (−, −): (−1.2, 1) + 0.5 · (1, 1)",
        tolerance: Tolerance(absolute: 1e-11, relative: 0))
    chapter.say(
        "The initial accumulator is not a detail on a small problem: G₀ = 0.1 or 1 is far below 215.6², so the "
            + "first step barely changes here, but a weight whose gradients are of order 0.1 moves about 3 times less on "
            + "its first step from G₀ = 0.1 (and 1 − |g|/√(G₀ + g²) less in general).")

    // Momentum: the two variables agree at constant lr and part when lr changes.
    chapter.formula("Nesterov, μ 0.9: 500 steps at lr 0.001, then 500 at lr 0.0005")
    var forms: [(String, Nesterov)] = [
        ("PyTorch (v in gradient units)", Nesterov(learningRate: 0.001, momentum: 0.9)),
        ("Keras, Sutskever (u = −lr v)", Nesterov(learningRate: 0.001, momentum: 0.9, convention: .sutskever))
    ]
    var table = TextTable(
        ["form", "after 500 (lr 0.001)", "after 1000 (lr 0.0005 from step 501)"], alignments: [.left, .left, .left])
    var halfway: [[Double]] = [], ends: [[Double]] = []
    for index in forms.indices {
        var w = [Matrix(row: start)]
        for k in 1...1000 {
            if k == 501 { forms[index].1.learningRate = 0.0005 }
            forms[index].1.step(&w, gradients: [Matrix(row: rosenbrock.gradient(at: w[0].elements))])
            if k == 500 { halfway.append(w[0].elements) }
        }
        ends.append(w[0].elements)
        table.append([
            forms[index].0, arrayText(halfway[index], significantDigits: 6),
            arrayText(ends[index], significantDigits: 6)
        ])
    }
    chapter.table(table)
    chapter.check(
        "at constant lr the two forms are the same iteration (500 steps, up to rounding)",
        holds: largestGap(halfway[0], halfway[1]) < 1e-10,
        detail: "gap \(formatScientific(largestGap(halfway[0], halfway[1]), significantDigits: 2))")
    chapter.check(
        "after the change of lr they part: Keras' u still carries the old rate",
        holds: largestGap(ends[0], ends[1]) > 1e-4,
        detail: "gap \(formatScientific(largestGap(ends[0], ends[1]), significantDigits: 2)) after 500 more steps")
}
