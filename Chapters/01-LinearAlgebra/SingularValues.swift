import DLMath
import DLPresentation
import Foundation

/// The non-symmetric map of this section: eigenvalues 3 and 5, singular values 3√5 and √5.
let shearMap: Matrix = [[3, 0], [4, 5]]

func singularValueGeometry(_ chapter: inout Chapter) {
    chapter.section("The SVD: the geometry of any linear map")
    chapter.say(
        "Every matrix, symmetric or not, square or not, maps the unit circle (sphere) to an ellipse (ellipsoid). Its axes are the left singular vectors uᵢ, the half-axes the singular values σᵢ, and the points of the circle that land on them are the right singular vectors vᵢ: A vᵢ = σᵢ uᵢ. For a non-symmetric A the eigenvectors are not the axes; they need not even be perpendicular."
    )
    chapter.formula("A = U Σ Vᵀ,  Uᵀ U = Vᵀ V = I,  σ₁ ≥ σ₂ ≥ … ≥ 0      A vᵢ = σᵢ uᵢ      σᵢ² = eigenvalues of AᵀA")
    chapter.show("A", shearMap)
    let svd = shearMap.svd
    let r5 = 5.0.squareRoot(), r2 = 2.0.squareRoot(), r10 = 10.0.squareRoot()
    chapter.check(
        "singular values", computed: svd.singularValues, byHand: [3 * r5, r5],
        derivation: "AᵀA = [[25, 20], [20, 25]], λ = 25 ± 20 = 45, 5")
    chapter.check(
        "V (right singular vectors, columns)", computed: svd.v, byHand: [[1 / r2, 1 / r2], [1 / r2, -1 / r2]],
        derivation: "eigenvectors of AᵀA: [1, 1]/√2, [1, −1]/√2")
    chapter.check(
        "U (left singular vectors) = A V / σ", computed: svd.u, byHand: [[1 / r10, 3 / r10], [3 / r10, -1 / r10]],
        derivation: "A [1, 1]/√2 = [3, 9]/√2 = 3√5 · [1, 3]/√10")
    chapter.check("U Σ Vᵀ = A", computed: svd.reconstructed, byHand: shearMap, derivation: "the factors multiply back")
    chapter.say(
        "The eigenvalues of this triangular A are its diagonal, 3 and 5, with eigenvectors [1, −2]/√5 and [0, 1]. They keep their line, but they are not perpendicular and they are not the axes of the ellipse: the longest image has length 3√5 ≈ 6.708 > 5."
    )
    let e1 = [1 / r5, -2 / r5], e2 = [0.0, 1]
    chapter.check(
        "A [1, −2] = 3 [1, −2] and A [0, 1] = 5 [0, 1]", computed: shearMap * e1 + shearMap * e2,
        byHand: e1.map { 3 * $0 } + e2.map { 5 * $0 }, derivation: "[3, 4 − 10] = [3, −6]; [0, 5]")
    chapter.check(
        "the eigenvectors are not perpendicular: cos angle = −2/√5", computed: e1.dot(e2), byHand: -2 / r5,
        derivation: "[1, −2]·[0, 1] / √5")
    let longest =
        (0..<3600).map { step -> Double in
            let t = Double(step) * Double.pi / 1800
            return (shearMap * [cos(t), sin(t)]).norm()
        }.max() ?? 0
    chapter.check(
        "the longest ‖A p‖ on the circle (0.1° grid) is σ₁, not the largest |λ| = 5", computed: longest, byHand: 3 * r5,
        derivation: "√45", tolerance: Tolerance(absolute: 1e-5, relative: 0))
    chapter.figure(singularValueEllipseFigure(shearMap, svd: svd), name: "svd-ellipse")
    chapter.say(
        "For a symmetric matrix the two pictures agree (U = V up to signs, σ = |λ|): that is why the eigenvectors of [[2, 1], [1, 2]] above were the axes."
    )

    chapter.say(
        "σᵢ² are the eigenvalues of AᵀA, but computing them that way squares the spread: σ = 1e-10 becomes λ = 1e-20, far below the rounding (about 1e-16) of AᵀA's entries. The SVD here (one-sided Jacobi) never forms AᵀA. A seeded 20x5 matrix built with σ = 1, 1e-2, 1e-4, 1e-7, 1e-10:"
    )
    var generator = SeededGenerator(seed: 5)
    let u = Matrix.randomOrthogonal(20, using: &generator), v = Matrix.randomOrthogonal(5, using: &generator)
    let sigma: [Double] = [1, 1e-2, 1e-4, 1e-7, 1e-10]
    let graded = Matrix(rows: 20, columns: 5) { i, j in u[i, j] } * Matrix.diagonal(sigma) * v.transposed
    let bySVD = graded.singularValues
    let byGram = ((try? (graded.transposed * graded).symmetricEigen().eigenvalues) ?? []).reversed().map {
        $0.magnitude.squareRoot()
    }
    var table = TextTable(["σ built", "SVD", "relative error", "√λ(AᵀA)", "relative error"])
    for (k, s) in sigma.enumerated() {
        table.append([
            formatScientific(s), formatScientific(bySVD[k], significantDigits: 6),
            formatScientific(abs(bySVD[k] - s) / s),
            formatScientific(byGram[k], significantDigits: 6), formatScientific(abs(byGram[k] - s) / s)
        ])
    }
    chapter.table(table)
    chapter.say(
        "The SVD's errors grow like ε ‖A‖ / σ: the rounding of A's own entries (about 1e-17 here) is all it loses. Through AᵀA the error grows like ε ‖A‖² / σ², and σ = 1e-10 comes out 4 times too large."
    )
    chapter.check(
        "the SVD finds σ₅ = 1e-10 to within 1e-5 (relative); √λ(AᵀA) is off by more than 1 %",
        holds: abs(bySVD[4] - 1e-10) < 1e-15 && abs(byGram[4] - 1e-10) > 1e-12,
        detail:
            "SVD \(formatScientific(bySVD[4], significantDigits: 6)), √λ(AᵀA) \(formatScientific(byGram[4], significantDigits: 6))"
    )
}

