import DLMath
import DLPresentation
import Foundation

/// The figure of sections 1.9–1.10: the unit circle, its image under `map`
/// (an ellipse), and each eigenvector's line from −λ v to λ v: it passes
/// through v on the circle and ends at A v = λ v on the ellipse, so the
/// eigenvectors show up as the ellipse's axes. Equal aspect, so the circle
/// looks round. That holds because the map is symmetric; for any other map
/// the axes are the singular vectors (`singularValueEllipseFigure`).
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
    plot.scatter(
        x: eightPoints.map { $0[0] } + eightImages.map { $0[0] },
        y: eightPoints.map { $0[1] } + eightImages.map { $0[1] },
        classes: Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8),
        classNames: ["8 points p", "their images A p"])
    plot.notes.append("dashed: eigenvector lines from −λ v to λ v, the axes of the ellipse (half-axes 3 and 1)")
    return plot
}

/// The figure of the SVD section: the unit circle, its image under a
/// non-symmetric map (an ellipse), the right singular vectors vᵢ on the
/// circle, the half-axes σᵢ uᵢ of the ellipse, and the eigenvector lines,
/// which are not the axes.
func singularValueEllipseFigure(_ map: Matrix, svd: SingularValueDecomposition) -> Plot {
    let angles = (0...200).map { Double($0) * 2 * Double.pi / 200 }
    let circle = angles.map { [cos($0), sin($0)] }
    let image = circle.map { map * $0 }
    var plot = Plot(title: "The SVD of A = [[3, 0], [4, 5]]: A vᵢ = σᵢ uᵢ", x: "x₁", y: "x₂")
    plot.equalAspect = true
    plot.line("unit circle", x: circle.map { $0[0] }, y: circle.map { $0[1] })
    plot.line("image A p (ellipse)", x: image.map { $0[0] }, y: image.map { $0[1] })
    for i in 0..<2 {
        let v = svd.v.column(i), u = svd.u.column(i), s = svd.singularValues[i]
        plot.line("v\(i + 1) (on the circle)", x: [0, v[0]], y: [0, v[1]])
        plot.line(
            "σ\(i + 1) u\(i + 1) = A v\(i + 1), σ\(i + 1) = \(formatCompact(s, significantDigits: 4))",
            x: [-s * u[0], s * u[0]], y: [-s * u[1], s * u[1]])
    }
    let r5 = 5.0.squareRoot()
    plot.line("eigenvector line [1, −2], λ = 3 (not an axis)", x: [-3 / r5, 3 / r5], y: [6 / r5, -6 / r5], dashed: true)
    plot.line("eigenvector line [0, 1], λ = 5 (not an axis)", x: [0, 0], y: [-5, 5], dashed: true)
    plot.notes.append("solid: half-axes σᵢ uᵢ of the ellipse; dashed: eigenvector lines from −λv to λv, λ = 3, 5")
    // The curves reach every corner of the plot area: the legend goes outside, covering nothing.
    plot.legend = .outsideRight
    return plot
}

/// The first two principal component scores of the digits (the first 1,200), coloured by digit.
func digitsScatterFigure(_ scores: Matrix, labels: [Int], explained: [Double]) -> Plot {
    var plot = Plot(
        title: "The digits on their first two principal components",
        x: Axis("PC 1 (\(formatFixed(100 * explained[0], decimals: 1)) % of the variance)"),
        y: Axis("PC 2 (\(formatFixed(100 * explained[1], decimals: 1)) %)"))
    plot.legend = .outsideRight
    // The first 1,200 digits of the file (each digit 117 to 123 times): all 1,797 dots make a 230 KB file.
    let shown = min(1200, scores.rows)
    plot.scatter(
        x: Array(scores.column(0).prefix(shown)), y: Array(scores.column(1).prefix(shown)),
        classes: Array(labels.prefix(shown)), classNames: (0...9).map { "digit \($0)" })
    plot.notes.append("the first \(shown) of the \(scores.rows) digits; the components are fitted on all of them")
    return plot
}

/// The explained variance per component and cumulatively, k = 1…64.
func explainedVarianceFigure(_ pca: PrincipalComponents) -> Plot {
    let ks = (1...pca.variances.count).map(Double.init)
    var plot = Plot(
        title: "Digits: variance explained by k principal components", x: "k", y: "fraction of the variance")
    plot.line("cumulative Σᵢ₌₁ᵏ λᵢ / Σ λᵢ", x: ks, y: pca.cumulativeExplainedVariance)
    plot.line("component k alone, λₖ / Σ λᵢ", x: ks, y: pca.explainedVarianceRatio)
    for k in [2, 10, 30] {
        plot.line(
            "k = \(k): \(formatFixed(100 * pca.cumulativeExplainedVariance[k - 1], decimals: 1)) %",
            x: [Double(k), Double(k)], y: [0, pca.cumulativeExplainedVariance[k - 1]], dashed: true)
    }
    // The curves reach every corner of the plot area: the legend goes outside, covering nothing.
    plot.legend = .outsideRight
    return plot
}
