import DLMath
import DLPresentation
import Foundation

/// Each activation's colour, the same in every figure of the chapter (the
/// place of its name here in `Palette.categorical`); gelu_tanh takes the
/// faint yellow, drawn dashed over gelu.
func activationColor(_ activation: Activation) -> PlotColor {
    let order = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu", "softplus", "gelu_tanh"]
    let stem = String(activation.name.prefix { $0 != "(" })
    return Palette.color(order.firstIndex(of: stem) ?? order.count)
}

/// The figures of chapter 5, drawn from the chapter's `curves` (each
/// activation φ and φ′ on `curveGrid`, x ∈ [−6, 6], shown on [−4, 4]), as
/// small multiples: one panel per activation on shared axes, so that no
/// curve hides another (ReLU lies under leaky ReLU, ELU under GELU and
/// softplus on the left). gelu_tanh is drawn dashed over gelu in gelu's
/// panel: it lies within 5e-4 of it.
func activationCurvesFigure(
    _ curves: [(activation: Activation, values: [Double], derivatives: [Double])],
    derivatives: Bool
) -> Figure {
    let yAxis = derivatives ? Axis("φ′(x)", range: -0.25...1.25) : Axis("φ(x)", range: -1.5...4)
    var panels: [Plot] = []
    for curve in curves where curve.activation != .geluTanh {
        var panel = Plot(title: curve.activation.name, x: Axis("x", range: -4...4), y: yAxis)
        let ys = derivatives ? curve.derivatives : curve.values
        if curve.activation == .geluExact, let tanhForm = curves.first(where: { $0.activation == .geluTanh }) {
            panel.line(Series("gelu", x: curveGrid, y: ys, color: activationColor(.geluExact)))
            panel.line(
                Series(
                    "gelu_tanh", x: curveGrid, y: derivatives ? tanhForm.derivatives : tanhForm.values,
                    color: activationColor(.geluTanh), dash: .dashed))
        } else {
            panel.line(Series("", x: curveGrid, y: ys, color: activationColor(curve.activation)))
        }
        panels.append(panel)
    }
    var figure = Figure(
        title: derivatives ? "Derivatives φ′(x) of the activations" : "Activation functions φ(x)",
        columns: 4, panels: panels, panelWidth: 300, panelHeight: 230)
    if derivatives {
        figure.notes.append("conventions at the kink x = 0: relu′(0) = 0, leaky_relu′(0) = a, elu′(0) = α")
    }
    figure.notes.append("gelu_tanh (dashed) lies on gelu: they differ by less than 5 · 10⁻⁴")
    return figure
}

/// The saturation figure: |φ′(x)| on a log axis over x ∈ [−15, 15] for the
/// smooth activations, one panel each on shared axes (elu′ = eˣ and
/// softplus′ = σ(x) ≈ eˣ coincide on the left), with the thresholds 10⁻²
/// and 10⁻⁴ of the saturation table dotted in grey. ReLU is left out:
/// relu′ = 0 for x < 0 cannot be drawn on a log axis.
func saturationFigure(_ activations: [Activation]) -> Figure {
    let grid = (0...600).map { -15 + Double($0) * 0.05 }
    let grey = PlotColor(0x999999)
    let panels = activations.map { activation -> Plot in
        var panel = Plot(title: activation.name, x: "x", y: Axis.log("|φ′(x)|", range: 1e-12...3))
        panel.line(
            Series("", x: grid, y: grid.map { abs(activation.derivative($0)) }, color: activationColor(activation)))
        for threshold in [1e-2, 1e-4] {
            panel.line(Series("", x: [-15, 15], y: [threshold, threshold], color: grey, dash: .dotted))
        }
        return panel
    }
    var figure = Figure(
        title: "Saturation: |φ′(x)| on a log scale", columns: 3, panels: panels, panelWidth: 320, panelHeight: 240)
    figure.notes.append(
        "grey dotted: the thresholds 10⁻² and 10⁻⁴ of the table; relu′ = 0 for x < 0 cannot be drawn on a log axis")
    figure.notes.append("the dip of gelu: gelu′ changes sign at x ≈ −0.75")
    return figure
}
