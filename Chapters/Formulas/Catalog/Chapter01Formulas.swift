import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 1: linear algebra. Each formula's value from `DLMath` against
    /// an independent computation: a closed form, or a second algorithm
    /// written out here (cofactor expansion, Cramer's rule).
    static var chapter01: [Formula] {
        [
            Formula("1.1", "x · y = Σᵢ xᵢ yᵢ = ‖x‖ ‖y‖ cos θ  (x = [3, 4], y = [4, 3])",
                    method: "cos θ from the angles atan2(4,3), atan2(3,4)", scalar: {
                let x: [Double] = [3, 4], y: [Double] = [4, 3]
                let theta = atan2(4.0, 3.0) - atan2(3.0, 4.0)
                return (x.dot(y), 5 * 5 * cos(theta))
            }),
            Formula("1.2", "‖x‖₂ = √(Σᵢ xᵢ²)  (x = [3, −4, 12], seeded x ∈ ℝ⁷)",
                    method: "hypot, one coordinate at a time") {
                var generator = SeededGenerator(seed: 12)
                let x = (0..<7).map { _ in generator.normal() }
                return ([[3, -4, 12].norm(), x.norm()],
                        [hypot(hypot(3, -4), 12), x.reduce(0) { hypot($0, $1) }])
            },
            Formula("1.3", "(A B)ᵀ = Bᵀ Aᵀ  (seeded A 3x4, B 4x2)",
                    method: "transpose of the product vs product of the transposes") {
                var generator = SeededGenerator(seed: 13)
                let a = generator.normalMatrix(rows: 3, columns: 4)
                let b = generator.normalMatrix(rows: 4, columns: 2)
                return ((a * b).transposed.elements, (b.transposed * a.transposed).elements)
            },
            Formula("1.4", "det A = sign(P) Πₖ uₖₖ  (P A = L U, seeded A 5x5)",
                    method: "cofactor (Laplace) expansion along the first row", scalar: {
                var generator = SeededGenerator(seed: 14)
                let a = generator.normalMatrix(rows: 5, columns: 5)
                return (a.determinant, cofactorDeterminant(a))
            }),
            Formula("1.5", "det(A B) = det A · det B  (seeded A, B 4x4)",
                    method: "product of the two determinants", scalar: {
                var generator = SeededGenerator(seed: 15)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let b = generator.normalMatrix(rows: 4, columns: 4)
                return ((a * b).determinant, a.determinant * b.determinant)
            }),
            Formula("1.6", "A⁻¹ by LU = adj(A) / det A  (A = [[2, 1, 1], [4, −6, 0], [−2, 7, 2]])",
                    method: "adjugate: transposed cofactors over the cofactor determinant") {
                let a: Matrix = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]
                let inverse = (try? a.inverse()) ?? Matrix(rows: 3, columns: 3, repeating: .nan)
                let det = cofactorDeterminant(a)
                let adjugateOverDet = Matrix(rows: 3, columns: 3) { i, j in cofactor(a, j, i) / det }
                return (inverse.elements, adjugateOverDet.elements)
            },
            Formula("1.7", "A x = b solved by L y = P b, U x = y  (seeded A 4x4, b)",
                    method: "Cramer's rule, xᵢ = det Aᵢ(b) / det A by cofactors") {
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
            Formula("1.8", "‖A‖_F² = Σᵢⱼ aᵢⱼ² = tr(AᵀA)  (seeded A 4x3)",
                    method: "trace of the Gram matrix AᵀA", scalar: {
                var generator = SeededGenerator(seed: 18)
                let a = generator.normalMatrix(rows: 4, columns: 3)
                return (a.frobeniusNorm * a.frobeniusNorm, (a.transposed * a).trace)
            }),
            Formula("1.9", "eigenvalues of [[a, b], [b, d]] = (a+d)/2 ∓ √(((a−d)/2)² + b²)  (a = 3, b = −2, d = 0.5)",
                    method: "Jacobi rotations vs the closed form") {
                let (a, b, d) = (3.0, -2.0, 0.5)
                let radius = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
                let jacobi = (try? Matrix([[a, b], [b, d]]).symmetricEigen().eigenvalues) ?? [.nan, .nan]
                return (jacobi, [(a + d) / 2 - radius, (a + d) / 2 + radius])
            },
            Formula("1.10", "Σₖ λₖ = tr A,  Πₖ λₖ = det A  (seeded symmetric A 5x5)",
                    method: "Jacobi eigenvalues vs the diagonal sum and the LU determinant") {
                var generator = SeededGenerator(seed: 20)
                let b = generator.normalMatrix(rows: 5, columns: 5)
                let a = b + b.transposed
                let lambda = (try? a.symmetricEigen().eigenvalues) ?? [.nan]
                return ([lambda.reduce(0, +), lambda.reduce(1, *)], [a.trace, a.determinant])
            },
            Formula("1.11", "A = V Λ Vᵀ with A vₖ = λₖ vₖ  (seeded symmetric A 4x4)",
                    method: "A vₖ vs λₖ vₖ for every eigenpair") {
                var generator = SeededGenerator(seed: 21)
                let b = generator.normalMatrix(rows: 4, columns: 4)
                let a = b + b.transposed
                guard let eigen = try? a.symmetricEigen() else { return ([.nan], [0]) }
                let vectors = (0..<4).map { eigen.eigenvectors.column($0) }
                return (vectors.flatMap { a * $0 },
                        zip(eigen.eigenvalues, vectors).flatMap { lambda, v in v.map { lambda * $0 } })
            },
            Formula("1.12", "rank(A B) = 2 for A 5x2, B 2x6  (Gaussian elimination)",
                    method: "number of eigenvalues of (AB)ᵀ(AB) above 1e-9 · λ_max", scalar: {
                var generator = SeededGenerator(seed: 22)
                let product = generator.normalMatrix(rows: 5, columns: 2) * generator.normalMatrix(rows: 2, columns: 6)
                let lambda = (try? (product.transposed * product).symmetricEigen().eigenvalues) ?? []
                let largest = lambda.max() ?? 0
                return (Double(product.rank()), Double(lambda.filter { $0 > 1e-9 * largest }.count))
            }),
            Formula("1.13", "X W + b (b broadcast over the rows) = X W + 1 b  (X 3x2, W 2x3, b 1x3)",
                    method: "the outer product of a column of ones with b") {
                let x: Matrix = [[1, 2], [0, -1], [3, 1]]
                let w: Matrix = [[1, 0, -1], [2, 1, 0]]
                let b: Matrix = [[0.5, -1, 2]]
                return ((x * w + b).elements, (x * w + Matrix(column: [1, 1, 1]) * b).elements)
            },
            Formula("1.14", "∂ det A / ∂A = det(A) A⁻ᵀ  (Jacobi's formula, seeded A 4x4)",
                    method: "numerical gradient of det, central differences", tolerance: .numerical) {
                var generator = SeededGenerator(seed: 24)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let inverse = (try? a.inverse()) ?? Matrix(rows: 4, columns: 4, repeating: .nan)
                return ((a.determinant * inverse.transposed).elements,
                        numericalGradient(of: { $0.determinant }, at: a).elements)
            },
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
