import DLMath
import DLPresentation
import Foundation

/// Steps for the error curve: four a decade, 1e-1 down to 1e-13.
let errorCurveSteps = (4...52).map { pow(10, -Double($0) / 4) }

/// The figure of section 2.2: |error| of the forward and central differences
/// of `study` against h on log-log axes, the truncation model of each
/// (h/2 |f″| and h²/6 |f‴|, where truncation dominates) as a wide light band
/// under the curve it predicts (drawn dashed on top of the curves, the models
/// vanished), and the two predicted best steps √ε and ∛ε as vertical dotted lines.
func errorCurveFigure(_ study: StepSizeStudy, secondDerivative: Double, thirdDerivative: Double) -> Plot {
    let steps = study.rows.map(\.step)
    let forward = study.rows.map(\.forwardError), central = study.rows.map(\.centralError)
    var plot = Plot(title: "Finite-difference error of sin′(1) vs. step h", x: .log("step h"), y: .log("|error|"))
    // Each method's truncation model and best step share its colour.
    let forwardColor = Palette.color(0), centralColor = Palette.color(1)
    // The truncation models, drawn only where truncation dominates (h above the best step),
    // first and wide, so that each error curve runs along the middle of its band.
    let forwardTruncation = steps.filter { $0 >= StepSizeStudy.forwardOptimum / 3 }
    let centralTruncation = steps.filter { $0 >= StepSizeStudy.centralOptimum / 3 }
    plot.line(
        Series(
            "truncation model (h/2)|f″|", x: forwardTruncation,
            y: forwardTruncation.map { $0 / 2 * abs(secondDerivative) }, color: forwardColor.lightened(0.6), width: 8))
    plot.line(
        Series(
            "truncation model (h²/6)|f‴|", x: centralTruncation,
            y: centralTruncation.map { $0 * $0 / 6 * abs(thirdDerivative) }, color: centralColor.lightened(0.6),
            width: 8))
    plot.line("forward (f(x+h) − f(x))/h", x: steps, y: forward, color: forwardColor)
    plot.line("central (f(x+h) − f(x−h))/2h", x: steps, y: central, color: centralColor)
    let shown = (forward + central).filter { $0 > 0 }
    let low = shown.min() ?? 1e-16, high = shown.max() ?? 1
    plot.line(
        Series(
            "h = √ε ≈ 1.5·10⁻⁸", x: [StepSizeStudy.forwardOptimum, StepSizeStudy.forwardOptimum], y: [low, high],
            color: forwardColor, dash: .dotted))
    plot.line(
        Series(
            "h = ∛ε ≈ 6.1·10⁻⁶", x: [StepSizeStudy.centralOptimum, StepSizeStudy.centralOptimum], y: [low, high],
            color: centralColor, dash: .dotted))
    // A decade of room above the data; the legend goes where it covers nothing (outside when no corner is free).
    plot.yAxis.range = (low / 3)...(high * 10)
    plot.height = 480
    plot.notes.append("best forward step ~ √ε (error ~ √ε), best central step ~ ∛ε (error ~ ε²ᐟ³); ε = 2.2 · 10⁻¹⁶")
    return plot
}
