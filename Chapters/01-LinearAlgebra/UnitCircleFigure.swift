import DLMath
import DLPresentation
import Foundation

/// The figure of sections 1.9–1.10: the unit circle, its image under `map`
/// (an ellipse), and each eigenvector's line from −λ v to λ v: it passes
/// through v on the circle and ends at A v = λ v on the ellipse, so the
/// eigenvectors show up as the ellipse's axes. Equal aspect, so the circle
/// looks round.
func unitCircleFigure(_ map: Matrix, eigen: SymmetricEigendecomposition) -> Plot {
    let angles = (0...200).map { Double($0) * 2 * Double.pi / 200 }
    let circle = angles.map { [cos($0), sin($0)] }
    let image = circle.map { map * $0 }
    var plot = Plot(title: "The unit circle under A = [[2, 1], [1, 2]]", x: "x₁", y: "x₂")
    plot.equalAspect = true
    plot.line("unit circle ‖p‖ = 1", x: circle.map { $0[0] }, y: circle.map { $0[1] })
    plot.line("image A p (ellipse)", x: image.map { $0[0] }, y: image.map { $0[1] })
    for k in 0..<eigen.eigenvalues.count {
        let v = eigen.eigenvectors.column(k), lambda = eigen.eigenvalues[k]
        let name = "eigenvector v\(k + 1): A v\(k + 1) = \(formatCompact(lambda)) v\(k + 1)"
        plot.line(name, x: [-lambda * v[0], lambda * v[0]], y: [-lambda * v[1], lambda * v[1]], dashed: true)
    }
    let eightPoints = (0..<8).map { [cos(Double($0) * Double.pi / 4), sin(Double($0) * Double.pi / 4)] }
    let eightImages = eightPoints.map { map * $0 }
    plot.scatter(x: eightPoints.map { $0[0] } + eightImages.map { $0[0] },
                 y: eightPoints.map { $0[1] } + eightImages.map { $0[1] },
                 classes: Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8),
                 classNames: ["8 points p", "their images A p"])
    plot.notes.append("dashed: eigenvector lines from −λ v to λ v, the axes of the ellipse (half-axes 3 and 1)")
    return plot
}