func inducedNorms(_ chapter: inout Chapter) {
    chapter.section("Matrix norms: entry-wise and induced")
    chapter.say(
        "Two families of matrix norms share the same subscripts. Entry-wise norms read the m·n entries as one vector (a.norm(.l1), the Frobenius a.frobeniusNorm). Induced norms measure the largest stretch max ‖A x‖ / ‖x‖ (a.inducedNorm(.maxColumnSum), .spectral, .maxRowSum). ‖A‖₁ in a paper almost always means the induced one, the largest column sum, not Σ|aᵢⱼ|."
    )
    chapter.formula(
        "induced:  ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|   ‖A‖₂ = σ_max   ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|\nentry-wise:  Σᵢⱼ |aᵢⱼ|   ‖A‖_F = √(Σ aᵢⱼ²) = √(Σ σᵢ²)      σ_max ≤ ‖A‖_F ≤ √rank · σ_max"
    )
    let a: Matrix = [[1, -2], [3, 4]]
    chapter.show("A", a)
    chapter.check(
        "induced ‖A‖₁ (largest column sum)", computed: a.inducedNorm(.maxColumnSum), byHand: 6,
        derivation: "max(1 + 3, 2 + 4)")
    chapter.check(
        "entry-wise Σ|aᵢⱼ| (a different number)", computed: a.norm(.l1), byHand: 10, derivation: "1 + 2 + 3 + 4")
    chapter.check(
        "induced ‖A‖∞ (largest row sum)", computed: a.inducedNorm(.maxRowSum), byHand: 7,
        derivation: "max(1 + 2, 3 + 4)")
    chapter.check(
        "spectral ‖A‖₂ = σ_max", computed: a.spectralNorm, byHand: (15 + 5 * 5.0.squareRoot()).squareRoot(),
        derivation: "AᵀA = [[10, 10], [10, 20]], λ_max = 15 + √125")
    chapter.check(
        "‖A‖_F² = Σ σᵢ²", computed: a.singularValues.map { $0 * $0 }.reduce(0, +), byHand: 30,
        derivation: "1 + 4 + 9 + 16")
}

func lowRankApproximation(_ chapter: inout Chapter) {
    chapter.section("Low-rank approximation (Eckart–Young)")
    chapter.say(
        "Cutting the SVD after k terms gives the best rank-k approximation there is: no matrix of rank ≤ k is closer to A, in the spectral or the Frobenius norm, and the error is exactly the first singular value left out. Checked on a seeded random 8x6 matrix, the error measured by a second SVD of the residual:"
    )
    chapter.formula("A_k = Σ_{i≤k} σᵢ uᵢ vᵢᵀ      ‖A − A_k‖₂ = σ_{k+1}      ‖A − A_k‖_F² = Σ_{i>k} σᵢ²")
    var generator = SeededGenerator(seed: 1)
    let a = Matrix(rows: 8, columns: 6, elements: (0..<48).map { _ in generator.normal() })
    let svd = a.svd
    var table = TextTable(["k", "σ_{k+1}", "‖A − A_k‖₂", "√(Σ_{i>k} σᵢ²)", "‖A − A_k‖_F"])
    var spectral: [Double] = [], frobenius: [Double] = [], tails: [Double] = []
    for k in 0..<6 {
        let residual = a - svd.approximation(rank: k)
        let tail = svd.singularValues[k...].map { $0 * $0 }.reduce(0, +).squareRoot()
        spectral.append(residual.spectralNorm)
        frobenius.append(residual.frobeniusNorm)
        tails.append(tail)
        table.append([
            "\(k)", formatFixed(svd.singularValues[k], decimals: 6), formatFixed(residual.spectralNorm, decimals: 6),
            formatFixed(tail, decimals: 6), formatFixed(residual.frobeniusNorm, decimals: 6)
        ])
    }
    chapter.table(table)
    let spectralGap = zip(spectral, svd.singularValues).map { abs($0 - $1) }.max() ?? .nan
    let frobeniusGap = zip(frobenius, tails).map { abs($0 - $1) }.max() ?? .nan
    chapter.check(
        "‖A − A_k‖₂ (a second SVD) = σ_{k+1}, k = 0…5: two computations, not a hand value", holds: spectralGap < 1e-12,
        detail: "largest gap \(formatScientific(spectralGap)) (below 1e-12)")
    chapter.check(
        "‖A − A_k‖_F (entry by entry) = √(Σ_{i>k} σᵢ²)", holds: frobeniusGap < 1e-12,
        detail: "largest gap \(formatScientific(frobeniusGap)) (below 1e-12)")
}

