import DLMath
import DLPresentation
import Foundation

func principalComponentsOfDigits(_ chapter: inout Chapter) {
    chapter.section("PCA of the handwritten digits")
    chapter.say(
        "Principal component analysis is the SVD of the centred data. The 1,797 digits are points in ℝ⁶⁴ (8x8 pixels, 0…16). Subtract the mean image, decompose X_c = U Σ Vᵀ: the columns of V are the principal directions (images themselves), σᵢ² / (N − 1) the variance of the data along each, and by Eckart–Young the first k directions rebuild the digits better than any other k-dimensional subspace."
    )
    chapter.formula(
        "X_c = X − 1 μᵀ = U Σ Vᵀ      C = X_cᵀ X_c / (N − 1) = V diag(σᵢ² / (N − 1)) Vᵀ\nexplained(k) = Σ_{i≤k} σᵢ² / Σᵢ σᵢ²      scores Z = X_c V_k      x̂ = μ + V_k z"
    )
    let digits: Dataset
    do {
        digits = try Dataset.digits()
    } catch {
        chapter.check("the digits load", holds: false, detail: "\(error)")
        return
    }
    let data = digits.features
    let pca = PrincipalComponents(data)
    let explained = pca.cumulativeExplainedVariance
    var table = TextTable(["components k", "variance explained"])
    for k in [1, 2, 5, 10, 20, 30, 40, 64] {
        table.append(["\(k)", formatFixed(100 * explained[k - 1], decimals: 1) + " %"])
    }
    chapter.table(table)
    // Independent: the total variance is the sum of the 64 pixel variances, computed column by column.
    let n = Double(data.rows)
    let pixelVariances = (0..<data.columns).map { j -> Double in
        let column = data.column(j)
        let mean = column.reduce(0, +) / n
        return column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
    }
    chapter.check(
        "Σ λᵢ = Σ pixel variances (the trace of C)", computed: pca.variances.reduce(0, +),
        byHand: pixelVariances.reduce(0, +), derivation: "tr(V Λ Vᵀ) = tr Λ",
        tolerance: Tolerance(absolute: 1e-9, relative: 1e-12))
    let rebuilt = pca.reconstructed(data, components: 10)
    let residual = (data - rebuilt).frobeniusNorm
    let tail = pca.variances[10...].reduce(0, +) * (n - 1)
    chapter.check(
        "‖X − X̂₁₀‖_F² = (N − 1) Σ_{i>10} λᵢ (Eckart–Young; two computations, not a hand value)",
        holds: Tolerance(absolute: 1e-6, relative: 1e-10).accepts(residual * residual, tail),
        detail:
            "\(formatCompact(residual * residual, significantDigits: 10)) and \(formatCompact(tail, significantDigits: 10))"
    )
    let fullError = (data - pca.reconstructed(data, components: 64)).norm(.max)
    chapter.check(
        "all 64 components rebuild every digit (V Vᵀ = I)", holds: fullError < 1e-10,
        detail: "largest pixel error \(fullError < 1e-12 ? "below 1e-12" : formatScientific(fullError)) of 16")
    let scores = pca.scores(data, components: 2)
    chapter.figure(
        digitsScatterFigure(scores, labels: digits.labels, explained: pca.explainedVarianceRatio), name: "digits-pca")
    chapter.figure(explainedVarianceFigure(pca), name: "explained-variance")
    chapter.say(
        "Two components keep \(formatFixed(100 * explained[1], decimals: 1)) % of the variance, yet the scatter already separates 0, 4 and 6 from the rest. A digit rebuilt from k components (the first digit of the file, a 0; shades ' .:-=+*#%@' for 0…16):"
    )
    let first = Matrix(row: data.row(0))
    let images = [2, 10, 30, 64].map { k in (k, pca.reconstructed(first, components: k).elements) }
    chapter.block(digitImagesText([("original", data.row(0))] + images.map { ("k = \($0.0)", $0.1) }))
    let errors = images.map { image in zip(image.1, data.row(0)).map { abs($0 - $1) }.max() ?? 0 }
    chapter.check(
        "the largest pixel error shrinks as k grows (2, 10, 30, 64)",
        holds: zip(errors, errors.dropFirst()).allSatisfy { $0 > $1 },
        detail: errors.map { formatFixed($0, decimals: 2) }.joined(separator: ", "))
}

/// Eight-by-eight images side by side, one character per pixel (0…16 → ' .:-=+*#%@').
func digitImagesText(_ images: [(title: String, pixels: [Double])]) -> String {
    let shades = Array(" .:-=+*#%@")
    let width = 10
    var lines = [images.map { $0.title.padding(toLength: width, withPad: " ", startingAt: 0) }.joined(separator: "  ")]
    for row in 0..<8 {
        lines.append(
            images.map { image in
                let cells = (0..<8).map { column -> Character in
                    let value = min(16, max(0, image.pixels[row * 8 + column]))
                    return shades[Int((value / 16 * Double(shades.count - 1)).rounded())]
                }
                return String(cells).padding(toLength: width, withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
    }
    return lines.joined(separator: "\n")
}
