import DLMath
import DLPresentation
import Foundation

func derivativeDefinition(_ chapter: inout Chapter) {
    chapter.section("The derivative as a limit")
    chapter.say(
        "The derivative is the slope of the tangent: the slope of a secant through x and x + h, as h shrinks to 0. For f(x) = x³ at x = 2 the secant slope is exactly 12 + 6h + h², which tends to f'(2) = 3·2² = 12."
    )
    chapter.formula(
        "f'(x) = lim_{h→0} (f(x + h) − f(x)) / h\nx³:  ((2 + h)³ − 8) / h = (12h + 6h² + h³) / h = 12 + 6h + h²")
    let cube: (Double) -> Double = { $0 * $0 * $0 }
    for h in [1.0, 0.1, 0.01, 0.001] {
        chapter.check(
            "secant slope at h = \(formatCompact(h))", computed: forwardDifference(of: cube, at: 2, step: h),
            byHand: 12 + 6 * h + h * h, derivation: "12 + 6·\(formatCompact(h)) + \(formatCompact(h))²")
    }
    chapter.say("The gap to 12 shrinks like 6h: the forward difference is accurate to first order in h.")
}

func forwardVersusCentral(_ chapter: inout Chapter) {
    chapter.section("Numerical differentiation: forward vs central differences")
    chapter.say(
        "A computer cannot take h → 0. Two errors compete. Truncation: Taylor's theorem leaves (h/2) f'' for the forward difference and (h²/6) f''' for the central one, shrinking with h. Rounding: f(x) is known only to about ε|f| (ε = 2.2e-16), and the difference is divided by h, so this error grows like ε/h. The best h balances the two."
    )
    chapter.formula(
        """
        forward  (f(x+h) − f(x)) / h         error ≈ (h/2)|f''| + 2ε|f|/h,   best h ~ √ε ≈ 1.5e-8
        central  (f(x+h) − f(x−h)) / (2h)    error ≈ (h²/6)|f'''| + ε|f|/h,  best h ~ ε^(1/3) ≈ 6.1e-6
        """)
    chapter.say("f = sin at x = 1, so f'(1) = cos 1, f''(1) = −sin 1, f'''(1) = −cos 1:")
    let study = StepSizeStudy(of: sin, derivative: cos(1), at: 1)
    let epsilon = Double.ulpOfOne
    var table = TextTable(
        ["h", "forward error", "(h/2) sin 1", "central error", "(h²/6) cos 1", "ε sin 1 / h"],
        alignments: [.right, .right, .right, .right, .right, .right])
    for row in study.rows {
        let h = row.step
        let forwardMark = row.step == study.bestForward.step ? " ◀" : "  "
        let centralMark = row.step == study.bestCentral.step ? " ◀" : "  "
        table.append([
            formatScientific(h, significantDigits: 1),
            formatScientific(row.forwardError) + forwardMark, formatScientific(h / 2 * sin(1)),
            formatScientific(row.centralError) + centralMark, formatScientific(h * h / 6 * cos(1)),
            formatScientific(epsilon * sin(1) / h)
        ])
    }
    chapter.table(table)
    chapter.say(
        "Reading down a column: the error first falls with h (truncation, slope 1 for forward and 2 for central on a log scale), reaches a minimum (◀), then rises again as rounding takes over (slope −1)."
    )
    chapter.check(
        "forward error at h = 0.1 ≈ (h/2)|f''| (truncation regime)", computed: study.rows[0].forwardError,
        byHand: 0.05 * sin(1), derivation: "0.05 · sin 1", tolerance: Tolerance(absolute: 0, relative: 0.05))
    chapter.check(
        "central error at h = 0.01 ≈ (h²/6)|f'''|", computed: study.rows[1].centralError,
        byHand: 1e-4 / 6 * cos(1), derivation: "1e-4/6 · cos 1", tolerance: Tolerance(absolute: 0, relative: 1e-4))
    let forwardBest = study.bestForward, centralBest = study.bestCentral
    chapter.check(
        "best forward step within a decade of √ε = \(formatScientific(StepSizeStudy.forwardOptimum))",
        holds: abs(log10(forwardBest.step / StepSizeStudy.forwardOptimum)) <= 1,
        detail:
            "best h = \(formatScientific(forwardBest.step, significantDigits: 1)), error \(formatScientific(forwardBest.forwardError)) (≈ √ε)"
    )
    chapter.check(
        "best central step within a decade of ε^(1/3) = \(formatScientific(StepSizeStudy.centralOptimum))",
        holds: abs(log10(centralBest.step / StepSizeStudy.centralOptimum)) <= 1,
        detail:
            "best h = \(formatScientific(centralBest.step, significantDigits: 1)), error \(formatScientific(centralBest.centralError)) (≈ ε^(2/3) = \(formatScientific(pow(epsilon, 2.0 / 3))))"
    )
    chapter.check(
        "at its best, central is more than 100 times more accurate than forward",
        holds: centralBest.centralError * 100 < forwardBest.forwardError,
        detail: "\(formatScientific(centralBest.centralError)) vs \(formatScientific(forwardBest.forwardError))")
    let curve = StepSizeStudy(of: sin, derivative: cos(1), at: 1, steps: errorCurveSteps)
    chapter.say(
        "The same errors at four steps a decade, as log₁₀ |error| from h = 1e-1 (left) to 1e-13 (right): down, a minimum, up again."
    )
    chapter.chart(.sparkline(curve.rows.map { log10($0.forwardError) }, label: "forward"))
    chapter.chart(.sparkline(curve.rows.map { log10($0.centralError) }, label: "central"))
    chapter.figure(
        errorCurveFigure(curve, secondDerivative: -sin(1), thirdDerivative: -cos(1)), name: "difference-error")
    chapter.say("That is why every gradient check in this book uses central differences with h = 1e-5.")
}