func conditioning(_ chapter: inout Chapter) {
    chapter.section("Conditioning: how many digits a system loses")
    chapter.say(
        "κ(A) = σ_max / σ_min measures how much A can amplify a relative change of b (or of A) into a relative change of x. A backward-stable solver (LU with pivoting) answers a nearby problem exactly, off by about ε = 2.2e-16, so x comes out with relative error up to about κ ε: about log₁₀ κ of the 16 digits are lost. Measured on seeded 8x8 systems built with κ = 10ᵏ (random orthogonal U, V; x = [1, …, 1]):"
    )
    chapter.formula("κ(A) = σ_max / σ_min = ‖A‖₂ ‖A⁻¹‖₂      ‖x̂ − x‖ / ‖x‖ ≲ κ(A) ε      lost digits ≈ log₁₀ κ")
    var table = TextTable(["k", "κ measured", "relative error ‖x̂ − x‖/‖x‖", "digits lost log₁₀(error/ε)"])
    var measuredExponents: [Double] = []
    var lost: [Double] = []
    let exponents: [Double] = [0, 2, 4, 6, 8, 10, 12, 14]
    for k in exponents {
        let experiment = ConditioningExperiment(size: 8, conditionExponent: k, seed: 7)
        measuredExponents.append(log10(experiment.conditionNumber))
        lost.append(experiment.lostDigits)
        table.append([
            "\(Int(k))", formatScientific(experiment.conditionNumber), formatScientific(experiment.relativeError),
            formatFixed(max(0, experiment.lostDigits), decimals: 1)
        ])
    }
    chapter.table(table)
    chapter.check(
        "log₁₀ κ of the built matrices", computed: measuredExponents, byHand: exponents,
        derivation: "σ from 1 down to 10⁻ᵏ (σ_min of the rounded product is off by about ε/σ_min)",
        tolerance: Tolerance(absolute: 0.01, relative: 0))
    chapter.check(
        "digits lost stay within about 2 of log₁₀ κ (κ ε is a bound, usually not reached)",
        holds: zip(lost, exponents).allSatisfy { $0 <= $1 + 1.5 && $0 >= $1 - 2.5 },
        detail: "lost \(lost.map { formatFixed($0, decimals: 1) }.joined(separator: ", "))")

    chapter.say(
        "Least squares through the normal equations AᵀA x = Aᵀb squares κ, because the singular values of AᵀA are σᵢ². QR (A = QR, R x = Qᵀb) and the SVD work on A itself. A seeded 20x3 fit with κ(A) = 1e6 and exact solution [1, 1, 1]:"
    )
    chapter.formula("κ(AᵀA) = κ(A)²      QR: error ≈ κ ε      normal equations: error ≈ κ² ε")
    var generator = SeededGenerator(seed: 3)
    let u = Matrix.randomOrthogonal(20, using: &generator), v = Matrix.randomOrthogonal(3, using: &generator)
    let a = Matrix(rows: 20, columns: 3) { i, j in u[i, j] } * Matrix.diagonal([1, 1e-3, 1e-6]) * v.transposed
    let x = [1.0, 1, 1]
    let b = a * x
    chapter.check(
        "κ(AᵀA) = κ(A)²", computed: log10((a.transposed * a).conditionNumber), byHand: 2 * log10(a.conditionNumber),
        derivation: "2 · 6", tolerance: Tolerance(absolute: 0.05, relative: 0))
    var errors: [LeastSquaresMethod: Double] = [:]
    var rows = TextTable(["method", "max |x̂ᵢ − 1|", "digits left"])
    for method in LeastSquaresMethod.allCases {
        let solved = (try? a.leastSquares(b, method: method)) ?? [.nan, .nan, .nan]
        let error = zip(solved, x).map { abs($0 - $1) }.max() ?? .nan
        errors[method] = error
        rows.append([method.rawValue, formatScientific(error), formatFixed(-log10(max(error, 1e-17)), decimals: 1)])
    }
    chapter.table(rows)
    let qr = errors[.qr] ?? .nan, normal = errors[.normalEquations] ?? .nan
    chapter.check(
        "QR keeps about 16 − 6 digits, the normal equations about 16 − 12",
        holds: qr < 1e-8 && normal > 1e-7 && normal > 1000 * qr,
        detail: "QR \(formatScientific(qr)), normal equations \(formatScientific(normal))")
}
