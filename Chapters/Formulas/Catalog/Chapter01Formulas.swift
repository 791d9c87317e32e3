import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 1: linear algebra. Each formula's value from `DLMath` against
    /// an independent computation: a closed form, or a second algorithm
    /// written out here (cofactor expansion, Cramer's rule).
    static var chapter01: [Formula] {
        [
            Formula(
                "1.1", "x · y = Σᵢ xᵢ yᵢ = ‖x‖ ‖y‖ cos θ  (x = [3, 4], y = [4, 3])",
                method: "cos θ from the angles atan2(4,3), atan2(3,4)",
                scalar: {
                    let x: [Double] = [3, 4], y: [Double] = [4, 3]
                    let theta = atan2(4.0, 3.0) - atan2(3.0, 4.0)
                    return (x.dot(y), 5 * 5 * cos(theta))
                }),
            Formula(
                "1.2", "‖x‖₂ = √(Σᵢ xᵢ²)  (x = [3, −4, 12], seeded x ∈ ℝ⁷)",
                method: "hypot, one coordinate at a time"
            ) {
                var generator = SeededGenerator(seed: 12)
                let x = (0..<7).map { _ in generator.normal() }
                return (
                    [[3, -4, 12].norm(), x.norm()],
                    [hypot(hypot(3, -4), 12), x.reduce(0) { hypot($0, $1) }]
                )
            },
            Formula(
                "1.3", "(A B)ᵀ = Bᵀ Aᵀ  (seeded A 3x4, B 4x2)",
                method: "both sides against the sums ((AB)ᵀ)ᵢⱼ = Σₖ aⱼₖ bₖᵢ written out"
            ) {
                var generator = SeededGenerator(seed: 13)
                let a = generator.normalMatrix(rows: 3, columns: 4)
                let b = generator.normalMatrix(rows: 4, columns: 2)
                let sums = Matrix(rows: 2, columns: 3) { i, j in (0..<4).reduce(0) { $0 + a[j, $1] * b[$1, i] } }
                return (
                    (a * b).transposed.elements + (b.transposed * a.transposed).elements, sums.elements + sums.elements
                )
            },
            Formula(
                "1.4", "det A = sign(P) Πₖ uₖₖ  (P A = L U, seeded A 5x5)",
                method: "cofactor (Laplace) expansion along the first row",
                scalar: {
                    var generator = SeededGenerator(seed: 14)
                    let a = generator.normalMatrix(rows: 5, columns: 5)
                    return (a.determinant, cofactorDeterminant(a))
                }),
            Formula(
                "1.5", "det(A B) = det A · det B  (seeded A, B 4x4; and chapter 1's A, B: −16 · 7)",
                method: "the two determinants by cofactors; by hand det = −112 (a |det| would give +112)"
            ) {
                var generator = SeededGenerator(seed: 15)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let b = generator.normalMatrix(rows: 4, columns: 4)
                let strang: Matrix = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]],
                    other: Matrix = [[1, 2, 0], [0, 1, 3], [1, 0, 1]]
                return (
                    [(a * b).determinant, (strang * other).determinant],
                    [cofactorDeterminant(a) * cofactorDeterminant(b), -16 * 7]
                )
            },
            Formula(
                "1.6", "A⁻¹ by LU = adj(A) / det A  (A = [[2, 1, 1], [4, −6, 0], [−2, 7, 2]])",
                method: "adjugate: transposed cofactors over the cofactor determinant"
            ) {
                let a: Matrix = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]
                let inverse = (try? a.inverse()) ?? Matrix(rows: 3, columns: 3, repeating: .nan)
                let det = cofactorDeterminant(a)
                let adjugateOverDet = Matrix(rows: 3, columns: 3) { i, j in cofactor(a, j, i) / det }
                return (inverse.elements, adjugateOverDet.elements)
            },
            Formula(
                "1.7", "A x = b solved by L y = P b, U x = y  (seeded A 4x4, b)",
                method: "Cramer's rule, xᵢ = det Aᵢ(b) / det A by cofactors"
            ) {
                var generator = SeededGenerator(seed: 17)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let b = (0..<4).map { _ in generator.normal() }
                let x = (try? a.solve(b)) ?? [Double](repeating: .nan, count: 4)
                let det = cofactorDeterminant(a)
                let cramer = (0..<4).map { i in
                    cofactorDeterminant(Matrix(rows: 4, columns: 4) { r, c in c == i ? b[r] : a[r, c] }) / det
                }
                return (x, cramer)
            },
            Formula(
                "1.8", "‖A‖_F² = Σᵢⱼ aᵢⱼ² = tr(AᵀA)  (seeded A 4x3)",
                method: "trace of the Gram matrix AᵀA",
                scalar: {
                    var generator = SeededGenerator(seed: 18)
                    let a = generator.normalMatrix(rows: 4, columns: 3)
                    return (a.frobeniusNorm * a.frobeniusNorm, (a.transposed * a).trace)
                }),
            Formula(
                "1.9", "eigenvalues of [[a, b], [b, d]] = (a+d)/2 ∓ √(((a−d)/2)² + b²)  (a = 3, b = −2, d = 0.5)",
                method: "Jacobi rotations vs the closed form"
            ) {
                let (a, b, d) = (3.0, -2.0, 0.5)
                let radius = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
                let jacobi = (try? Matrix([[a, b], [b, d]]).symmetricEigen().eigenvalues) ?? [.nan, .nan]
                return (jacobi, [(a + d) / 2 - radius, (a + d) / 2 + radius])
            },
            Formula(
                "1.10", "Σₖ λₖ = tr A,  Πₖ λₖ = det A  (seeded symmetric A 5x5)",
                method: "Jacobi eigenvalues vs the diagonal sum and the LU determinant"
            ) {
                var generator = SeededGenerator(seed: 20)
                let b = generator.normalMatrix(rows: 5, columns: 5)
                let a = b + b.transposed
                let lambda = (try? a.symmetricEigen().eigenvalues) ?? [.nan]
                return ([lambda.reduce(0, +), lambda.reduce(1, *)], [a.trace, a.determinant])
            },
            Formula(
                "1.11", "A = V Λ Vᵀ with A vₖ = λₖ vₖ  (seeded symmetric A 4x4)",
                method: "A vₖ vs λₖ vₖ for every eigenpair"
            ) {
                var generator = SeededGenerator(seed: 21)
                let b = generator.normalMatrix(rows: 4, columns: 4)
                let a = b + b.transposed
                guard let eigen = try? a.symmetricEigen() else { return ([.nan], [0]) }
                let vectors = (0..<4).map { eigen.eigenvectors.column($0) }
                return (
                    vectors.flatMap { a * $0 },
                    zip(eigen.eigenvalues, vectors).flatMap { lambda, v in v.map { lambda * $0 } }
                )
            },
            Formula(
                "1.12", "rank(A B) = 2 for A 5x2, B 2x6  (Gaussian elimination)",
                method: "number of eigenvalues of (AB)ᵀ(AB) above 1e-9 · λ_max",
                scalar: {
                    var generator = SeededGenerator(seed: 22)
                    let product =
                        generator.normalMatrix(rows: 5, columns: 2) * generator.normalMatrix(rows: 2, columns: 6)
                    let lambda = (try? (product.transposed * product).symmetricEigen().eigenvalues) ?? []
                    let largest = lambda.max() ?? 0
                    return (Double(product.rank()), Double(lambda.filter { $0 > 1e-9 * largest }.count))
                }),
            Formula(
                "1.13", "X W + b (b broadcast over the rows) = X W + 1 b  (X 3x2, W 2x3, b 1x3)",
                method: "by hand: X W = [[5, 2, −1], [−2, −1, 0], [5, 1, −3]], plus b on each row"
            ) {
                let x: Matrix = [[1, 2], [0, -1], [3, 1]]
                let w: Matrix = [[1, 0, -1], [2, 1, 0]]
                let b: Matrix = [[0.5, -1, 2]]
                let byHand: [Double] = [5.5, 1, 1, -1.5, -2, 2, 5.5, 0, -1]
                return ((x * w + b).elements + (x * w + Matrix(column: [1, 1, 1]) * b).elements, byHand + byHand)
            },
            Formula(
                "1.14", "∂ det A / ∂A = det(A) A⁻ᵀ  (Jacobi's formula, seeded A 4x4)",
                method: "numerical gradient of det, central differences", tolerance: .numerical
            ) {
                var generator = SeededGenerator(seed: 24)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let inverse = (try? a.inverse()) ?? Matrix(rows: 4, columns: 4, repeating: .nan)
                return (
                    (a.determinant * inverse.transposed).elements,
                    numericalGradient(of: { $0.determinant }, at: a).elements
                )
            },
            Formula(
                "1.15", "A = U Σ Vᵀ with Uᵀ U = Vᵀ V = I  (SVD of a seeded 7x4 A)",
                method: "the product U Σ Vᵀ and UᵀU, VᵀV against A and I"
            ) {
                var generator = SeededGenerator(seed: 115)
                let a = generator.normalMatrix(rows: 7, columns: 4)
                let svd = a.svd
                return (
                    svd.reconstructed.elements + (svd.u.transposed * svd.u).elements
                        + (svd.v.transposed * svd.v).elements,
                    a.elements + Matrix.identity(4).elements + Matrix.identity(4).elements
                )
            },
            Formula(
                "1.16", "σᵢ² = λᵢ(AᵀA)  (seeded 6x4 A)",
                method: "symmetric Jacobi eigenvalues of AᵀA, descending"
            ) {
                var generator = SeededGenerator(seed: 116)
                let a = generator.normalMatrix(rows: 6, columns: 4)
                let eigenvalues = (try? (a.transposed * a).symmetricEigen().eigenvalues) ?? []
                return (a.singularValues.map { $0 * $0 }, eigenvalues.reversed())
            },
            Formula(
                "1.17", "‖A‖₂ = σ_max = max ‖A x‖₂ / ‖x‖₂  (seeded 5x3 A)",
                method: "power iteration on AᵀA, 500 steps, written out here",
                scalar: {
                    var generator = SeededGenerator(seed: 117)
                    let a = generator.normalMatrix(rows: 5, columns: 3)
                    return (a.spectralNorm, powerIterationNorm(a))
                }),
            Formula(
                "1.18", "‖A‖_F² = Σᵢ σᵢ²  (seeded 5x6 A)",
                method: "Σᵢⱼ aᵢⱼ², entry by entry",
                scalar: {
                    var generator = SeededGenerator(seed: 118)
                    let a = generator.normalMatrix(rows: 5, columns: 6)
                    return (a.singularValues.map { $0 * $0 }.reduce(0, +), a.elements.map { $0 * $0 }.reduce(0, +))
                }),
            Formula(
                "1.19", "Eckart–Young: ‖A − A_k‖₂ = σ_{k+1}, A_k = Σ_{i≤k} σᵢ uᵢ vᵢᵀ  (seeded 8x5 A, k = 0…4)",
                method: "power iteration on the residual"
            ) {
                var generator = SeededGenerator(seed: 119)
                let a = generator.normalMatrix(rows: 8, columns: 5)
                let svd = a.svd
                return (svd.singularValues, (0..<5).map { powerIterationNorm(a - svd.approximation(rank: $0)) })
            },
            Formula(
                "1.20", "κ₂(A) = σ_max / σ_min = ‖A‖₂ ‖A⁻¹‖₂  (seeded 4x4 A)",
                method: "power iteration on A and on its LU inverse",
                tolerance: Tolerance(absolute: 1e-9, relative: 1e-9),
                scalar: {
                    var generator = SeededGenerator(seed: 120)
                    let a = generator.normalMatrix(rows: 4, columns: 4)
                    let inverse = (try? a.inverse()) ?? Matrix(rows: 4, columns: 4, repeating: .nan)
                    return (a.conditionNumber, powerIterationNorm(a) * powerIterationNorm(inverse))
                }),
            Formula(
                "1.21", "solving A x = b with κ(A) = 10⁸ loses about log₁₀ κ = 8 digits",
                method: "measured: log₁₀(‖x̂ − x‖ / (‖x‖ ε)), seeded 8x8 system, LU",
                tolerance: Tolerance(absolute: 2.5, relative: 0),
                scalar: {
                    (8, ConditioningExperiment(size: 8, conditionExponent: 8, seed: 121).lostDigits)
                }),
            Formula(
                "1.22", "least squares: R x = Qᵀ b (A = Q R) gives the x of AᵀA x = Aᵀ b  (seeded 12x3 A)",
                method: "normal equations by Cramer's rule (normalEquationsSolution), and A⁺ b by the SVD"
            ) {
                var generator = SeededGenerator(seed: 122)
                let a = generator.normalMatrix(rows: 12, columns: 3)
                let b = (0..<12).map { _ in generator.normal() }
                let qr = (try? a.leastSquares(b, method: .qr)) ?? []
                let cramer = normalEquationsSolution(features: a, targets: Matrix(column: b))?.elements ?? []
                return (qr + qr, cramer + a.pseudoInverse * b)
            },
            Formula(
                "1.23", "induced ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|, ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|  (seeded 5x4 A)",
                method: "max ‖A x‖ over the corners of the unit ball: x = ±eⱼ for ‖·‖₁, x ∈ {±1}⁴ for ‖·‖∞"
            ) {
                var generator = SeededGenerator(seed: 123)
                let a = generator.normalMatrix(rows: 5, columns: 4)
                let oneBall = (0..<4).map { j in (a * (0..<4).map { $0 == j ? 1.0 : 0 }).norm(.l1) }.max() ?? .nan
                let cube =
                    (0..<16).map { bits in (a * (0..<4).map { bits >> $0 & 1 == 1 ? 1.0 : -1 }).norm(.max) }.max()
                    ?? .nan
                return ([a.inducedNorm(.maxColumnSum), a.inducedNorm(.maxRowSum)], [oneBall, cube])
            }
        ]
    }
}

