import DLMath
import Foundation
import Testing

@Suite("Symmetric eigendecomposition (Jacobi)")
struct SymmetricEigendecompositionTests {
    @Test("[[2, 1], [1, 2]] by hand: eigenvalues 1 and 3")
    func twoByTwo() throws {
        // det(A − λI) = (2 − λ)² − 1 = 0  →  λ = 1, 3.
        // λ = 1: (A − I) v = 0 → v₀ + v₁ = 0 → v = [1, −1]/√2 (first component positive).
        // λ = 3: (A − 3I) v = 0 → v₀ = v₁ → v = [1, 1]/√2.
        let eigen = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
        expectClose(eigen.eigenvalues, [1, 3], absolute: 1e-14)
        let r = 1 / 2.0.squareRoot()
        expectClose(eigen.eigenvectors, [[r, r], [-r, r]], absolute: 1e-14)
    }

    @Test("2x2 closed form: λ = (a+d)/2 ± √(((a−d)/2)² + b²)")
    func closedForm() throws {
        let (a, b, d) = (3.0, -2.0, 0.5)
        let mean = (a + d) / 2, radius = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
        let eigen = try Matrix([[a, b], [b, d]]).symmetricEigen()
        expectClose(eigen.eigenvalues, [mean - radius, mean + radius], absolute: 1e-14)
    }

    @Test("the tridiagonal [[2,−1,0],[−1,2,−1],[0,−1,2]]: 2 − √2, 2, 2 + √2")
    func tridiagonal() throws {
        // Eigenvalues of the n = 3 second-difference matrix: 2 − 2 cos(kπ/4), k = 1, 2, 3.
        // Eigenvectors sin(jkπ/4), j = 1..3, normalised: [1, √2, 1]/2, [1, 0, −1]/√2, [1, −√2, 1]/2.
        let s = 2.0.squareRoot()
        let eigen = try Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]).symmetricEigen()
        expectClose(eigen.eigenvalues, [2 - s, 2, 2 + s], absolute: 1e-14)
        let expected = Matrix([[0.5, 1 / s, 0.5], [s / 2, 0, -s / 2], [0.5, -1 / s, 0.5]])
        expectClose(eigen.eigenvectors, expected, absolute: 1e-14)
    }

    @Test("a diagonal matrix: its diagonal, sorted, with unit vectors")
    func diagonal() throws {
        let eigen = try Matrix.diagonal([3, 1, 2]).symmetricEigen()
        #expect(eigen.eigenvalues == [1, 2, 3])
        #expect(eigen.eigenvectors == [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
        #expect(eigen.sweeps == 0)
    }

    @Test("A vₖ = λₖ vₖ, Vᵀ V = I, V Λ Vᵀ = A, Σλ = tr A, Πλ = det A", arguments: [1, 2, 3, 5, 8, 12] as [Int])
    func properties(n: Int) throws {
        var generator = SeededGenerator(seed: UInt64(300 + n))
        let b = generator.normalMatrix(rows: n, columns: n)
        let a = b + b.transposed
        let eigen = try a.symmetricEigen()
        let v = eigen.eigenvectors
        for k in 0..<n {
            let vector = v.column(k)
            expectClose(a * vector, vector.map { eigen.eigenvalues[k] * $0 }, absolute: 1e-11)
        }
        expectClose(v.transposed * v, .identity(n), absolute: 1e-13)
        expectClose(eigen.reconstructed, a, absolute: 1e-12)
        #expect(eigen.eigenvalues == eigen.eigenvalues.sorted())
        expectClose(eigen.eigenvalues.reduce(0, +), a.trace, absolute: 1e-11)
        // det by LU: a second algorithm.
        expectClose(eigen.eigenvalues.reduce(1, *), a.determinant, absolute: 1e-10, relative: 1e-10)
    }

    @Test("a symmetric positive semi-definite AᵀA has eigenvalues ≥ 0 and rank = number of λ > 0")
    func gram() throws {
        // A is 4x2, so AᵀA is 2x2 of rank 2 and A Aᵀ is 4x4 of rank 2: two zero eigenvalues.
        var generator = SeededGenerator(seed: 5)
        let a = generator.normalMatrix(rows: 4, columns: 2)
        let eigen = try (a * a.transposed).symmetricEigen()
        expectClose(Array(eigen.eigenvalues.prefix(2)), [0, 0], absolute: 1e-13)
        #expect(eigen.eigenvalues[2] > 0.01 && eigen.eigenvalues[3] > 0.01)
    }

    @Test("a non-symmetric matrix is rejected with the offending pair")
    func nonSymmetric() {
        #expect(throws: LinearAlgebraError("symmetricEigen", "matrix is not symmetric: A[0, 1] = 2 but A[1, 0] = 3")) {
            try Matrix([[1, 2], [3, 4]]).symmetricEigen()
        }
        #expect(!Matrix([[1, 2], [3, 4]]).isSymmetric())
        #expect(Matrix([[1, 2], [2, 4]]).isSymmetric())
        #expect(!Matrix(rows: 2, columns: 3).isSymmetric())
    }
}
