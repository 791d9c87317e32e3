import DLMath
import Foundation
import Testing

@Suite("Singular value decomposition (one-sided Jacobi)")
struct SingularValueDecompositionTests {
    @Test("[[3, 0], [4, 5]] by hand: σ = 3√5, √5")
    func twoByTwo() {
        // AᵀA = [[9+16, 20], [20, 25]] = [[25, 20], [20, 25]]: eigenvalues 25 ± 20 = 45, 5,
        // so σ = √45 = 3√5 and √5, with v₁ = [1, 1]/√2, v₂ = [1, −1]/√2 (first component positive).
        // u₁ = A v₁ / σ₁ = [3, 9]/√2 / (3√5) = [1, 3]/√10;  u₂ = A v₂ / σ₂ = [3, −1]/√2 / √5 = [3, −1]/√10.
        let svd = Matrix([[3, 0], [4, 5]]).svd
        let r5 = 5.0.squareRoot(), r2 = 2.0.squareRoot(), r10 = 10.0.squareRoot()
        expectClose(svd.singularValues, [3 * r5, r5], absolute: 1e-14)
        expectClose(svd.v, [[1 / r2, 1 / r2], [1 / r2, -1 / r2]], absolute: 1e-14)
        expectClose(svd.u, [[1 / r10, 3 / r10], [3 / r10, -1 / r10]], absolute: 1e-14)
    }

    @Test("the tall 3x2 [[1, 0], [0, 1], [1, 1]] by hand: σ = √3, 1")
    func tallThreeByTwo() {
        // AᵀA = [[2, 1], [1, 2]]: eigenvalues 3 and 1, v₁ = [1, 1]/√2, v₂ = [1, −1]/√2.
        // u₁ = A v₁ / √3 = [1, 1, 2]/√6;  u₂ = A v₂ / 1 = [1, −1, 0]/√2.
        let svd = Matrix([[1, 0], [0, 1], [1, 1]]).svd
        let r2 = 2.0.squareRoot(), r6 = 6.0.squareRoot()
        expectClose(svd.singularValues, [sqrt(3.0), 1], absolute: 1e-14)
        expectClose(svd.u, [[1 / r6, 1 / r2], [1 / r6, -1 / r2], [2 / r6, 0]], absolute: 1e-14)
        expectClose(svd.v, [[1 / r2, 1 / r2], [1 / r2, -1 / r2]], absolute: 1e-14)
    }

    @Test("a wide 2x3 matrix: the singular values of its transpose, U 2x2 and V 3x2")
    func wide() {
        let a = Matrix([[1, 0, 1], [0, 1, 1]])  // the transpose of the 3x2 case: σ = √3, 1
        let svd = a.svd
        expectClose(svd.singularValues, [sqrt(3.0), 1], absolute: 1e-14)
        #expect(svd.u.shapeDescription == "2x2" && svd.v.shapeDescription == "3x2")
        expectClose(svd.reconstructed, a, absolute: 1e-14)
    }

    @Test("rank 1: [[1, 2], [2, 4], [3, 6]] = [1, 2, 3]ᵀ[1, 2], σ = √70, 0; pseudo-inverse by hand")
    func rankDeficient() {
        // A = x yᵀ with x = [1, 2, 3], y = [1, 2]: σ₁ = ‖x‖ ‖y‖ = √14 √5 = √70, σ₂ = 0.
        // A⁺ = y xᵀ / (‖x‖² ‖y‖²) = [1, 2]ᵀ [1, 2, 3] / 70.
        let a = Matrix([[1, 2], [2, 4], [3, 6]])
        let svd = a.svd
        expectClose(svd.singularValues, [sqrt(70.0), 0], absolute: 1e-14)
        #expect(svd.rank() == 1)
        #expect(a.numericalRank == 1)
        expectClose(a.pseudoInverse, Matrix([[1, 2, 3], [2, 4, 6]]) / 70, absolute: 1e-15)
        expectClose(svd.u.transposed * svd.u, .identity(2), absolute: 1e-14, "U is completed to orthonormal columns")
        #expect(a.conditionNumber > 1e14, "σ₂ is rounding noise: κ ≈ 1/ε, not a finite condition")
    }

    @Test("equal singular values: 2 · a rotation has σ = 2, 2, and U, V stay orthogonal")
    func equalSingularValues() {
        // A = 2 [[cos θ, −sin θ], [sin θ, cos θ]]: AᵀA = 4 I, so σ₁ = σ₂ = 2 and any orthonormal V works.
        let (c, s) = (cos(0.3), sin(0.3))
        let a = Matrix([[2 * c, -2 * s], [2 * s, 2 * c]])
        let svd = a.svd
        expectClose(svd.singularValues, [2, 2], absolute: 1e-14)
        expectClose(svd.u.transposed * svd.u, .identity(2), absolute: 1e-14)
        expectClose(svd.v.transposed * svd.v, .identity(2), absolute: 1e-14)
        expectClose(svd.reconstructed, a, absolute: 1e-14)
        expectClose(a.conditionNumber, 1, absolute: 1e-14)
    }