/// The cofactor Cᵢⱼ = (−1)^(i+j) det(A without row i and column j).
private func cofactor(_ a: Matrix, _ i: Int, _ j: Int) -> Double {
    let minor = Matrix(rows: a.rows - 1, columns: a.columns - 1) { r, c in
        a[r < i ? r : r + 1, c < j ? c : c + 1]
    }
    return ((i + j) % 2 == 0 ? 1 : -1) * cofactorDeterminant(minor)
}

/// det A by cofactor expansion along the first row, det A = Σⱼ a₀ⱼ C₀ⱼ: an
/// algorithm independent of elimination (O(n!), fine for n ≤ 6).
private func cofactorDeterminant(_ a: Matrix) -> Double {
    if a.rows == 0 { return 1 }
    if a.rows == 1 { return a[0, 0] }
    return (0..<a.columns).reduce(0) { $0 + a[0, $1] * cofactor(a, 0, $1) }
}

/// ‖A‖₂ by power iteration on AᵀA (500 steps from [1, 1, …]): x ← AᵀA x / ‖AᵀA x‖,
/// then ‖A x‖. An algorithm independent of the SVD's Jacobi rotations.
private func powerIterationNorm(_ a: Matrix) -> Double {
    let gram = a.transposed * a
    var x = Array(repeating: 1.0, count: a.columns)
    for _ in 0..<500 {
        let y = gram * x
        let size = y.norm()
        guard size > 0 else { return 0 }
        x = y.map { $0 / size }
    }
    return (a * x).norm()
}
