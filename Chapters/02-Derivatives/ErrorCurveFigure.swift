import DLMath
import DLPresentation
import Foundation

/// Steps for the error curve: four a decade, 1e-1 down to 1e-13.
let errorCurveSteps = (4...52).map { pow(10, -Double($0) / 4) }

/// The figure of section 2.2: |error| of the forward and central differences
/// of `study` against h on log-log axes, the truncation model of each
/// (h/2 |f''| and h²/6 |f'''|, dashed, where truncation dominates), and the two
/// predicted best steps √ε and ε^(1/3) as vertical dashed lines.
func errorCurveFigure(_ study: StepSizeStudy, secondDerivative: Double, thirdDerivative: Double) -> Plot {
    let steps = study.rows.map(\.step)
    let forward = study.rows.map(\.forwardError), central = study.rows.map(\.centralError)
    var plot = Plot(title: "Finite-difference error of sin′(1) vs. step h", x: .log("step h"), y: .log("|error|"))
    // Each method's truncation model and best step share its colour.
    let forwardColor = Palette.color(0), centralColor = Palette.color(1)
    plot.line("forward (f(x+h) − f(x))/h", x: steps, y: forward, color: forwardColor)
    plot.line("central (f(x+h) − f(x−h))/2h", x: steps, y: central, color: centralColor)
    // The truncation models, drawn only where truncation dominates (h above the best step).
    let forwardTruncation = steps.filter { $0 >= StepSizeStudy.forwardOptimum / 3 }
    let centralTruncation = steps.filter { $0 >= StepSizeStudy.centralOptimum / 3 }
    plot.line("truncation (h/2)|f″|", x: forwardTruncation,
              y: forwardTruncation.map { $0 / 2 * abs(secondDerivative) }, dashed: true, color: forwardColor)
    plot.line("truncation (h²/6)|f‴|", x: centralTruncation,
              y: centralTruncation.map { $0 * $0 / 6 * abs(thirdDerivative) }, dashed: true, color: centralColor)
    let shown = (forward + central).filter { $0 > 0 }
    let low = shown.min() ?? 1e-16, high = shown.max() ?? 1
    plot.line(Series("h = √ε ≈ 1.5e-8", x: [StepSizeStudy.forwardOptimum, StepSizeStudy.forwardOptimum], y: [low, high],
                     color: forwardColor, dash: .dotted))
    plot.line(Series("h = ε^(1/3) ≈ 6.1e-6", x: [StepSizeStudy.centralOptimum, StepSizeStudy.centralOptimum], y: [low, high],
                     color: centralColor, dash: .dotted))
    // Headroom of four decades above the data: the legend sits there, top left, clear of the curves.
    plot.yAxis.range = (low / 3)...(high * 1e4)
    plot.legend = .topLeft
    plot.height = 480
    plot.notes.append("best forward step ~ √ε (error ~ √ε), best central step ~ ε^(1/3) (error ~ ε^(2/3)); ε = 2.2e-16")
    return plot
}