    @Test("random 100x50 and 50x100: U, V orthonormal and U Σ Vᵀ = A to about 1e-14")
    func randomMatrices() {
        var generator = SeededGenerator(seed: 9)
        for (m, n) in [(100, 50), (50, 100), (30, 30)] {
            let a = Matrix(rows: m, columns: n, elements: (0..<(m * n)).map { _ in generator.normal() })
            let svd = a.svd
            let k = min(m, n)
            #expect((svd.u.transposed * svd.u - .identity(k)).norm(.max) < 1e-13, "UᵀU = I for \(m)x\(n)")
            #expect((svd.v.transposed * svd.v - .identity(k)).norm(.max) < 1e-13, "VᵀV = I for \(m)x\(n)")
            #expect((svd.reconstructed - a).norm(.max) / a.norm(.max) < 1e-13, "U Σ Vᵀ = A for \(m)x\(n)")
            #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 }, "descending")
            // ‖A‖_F² = Σ σᵢ² (computed from the entries, not the SVD).
            expectClose(
                svd.singularValues.map { $0 * $0 }.reduce(0, +), a.elements.map { $0 * $0 }.reduce(0, +),
                absolute: 0, relative: 1e-12)
        }
    }

    @Test("the singular values are the square roots of the eigenvalues of AᵀA (an independent method)")
    func againstEigenvaluesOfGram() throws {
        let a = Matrix([[1, 2, 0], [0, 1, -1], [3, 0, 1], [1, 1, 1]])
        let eigen = try (a.transposed * a).symmetricEigen()
        expectClose(a.singularValues, eigen.eigenvalues.reversed().map { $0.squareRoot() }, absolute: 1e-13)
    }

    @Test("Eckart–Young: the best rank-k approximation has ‖A − A_k‖₂ = σ_{k+1}")
    func eckartYoung() {
        var generator = SeededGenerator(seed: 3)
        let a = Matrix(rows: 8, columns: 6, elements: (0..<48).map { _ in generator.normal() })
        let svd = a.svd
        for k in 0..<6 {
            let residual = a - svd.approximation(rank: k)
            expectClose(residual.spectralNorm, svd.singularValues[k], absolute: 1e-13)
            let tail = svd.singularValues[k...].map { $0 * $0 }.reduce(0, +)
            expectClose(residual.frobeniusNorm * residual.frobeniusNorm, tail, absolute: 1e-12)
        }
    }

    @Test("κ₂ of diag(10, 2, 0.5) is 10 / 0.5 = 20")
    func conditionOfDiagonal() {
        expectClose(Matrix.diagonal([10, 2, 0.5]).conditionNumber, 20, absolute: 1e-13)
        expectClose(Matrix.identity(4).conditionNumber, 1, absolute: 1e-15)
    }

    @Test("the pseudo-inverse of an invertible matrix is its inverse; Moore–Penrose conditions on a 4x3")
    func pseudoInverse() throws {
        let square = Matrix([[4, 7], [2, 6]])
        // inverse by hand: det = 24 − 14 = 10, A⁻¹ = [[6, −7], [−2, 4]] / 10
        expectClose(square.pseudoInverse, Matrix([[0.6, -0.7], [-0.2, 0.4]]), absolute: 1e-14)
        let a = Matrix([[1, 2, 0], [0, 1, -1], [3, 0, 1], [1, 1, 1]])
        let p = a.pseudoInverse
        expectClose(a * p * a, a, absolute: 1e-13)
        expectClose(p * a * p, p, absolute: 1e-13)
        expectClose((a * p).transposed, a * p, absolute: 1e-13)
    }

    @Test("small singular values keep their accuracy: σ = 1e-10 to 1e-6, where √λ(AᵀA) is off by a factor")
    func smallSingularValues() throws {
        var generator = SeededGenerator(seed: 5)
        let u = Matrix.randomOrthogonal(20, using: &generator), v = Matrix.randomOrthogonal(5, using: &generator)
        let sigma: [Double] = [1, 1e-2, 1e-4, 1e-7, 1e-10]
        let a = Matrix(rows: 20, columns: 5) { i, j in u[i, j] } * Matrix.diagonal(sigma) * v.transposed
        // The rounding of A's entries (about ε ‖A‖ = 2e-16) bounds what any method can recover: σ ± 1e-16.
        for (computed, built) in zip(a.singularValues, sigma) {
            #expect(abs(computed - built) < 1e-15, "σ = \(built): got \(computed)")
        }
        let gram = try (a.transposed * a).symmetricEigen().eigenvalues
        #expect(abs(gram[0].magnitude.squareRoot() - 1e-10) > 1e-11, "forming AᵀA loses σ = 1e-10")
    }

    @Test("vectors and empty matrices: a column [3, 4] has σ = 5, u = [0.6, 0.8], v = [1]; 0x3 has no σ")
    func edgeShapes() {
        // ‖[3, 4]‖ = 5: the column is σ u vᵀ with u = [3, 4]/5 and v = [1].
        let column = Matrix(column: [3, 4]).svd
        expectClose(column.singularValues, [5], absolute: 1e-15)
        expectClose(column.u, [[0.6], [0.8]], absolute: 1e-15)
        expectClose(column.v, [[1]], absolute: 0)
        // The row [3, 4] is the transpose: σ = 5, u = [1], v = [0.6, 0.8].
        let row = Matrix(row: [3, 4]).svd
        expectClose(row.singularValues, [5], absolute: 1e-15)
        expectClose(row.v, [[0.6], [0.8]], absolute: 1e-15)
        let empty = Matrix(rows: 0, columns: 3).svd
        #expect(empty.singularValues.isEmpty && empty.rank() == 0)
        #expect(Matrix(rows: 0, columns: 3).spectralNorm == 0)
        #expect(Matrix(rows: 2, columns: 2).svd.singularValues == [0, 0])
    }
}
