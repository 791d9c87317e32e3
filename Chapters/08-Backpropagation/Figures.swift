// The figures of chapter 8. Each function writes its SVG files (nothing with
// --no-figures) and prints any terminal chart.
import DLMath
import DLPresentation
import Foundation

/// loss-surface.svg and a terminal heat map: L = ½(ŷ − t)² of the two-layer
/// network as a function of two of its weights, p = W₁[0, 0] and q = W₂[0, 0]
/// (the others held), with the path of gradient descent on (p, q) whose
/// every gradient comes from the network's backward pass.
func drawLossSurfaceFigures(_ chapter: Chapter, network: Sequential, input: Matrix, target: Double) {
    func withWeights(_ p: Double, _ q: Double) -> Sequential {
        var copy = network
        var parameters = copy.parameters
        parameters[0][0, 0] = p
        parameters[2][0, 0] = q
        copy.parameters = parameters
        return copy
    }
    func loss(_ p: Double, _ q: Double) -> Double {
        let residual = withWeights(p, q).predict(input)[0, 0] - target
        return 0.5 * residual * residual
    }
    let learningRate = 0.5, steps = 30
    var (p, q) = (network.parameters[0][0, 0], network.parameters[2][0, 0])
    var path = Series("gradient descent, lr \(formatCompact(learningRate)), \(steps) steps", x: [p], y: [q])
    for _ in 0..<steps {
        var copy = withWeights(p, q)
        let output = copy.forward(input)
        _ = copy.backward(output - target)
        let gradients = copy.parameterGradients
        p -= learningRate * gradients[0][0, 0]
        q -= learningRate * gradients[2][0, 0]
        path.x.append(p)
        path.y.append(q)
    }
    let title = "Loss of the two-layer network over two of its weights"
    var plot = Plot(title: title, x: "W₁[0, 0]", y: "W₂[0, 0]")
    plot.function(x: -3...3, y: -3...3, name: "L", valueScale: .log, resolution: 70, loss)
    plot.path(path)
    plot.notes.append("L = ½(ŷ − 1)², the other weights held; the valley floor is L = 0 (ŷ = t)")
    chapter.figure(plot, name: "loss-surface")
    chapter.chart(
        .heatMap(
            title: "L over (W₁[0, 0], W₂[0, 0]) ∈ [−3, 3]², log shading, ○ start ● end",
            x: -3...3, y: -3...3, valueScale: .log, paths: [path], loss))
    chapter.show("L at the start and after \(steps) steps", [loss(path.x[0], path.y[0]), loss(p, q)])
}

/// gradient-check-errors.svg: every gradient-check error of every layer type
/// (the input gradient and each parameter matrix), on a log axis, one slot
/// per layer type on a categorical x axis, with the tolerance 10⁻⁶ dashed.
/// Errors of exactly 0 cannot be shown on a log axis and are skipped (the
/// figure says how many).
func drawGradientCheckFigure(_ chapter: Chapter, layers: [(name: String, errors: [Double])]) {
    var xs: [Double] = [], ys: [Double] = [], kinds: [Int] = []
    for (index, layer) in layers.enumerated() {
        for (position, error) in layer.errors.enumerated() {
            // Parameter gradients a little right of the input gradient, so that equal errors stay apart.
            xs.append(Double(index) + (position == 0 ? -0.12 : 0.12))
            ys.append(error)
            kinds.append(position == 0 ? 0 : 1)
        }
    }
    var plot = Plot(
        title: "Gradient checks of every layer type", x: "layer",
        y: .log("largest relative error", range: logRangeBelowTolerance(ys)))
    plot.xCategories = layers.map { shortName($0.name) }
    plot.scatter(x: xs, y: ys, classes: kinds, classNames: ["∂L/∂input", "∂L/∂parameters"])
    plot.line("tolerance 10⁻⁶", x: [-0.5, Double(layers.count) - 0.5], y: [1e-6, 1e-6], dashed: true)
    plot.width = max(640, 80 + 24 + 70 * Double(layers.count))
    chapter.figure(plot, name: "gradient-check-errors")
}

/// `Activation(tanh)` → `tanh`, `Sequential(…)` → `MLP`: layer names short enough for a note.
private func shortName(_ description: String) -> String {
    if description.hasPrefix("Activation(") { return String(description.dropFirst("Activation(".count).dropLast()) }
    if description.hasPrefix("Sequential(") { return "MLP" }
    return description
}

/// A log axis range from a decade below the smallest positive error up to
/// 1e-4, leaving room for the legend above the tolerance 1e-6.
private func logRangeBelowTolerance(_ errors: [Double]) -> ClosedRange<Double> {
    let smallest = errors.filter { $0 > 0 }.min() ?? 1e-12
    return pow(10, floor(log10(min(smallest, 1e-7))) - 1)...1e-4
}

/// neuron-graph.svg and network-graph.svg: the computational graphs of the
/// neuron o = tanh(x₁w₁ + x₂w₂ + b) and of the two-layer network's loss
/// L = ½(ŷ − t)², drawn as micrograd draws them (each value with its
/// gradient, each operation a circle), after `backward()`. The network's
/// graph is built here on the scalar engine from `network`'s weights.
func drawComputationGraphFigures(_ chapter: Chapter, neuron: Value, network: Sequential, input: Matrix, target: Double)
{
    var neuronFigure = ComputationGraphFigure(
        title: "The neuron o = tanh(x₁w₁ + x₂w₂ + b) after backward()", output: neuron)
    neuronFigure.notes.append("grad: ∂o/∂(the value); b chosen so that n = atanh(1/√2), o = 1/√2, 1 − o² = ½")
    chapter.figure(neuronFigure, name: "neuron-graph")
    do {
        let scalar = try ScalarNetwork(network)
        let leaves = ScalarNetwork.leaves(input, label: "x")
        let loss = (0.5 * (scalar.forward(leaves)[0][0] - target).power(2)).labelled("L")
        loss.backward()
        var networkFigure = ComputationGraphFigure(
            title: "The two-layer network's loss L = ½(ŷ − t)² after backward()", output: loss)
        networkFigure.notes.append(
            "x (1 x 2) → Dense(2 → 2) → tanh → Dense(2 → 1) → ŷ, t = \(formatCompact(target)); grad: ∂L/∂(the value)")
        chapter.figure(networkFigure, name: "network-graph")
    } catch {
        exitWithError(chapter.program, "network-graph: \(error)")
    }
}
