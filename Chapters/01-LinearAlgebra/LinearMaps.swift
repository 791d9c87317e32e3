import DLMath
import DLPresentation
import Foundation

/// The symmetric map of this section: it stretches by 3 along [1, 1] and by 1 along [1, −1].
let symmetricMap: Matrix = [[2, 1], [1, 2]]

func linearMapOfTheUnitCircle(_ chapter: inout Chapter) {
    chapter.section("Linear maps: moving the unit circle")
    chapter.say(
        "A matrix is a linear map: it sends x to A x, lines to lines, the origin to itself. Watch A = [[2, 1], [1, 2]] move eight points of the unit circle. The circle becomes an ellipse; two directions are special: points on the lines through [1, 1] and [1, −1] stay on their own line (their image is a multiple of the point: cross(p, A p) = 0). Those are the eigenvectors."
    )
    chapter.formula("p(t) = [cos t, sin t]  ↦  A p(t)      A v = λ v: v keeps its line, scaled by λ")
    chapter.show("A", symmetricMap)
    var table = TextTable(
        ["t", "p = [cos t, sin t]", "A p", "‖A p‖₂", "stays on its line"],
        alignments: [.right, .left, .left, .right, .left])
    var lengths: [Double] = []
    var pointNorms: [Double] = []
    var eigenDirections = 0
    for step in 0..<8 {
        let t = Double(step) * Double.pi / 4
        let point = [cos(t), sin(t)]
        let image = symmetricMap * point
        let cross = point[0] * image[1] - point[1] * image[0]
        let onLine = abs(cross) < 1e-12
        if onLine { eigenDirections += 1 }
        lengths.append(image.norm())
        pointNorms.append(point.norm())
        table.append([
            "\(step * 45)°", pairText(point), pairText(image),
            formatFixed(image.norm(), decimals: 4), onLine ? "yes: λ = \(formatCompact(image.norm()))" : ""
        ])
    }
    chapter.table(table)
    chapter.check(
        "‖p‖₂ of the eight points (on the unit circle)", computed: pointNorms,
        byHand: Array(repeating: 1, count: 8), derivation: "cos² t + sin² t = 1")
    chapter.check(
        "four of eight points stay on their line (45°, 135°, 225°, 315°)",
        computed: Double(eigenDirections), byHand: 4, derivation: "±[1, 1]/√2 and ±[1, −1]/√2")
    chapter.check(
        "longest image ‖A p‖ (the ellipse's long half-axis)", computed: lengths.max() ?? 0, byHand: 3,
        derivation: "A [1, 1]/√2 = 3 · [1, 1]/√2")
    chapter.check(
        "shortest image ‖A p‖ (the short half-axis)", computed: lengths.min() ?? 0, byHand: 1,
        derivation: "A [1, −1]/√2 = 1 · [1, −1]/√2")
    chapter.say(
        "The ellipse has half-axes 3 and 1, so its area is 3π: the circle's area π times |det A| = 2·2 − 1·1 = 3.")
    chapter.check("area factor |det A|", computed: abs(symmetricMap.determinant), byHand: 3, derivation: "2·2 − 1·1")
}

