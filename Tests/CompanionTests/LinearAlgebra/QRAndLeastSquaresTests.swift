import DLMath
import Foundation
import Testing

@Suite("Householder QR, least squares, induced norms, conditioning")
struct QRAndLeastSquaresTests {
    @Test("QR of [[3, 1], [4, 2]] by hand")
    func qrByHand() {
        // Gram–Schmidt by hand: q₁ = [3, 4]/5, r₁₁ = 5; r₁₂ = q₁ · [1, 2] = 11/5;
        // [1, 2] − (11/5) q₁ = [−8/25, 6/25], length 2/5 = r₂₂, q₂ = [−4/5, 3/5].
        let qr = Matrix([[3, 1], [4, 2]]).qrDecomposition
        expectClose(qr.q, [[0.6, -0.8], [0.8, 0.6]], absolute: 1e-15)
        expectClose(qr.r, [[5, 2.2], [0, 0.4]], absolute: 1e-14)
    }

    @Test("QR of random tall and wide matrices: QᵀQ = I, R upper triangular with diagonal ≥ 0, QR = A")
    func qrRandom() {
        var generator = SeededGenerator(seed: 5)
        for (m, n) in [(7, 4), (4, 7), (5, 5)] {
            let a = Matrix(rows: m, columns: n, elements: (0..<(m * n)).map { _ in generator.normal() })
            let qr = a.qrDecomposition
            let k = min(m, n)
            expectClose(qr.q.transposed * qr.q, .identity(k), absolute: 1e-14)
            expectClose(qr.reconstructed, a, absolute: 1e-14)
            for i in 0..<k {
                #expect(qr.r[i, i] >= 0)
                for j in 0..<i { #expect(qr.r[i, j] == 0) }
            }
        }
    }

    @Test("the line through (0, 1), (1, 3), (2, 4) by hand, by all three methods")
    func leastSquaresLine() throws {
        // AᵀA = [[3, 3], [3, 5]], Aᵀb = [8, 11], det = 6:
        // c₀ = (5·8 − 3·11)/6 = 7/6,  c₁ = (3·11 − 3·8)/6 = 3/2.
        let a = Matrix([[1, 0], [1, 1], [1, 2]])
        for method in LeastSquaresMethod.allCases {
            expectClose(try a.leastSquares([1, 3, 4], method: method), [7.0 / 6, 1.5], absolute: 1e-14, "\(method)")
        }
    }

    @Test("the normal equations square κ: at κ = 1e6 their error is κ times QR's")
    func normalEquationsSquareKappa() throws {
        var generator = SeededGenerator(seed: 11)
        let u = Matrix.randomOrthogonal(8, using: &generator)
        let v = Matrix.randomOrthogonal(2, using: &generator)
        let tallU = Matrix(rows: 8, columns: 2) { i, j in u[i, j] }
        let a = tallU * Matrix.diagonal([1, 1e-6]) * v.transposed
        let x = [1.0, 1.0]
        let b = a * x
        func error(_ method: LeastSquaresMethod) throws -> Double {
            let solved = try a.leastSquares(b, method: method)
            return zip(solved, x).map { abs($0 - $1) }.max()!
        }
        let qr = try error(.qr), svd = try error(.svd), normal = try error(.normalEquations)
        // κ ε ≈ 2e-10 for QR and the SVD; κ² ε ≈ 2e-4 for the normal equations.
        #expect(qr < 1e-8 && svd < 1e-8, "QR \(qr), SVD \(svd)")
        #expect(normal > 1e-7, "normal equations \(normal)")
        #expect(normal > 1000 * qr)
    }

    @Test("least squares refuses dependent columns by QR and the wrong shapes with one line")
    func leastSquaresErrors() {
        let dependent = Matrix([[1, 2], [2, 4], [3, 6]])
        #expect(throws: LinearAlgebraError.self) { try dependent.leastSquares([1, 2, 3], method: .qr) }
        // The SVD gives the minimum-norm solution instead: A⁺ b = [1, 2]ᵀ (14/70) = [0.2, 0.4].
        expectClose((try? dependent.leastSquares([1, 2, 3], method: .svd)) ?? [], [0.2, 0.4], absolute: 1e-14)
    }

    @Test("induced norms of [[1, −2], [3, 4]] by hand, beside the entry-wise ones")
    func inducedNorms() {
        // column sums |1| + |3| = 4, |−2| + |4| = 6 → ‖A‖₁ = 6; row sums 3, 7 → ‖A‖∞ = 7;
        // AᵀA = [[10, 10], [10, 20]], λ = 15 ± √125 → ‖A‖₂ = √(15 + 5√5).
        // Entry-wise: Σ|aᵢⱼ| = 10, Frobenius √30.
        let a = Matrix([[1, -2], [3, 4]])
        #expect(a.inducedNorm(.maxColumnSum) == 6)
        #expect(a.inducedNorm(.maxRowSum) == 7)
        expectClose(a.spectralNorm, (15 + 5 * 5.0.squareRoot()).squareRoot(), absolute: 1e-14)
        #expect(a.norm(.l1) == 10)
        expectClose(a.frobeniusNorm, 30.0.squareRoot(), absolute: 1e-14)
        #expect(a.spectralNorm <= a.frobeniusNorm)
        #expect(Matrix(rows: 0, columns: 0).inducedNorm(.maxColumnSum) == 0)
    }

    @Test("induced norms bound the stretch: ‖A x‖ ≤ ‖A‖ ‖x‖, with equality at the maximising x")
    func inducedNormsAreTight() {
        let a = Matrix([[1, -2], [3, 4]])
        // ‖·‖₁: the maximising x is e₂ (column 2 has the largest sum 6): A e₂ = [−2, 4], ‖·‖₁ = 6.
        #expect((a * [0, 1]).norm(.l1) == 6)
        // ‖·‖∞: x = sign(row 2) = [1, 1]: A x = [−1, 7], ‖·‖∞ = 7.
        #expect((a * [1, 1]).norm(.max) == 7)
        let v1 = a.svd.v.column(0)
        expectClose((a * v1).norm(), a.spectralNorm, absolute: 1e-14)
    }

    @Test("solving with κ = 10^k loses about k digits")
    func lostDigits() {
        for k in [2.0, 6.0, 10.0] {
            let experiment = ConditioningExperiment(size: 6, conditionExponent: k, seed: 1)
            expectClose(log10(experiment.conditionNumber), k, absolute: 1e-6)
            #expect(
                experiment.lostDigits < k + 1.5 && experiment.lostDigits > k - 3,
                "κ = 1e\(k): lost \(experiment.lostDigits)")
        }
    }
}
