// The figures of chapter 10. Each function writes its SVG files (nothing with
// --no-figures) and prints any terminal chart.
import DLMath
import DLPresentation
import Foundation

/// The steps of a path worth drawing: every step up to `dense`, then about
/// `count` more spaced evenly in log(step) up to the last (a 30,000-step path
/// becomes about 220 points, enough for a curve and small in SVG).
func drawnSteps(_ path: OptimizationPath, dense: Int = 60, count: Int = 160) -> [Int] {
    let last = path.points.count - 1
    guard last > dense else { return Array(0...last) }
    let spaced = (0...count).map { k in
        Int((Double(dense) * pow(Double(last) / Double(dense), Double(k) / Double(count))).rounded())
    }
    return Array(0..<dense) + Array(Set(spaced)).sorted()
}

/// The path in the (x, y) plane, thinned by `drawnSteps`.
func planePath(_ name: String, _ path: OptimizationPath) -> Series {
    let steps = drawnSteps(path)
    return Series(name, x: steps.map { path.points[$0][0] }, y: steps.map { path.points[$0][1] })
}

/// f against the step (thinned by `drawnSteps`); with `fromStepOne`, step 0
/// is left out so that the steps can go on a log axis.
func valueCurve(_ name: String, _ path: OptimizationPath, fromStepOne: Bool = false) -> Series {
    let steps = drawnSteps(path).filter { !fromStepOne || $0 > 0 }
    return Series(name, x: steps.map(Double.init), y: steps.map { path.values[$0] })
}

/// `range` widened to hold every value, then padded by 5% on each side.
func covering(_ values: [Double], _ range: ClosedRange<Double>) -> ClosedRange<Double> {
    let low = min(values.min() ?? range.lowerBound, range.lowerBound)
    let high = max(values.max() ?? range.upperBound, range.upperBound)
    let pad = 0.05 * (high - low)
    return (low - pad)...(high + pad)
}

/// NAME-paths-momentum.svg (SGD, momentum, Nesterov) and
/// NAME-paths-adaptive.svg (SGD and the adaptive methods): small multiples,
/// one panel per optimizer on shared axes (in one plot the paths hid each
/// other), each over the contour lines of f (log levels: the interesting part
/// is near the minimum), with a dot at every step drawn and the minimum w*
/// marked; the area is widened to hold every path. And NAME-loss.svg, f
/// against the step (log y, log x too with `logSteps`; the adaptive methods
/// dashed). `names` and `paths` are in the chapter's order: SGD, Momentum,
/// Nesterov, then the adaptive ones.
func drawRaceFigures(
    _ chapter: Chapter, name: String, title: String, function f: some ObjectiveFunction,
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    names: [String], paths: [OptimizationPath], logSteps: Bool
) {
    let groups = [
        ("momentum", "SGD and momentum", [0, 1, 2]),
        ("adaptive", "SGD and the adaptive methods", [0] + Array(3..<paths.count))
    ]
    let everyPath = paths.indices.map { planePath(names[$0], paths[$0]) }
    let area = (x: covering(everyPath.flatMap(\.x), xRange), y: covering(everyPath.flatMap(\.y), yRange))
    // Half decades from 0.3 up: lower levels enclose a valley narrower than the grid's cells
    // (Rosenbrock's f < 0.1 is |y − x²| < 0.03) and would be drawn broken.
    let contourLevels = [0.3, 1, 3, 10, 30, 100, 300]
    for (suffix, family, members) in groups {
        let panels = members.map { member -> Plot in
            // Each optimizer keeps its colour in every figure: the one of its place in `names`.
            var drawn = everyPath[member]
            drawn.name = ""
            drawn.color = Palette.color(member)
            var panel = Plot(title: names[member], x: "x", y: "y")
            panel.function(
                x: area.x, y: area.y, style: .contours, levels: contourLevels, valueScale: .log, resolution: 80
            ) {
                f.value(at: [$0, $1])
            }
            panel.path(drawn)
            panel.marker(x: f.minimizer[0], y: f.minimizer[1])
            return panel
        }
        var figure = Figure(
            title: "\(family) on \(title)", columns: min(3, panels.count), panels: panels,
            panelWidth: 340, panelHeight: 280)
        figure.notes.append(
            "○ start, • every step drawn (all of the first 60), ● end, ⊕ the minimum w*; contours at f = 0.3, 1, 3, 10, 30, …"
        )
        chapter.figure(figure, name: "\(name)-paths-\(suffix)")
    }

    var loss = Plot(title: "f against the step on \(title)", x: logSteps ? .log("step k") : "step k", y: .log("f(xₖ)"))
    for (index, (optimizer, path)) in zip(names, paths).enumerated() {
        var curve = valueCurve(optimizer, path, fromStepOne: logSteps)
        curve.color = Palette.color(index)
        loss.line(curve, dashed: index >= 3)
    }
    loss.notes.append("each run stops when ‖x − x*‖ ≤ its tolerance; adaptive methods dashed")
    chapter.figure(loss, name: "\(name)-loss")
}

/// A terminal heat map of Rosenbrock's function with a few paths on it.
func chartRosenbrock(_ chapter: Chapter, _ f: Rosenbrock, names: [String], paths: [OptimizationPath]) {
    chapter.chart(
        .heatMap(
            title: "log₁₀ f on [−1.5, 1.5] x [−0.5, 1.5]: " + names.joined(separator: ", ") + " (○ start, ● end)",
            x: -1.5...1.5, y: -0.5...1.5, width: 56, height: 18, valueScale: .log,
            paths: zip(names, paths).map { planePath($0, $1) }
        ) { f.value(at: [$0, $1]) })
}

/// schedules.svg and a terminal chart: each learning-rate schedule over 150 steps.
func drawScheduleFigures(_ chapter: Chapter, _ schedules: [(String, LearningRateSchedule)]) {
    let series = schedules.map { name, schedule in Series(name, y: schedule.rates(count: 151)) }
    chapter.figure(.lines(title: "Learning-rate schedules", x: "step t", y: "learning rate", series), name: "schedules")
    chapter.chart(
        .lines(
            series.map { Series(String($0.name.prefix(while: { $0 != ":" })), x: $0.x, y: $0.y) },
            title: "learning rate over 150 steps", height: 10))
}