func symmetricEigenvalues(_ chapter: inout Chapter) {
    chapter.section("Eigenvalues of symmetric matrices")
    chapter.say(
        "A symmetric matrix (A = Aᵀ, like a covariance or a Hessian) has real eigenvalues and perpendicular eigenvectors: A = V Λ Vᵀ with V orthogonal. We find them by Jacobi rotations: each rotation zeroes one off-diagonal pair, and sweeps over all pairs drive the matrix to diagonal form."
    )
    chapter.formula("A v = λ v      det(A − λ I) = 0      A = V Λ Vᵀ,  Vᵀ V = I\ntr A = Σ λₖ      det A = Π λₖ")
    do {
        let eigen = try symmetricMap.symmetricEigen()
        chapter.check(
            "eigenvalues of [[2, 1], [1, 2]]", computed: eigen.eigenvalues, byHand: [1, 3],
            derivation: "(2 − λ)² − 1 = 0 → λ = 2 ∓ 1")
        let r = 1 / 2.0.squareRoot()
        chapter.check(
            "eigenvectors (columns)", computed: eigen.eigenvectors, byHand: [[r, r], [-r, r]],
            derivation: "[1, −1]/√2 and [1, 1]/√2")
        chapter.say(
            "The figure draws the circle, its image, and the line of each eigenvector from −λ v to λ v: A maps v on the circle to λ v on the ellipse, on the same line, so the eigenvectors are the ellipse's axes. That is a property of symmetric matrices (their eigenvectors are perpendicular, and A = V Λ Vᵀ is also an SVD up to signs); for a non-symmetric map the axes are the singular vectors (section 1.12)."
        )
        chapter.figure(unitCircleFigure(symmetricMap, eigen: eigen), name: "unit-circle")
        let tridiagonal: Matrix = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
        chapter.show("T", tridiagonal)
        let t = try tridiagonal.symmetricEigen()
        let s = 2.0.squareRoot()
        chapter.check(
            "eigenvalues of T", computed: t.eigenvalues, byHand: [2 - s, 2, 2 + s],
            derivation: "2 − 2 cos(kπ/4), k = 1, 2, 3")
        chapter.say(
            "Jacobi needed \(t.sweeps) sweeps. The eigenvectors by hand: vₖ ∝ [sin(kπ/4), sin(2kπ/4), sin(3kπ/4)], normalised and with the first entry positive (the module's sign rule)."
        )
        let eigenvectorsByHand: [[Double]] = [[0.5, s / 2, 0.5], [1 / s, 0, -1 / s], [0.5, -s / 2, 0.5]]
        for k in 0..<3 {
            let v = t.eigenvectors.column(k)
            let sign: Double = v[0] < 0 ? -1 : 1
            chapter.check(
                "v\(k + 1) (sign fixed by the first entry)", computed: v.map { sign * $0 },
                byHand: eigenvectorsByHand[k],
                derivation: ["[½, √2/2, ½]: [sin 45°, sin 90°, sin 135°]/√2", "[1, 0, −1]/√2", "[½, −√2/2, ½]"][k])
        }
        let residuals = (0..<3).map { k in
            let v = t.eigenvectors.column(k)
            return zip(tridiagonal * v, v.map { t.eigenvalues[k] * $0 }).map { $0 - $1 }.norm()
        }
        chapter.check(
            "residual check (not a hand value): ‖T vₖ − λₖ vₖ‖₂ < 1e-14, k = 1…3",
            holds: residuals.allSatisfy { $0 < 1e-14 },
            detail: "residuals \(arrayText(residuals, significantDigits: 2)) with the computed λₖ, vₖ")
        chapter.check(
            "Vᵀ V = I", computed: t.eigenvectors.transposed * t.eigenvectors, byHand: .identity(3),
            derivation: "orthonormal eigenvectors")
        chapter.check("Σ λ = tr T", computed: t.eigenvalues.reduce(0, +), byHand: 6, derivation: "2 + 2 + 2")
        chapter.check(
            "Π λ = det T", computed: t.eigenvalues.reduce(1, *), byHand: 4,
            derivation: "(2 − √2)(2 + √2) · 2 = (4 − 2) · 2")
    } catch {
        chapter.check("the matrices are symmetric", holds: false, detail: "\(error)")
    }
    do {
        _ = try Matrix([[1, 2], [3, 4]]).symmetricEigen()
        chapter.check("a non-symmetric matrix is refused", holds: false, detail: "it was accepted")
    } catch {
        chapter.check("a non-symmetric matrix is refused", holds: true, detail: "\(error)")
    }
}

/// `[0.707, -0.707]`: a point with three decimals (rounding residue like 6e-17 prints as 0).
func pairText(_ point: [Double]) -> String {
    "[" + point.map { formatFixed($0, decimals: 3) }.joined(separator: ", ") + "]"
}
