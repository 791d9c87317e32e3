import DLMath
import DLPresentation
import Foundation

/// The figures of chapter 5, drawn from the chapter's `curves` (each
/// activation φ and φ′ on `curveGrid`, x ∈ [−6, 6], shown on [−4, 4]).
/// gelu_tanh is left out (it lies within 5e-4 of gelu, on top of it);
/// leaky ReLU is dashed so that ReLU shows beneath it.
func activationCurvesFigure(_ curves: [(activation: Activation, values: [Double], derivatives: [Double])],
                            derivatives: Bool) -> Plot {
    var plot = derivatives
        ? Plot(title: "Derivatives φ′(x) of the activations", x: Axis("x", range: -4...4), y: Axis("φ′(x)", range: -0.25...1.25))
        : Plot(title: "Activation functions φ(x)", x: Axis("x", range: -4...4), y: Axis("φ(x)", range: -1.5...4))
    for curve in curves where curve.activation != .geluTanh {
        let isLeaky = if case .leakyReLU = curve.activation { true } else { false }
        plot.line(curve.activation.name, x: curveGrid, y: derivatives ? curve.derivatives : curve.values, dashed: isLeaky)
    }
    plot.legend = .topLeft
    if derivatives {
        plot.notes.append("conventions at the kink x = 0: relu′(0) = 0, leaky_relu′(0) = a, elu′(0) = α")
    }
    plot.notes.append("gelu_tanh is not drawn: it differs from gelu by less than 5e-4")
    return plot
}

/// The saturation figure: |φ′(x)| on a log axis over x ∈ [−15, 15] for the
/// smooth activations, with the thresholds 1e-2 and 1e-4 of the saturation
/// table. ReLU is left out: relu′ = 0 for x < 0 cannot be drawn on a log axis.
func saturationFigure(_ activations: [Activation]) -> Plot {
    let grid = (0...600).map { -15 + Double($0) * 0.05 }
    var plot = Plot(title: "Saturation: |φ′(x)| on a log scale", x: "x", y: Axis.log("|φ′(x)|", range: 1e-8...1e4))
    for activation in activations {
        plot.line(activation.name, x: grid, y: grid.map { abs(activation.derivative($0)) })
    }
    plot.line("threshold 1e-2", x: [-15, 15], y: [1e-2, 1e-2], dashed: true)
    plot.line("threshold 1e-4", x: [-15, 15], y: [1e-4, 1e-4], dashed: true)
    plot.legend = .topLeft  // in the headroom above 1: the curves stay below it
    plot.notes.append("relu′ = 0 for x < 0 (not drawable on a log axis); the dip of gelu: gelu′ changes sign at x ≈ −0.75")
    return plot
}
