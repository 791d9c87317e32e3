import DLMath
import Testing

@Suite("LU decomposition, solve, inverse, determinant")
struct LUDecompositionTests {
    // The 3x3 example (Strang): A = [[2, 1, 1], [4, −6, 0], [−2, 7, 2]].
    // Elimination with partial pivoting, by hand:
    //   column 0: largest |aᵢ₀| is 4 (row 1) → swap rows 0 and 1:
    //             [[4, −6, 0], [2, 1, 1], [−2, 7, 2]]; multipliers 1/2 and −1/2:
    //             row 1 → [0, 4, 1], row 2 → [0, 4, 2]
    //   column 1: |4| and |4| tie → keep row 1; multiplier 1: row 2 → [0, 0, 1]
    //   L = [[1, 0, 0], [1/2, 1, 0], [−1/2, 1, 1]], U = [[4, −6, 0], [0, 4, 1], [0, 0, 1]],
    //   permutation [1, 0, 2] (one swap, sign −1), det = −(4 · 4 · 1) = −16.
    // Every number is a dyadic fraction, so the factors are exact.
    let strang: Matrix = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]

    @Test("2x2 by hand: factors, determinant, inverse, solve")
    func twoByTwo() throws {
        // A = [[4, 3], [6, 3]]: |6| > |4| → swap; l = 4/6 = 2/3; u₂₂ = 3 − (2/3)·3 = 1.
        let a: Matrix = [[4, 3], [6, 3]]
        let lu = a.luDecomposition
        #expect(lu.permutation == [1, 0])
        #expect(lu.permutationSign == -1)
        expectClose(lu.lower, [[1, 0], [2.0 / 3, 1]])
        expectClose(lu.upper, [[6, 3], [0, 1]], absolute: 1e-15)
        // det = ad − bc = 4·3 − 3·6 = −6.
        expectClose(a.determinant, -6)
        // A⁻¹ = (1/det) [[d, −b], [−c, a]] = −(1/6) [[3, −3], [−6, 4]] = [[−1/2, 1/2], [1, −2/3]].
        expectClose(try a.inverse(), [[-0.5, 0.5], [1, -2.0 / 3]], absolute: 1e-15)
        // x = A⁻¹ [10, 12] = [−5 + 6, 10 − 8] = [1, 2]; check: 4 + 6 = 10, 6 + 6 = 12.
        expectClose(try a.solve([10, 12]), [1, 2], absolute: 1e-14)
    }

    @Test("3x3 by hand: L, U, P and P A = L U exactly")
    func threeByThreeFactors() {
        let lu = strang.luDecomposition
        #expect(lu.permutation == [1, 0, 2])
        #expect(lu.permutationSign == -1)
        #expect(lu.lower == [[1, 0, 0], [0.5, 1, 0], [-0.5, 1, 1]])
        #expect(lu.upper == [[4, -6, 0], [0, 4, 1], [0, 0, 1]])
        #expect(lu.pivots == [4, 4, 1])
        #expect(lu.permutationMatrix * strang == lu.lower * lu.upper)
        #expect(!lu.isSingular)
    }

    @Test("3x3 by hand: determinant, solve, inverse")
    func threeByThree() throws {
        // Cofactor expansion along row 0:
        // 2·(−6·2 − 0·7) − 1·(4·2 − 0·(−2)) + 1·(4·7 − (−6)(−2)) = −24 − 8 + 16 = −16.
        expectClose(strang.determinant, -16)
        // b = A [1, 1, 2] = [2+1+2, 4−6+0, −2+7+4] = [5, −2, 9], so x = [1, 1, 2].
        expectClose(try strang.solve([5, -2, 9]), [1, 1, 2], absolute: 1e-14)
        // A⁻¹ = adj(A) / det A, cofactors by hand:
        //   adj = [[−12, 5, 6], [−8, 6, 4], [16, −16, −16]], divided by −16:
        let inverse: Matrix = [[0.75, -0.3125, -0.375], [0.5, -0.375, -0.25], [-1, 1, 1]]
        expectClose(try strang.inverse(), inverse, absolute: 1e-15)
        // Two right-hand sides at once: [5, −2, 9] → [1, 1, 2]; e₀ → column 0 of A⁻¹.
        let b: Matrix = [[5, 1], [-2, 0], [9, 0]]
        expectClose(try strang.solve(b), [[1, 0.75], [1, 0.5], [2, -1]], absolute: 1e-14)
    }

    @Test("A A⁻¹ = A⁻¹ A = I on seeded random matrices", arguments: [1, 2, 3, 5, 8, 13, 30])
    func inverseProperty(n: Int) throws {
        var generator = SeededGenerator(seed: UInt64(100 + n))
        let a = generator.normalMatrix(rows: n, columns: n)
        let inverse = try a.inverse()
        expectClose(a * inverse, .identity(n), absolute: 1e-10, relative: 0)
        expectClose(inverse * a, .identity(n), absolute: 1e-10, relative: 0)
        // A x = b solved directly agrees with the residual check ‖A x − b‖ ≈ 0.
        let b = (0..<n).map { _ in generator.normal() }
        let x = try a.solve(b)
        expectClose(a * x, b, absolute: 1e-10, relative: 0)
    }

    @Test("det(A B) = det A · det B, det Aᵀ = det A, det(cA) = cⁿ det A", arguments: [2, 3, 4, 6] as [Int])
    func determinantProperties(n: Int) {
        var generator = SeededGenerator(seed: UInt64(200 + n))
        let a = generator.normalMatrix(rows: n, columns: n)
        let b = generator.normalMatrix(rows: n, columns: n)
        expectClose((a * b).determinant, a.determinant * b.determinant, absolute: 1e-12, relative: 1e-10)
        expectClose(a.transposed.determinant, a.determinant, absolute: 1e-12, relative: 1e-10)
        expectClose((2 * a).determinant, Double(1 << n) * a.determinant, absolute: 1e-12, relative: 1e-10)
    }

    @Test("triangular and permutation determinants by hand")
    func specialDeterminants() {
        // Triangular: the product of the diagonal, 2 · 3 · (−1) = −6.
        expectClose(Matrix([[2, 5, 7], [0, 3, 1], [0, 0, -1]]).determinant, -6)
        // Swapping two rows of I flips the sign.
        #expect(Matrix([[0, 1], [1, 0]]).determinant == -1)
        #expect(Matrix.identity(4).determinant == 1)
        // The empty product: det of the 0x0 matrix is 1.
        #expect(Matrix(rows: 0, columns: 0).determinant == 1)
    }

    @Test("singular matrices are detected and named")
    func singular() {
        // [[1, 2], [2, 4]]: row 1 = 2 · row 0. Pivoting swaps to [[2, 4], [1, 2]];
        // l = 1/2; u₂₂ = 2 − (1/2)·4 = 0 exactly.
        let a: Matrix = [[1, 2], [2, 4]]
        #expect(a.luDecomposition.isSingular)
        #expect(a.determinant == 0)
        #expect(throws: LinearAlgebraError("solve", "matrix is singular (pivot 2 of 2 is 0)")) {
            try a.solve([1, 2])
        }
        #expect(throws: LinearAlgebraError("inverse", "matrix is singular (pivot 2 of 2 is 0)")) {
            try a.inverse()
        }
        // [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: row 2 = 2 · row 1 − row 0; rounding may
        // leave a pivot of about 1e-16 instead of 0, below the tolerance 3·ε·9.
        let b: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
        #expect(b.luDecomposition.isSingular)
        expectClose(b.determinant, 0, absolute: 1e-13)
        do {
            _ = try b.inverse()
            Issue.record("inverse of a singular matrix did not throw")
        } catch let error as LinearAlgebraError {
            #expect(error.description.hasPrefix("inverse: matrix is singular (pivot 3 of 3 is"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        // The zero matrix fails at the first pivot.
        #expect(throws: LinearAlgebraError("solve", "matrix is singular (pivot 1 of 2 is 0)")) {
            try Matrix(rows: 2, columns: 2).solve([1, 1])
        }
    }

    @Test("the singularity tolerance scales with the matrix")
    func scaleInvariance() throws {
        // 1e-20 · I is as regular as I: its inverse is 1e20 · I, its determinant 1e-40.
        let tiny = 1e-20 * Matrix.identity(2)
        #expect(!tiny.luDecomposition.isSingular)
        expectClose(try tiny.inverse(), 1e20 * Matrix.identity(2), absolute: 0, relative: 1e-15)
        expectClose(tiny.determinant, 1e-40, absolute: 0, relative: 1e-15)
        // A huge but singular matrix is still singular.
        #expect(Matrix([[1e30, 2e30], [2e30, 4e30]]).luDecomposition.isSingular)
    }
}
