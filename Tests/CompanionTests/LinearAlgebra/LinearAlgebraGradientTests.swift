import DLMath
import Testing

/// The differentiable linear-algebra operations, each with its known
/// gradient checked by `gradientCheck` (central differences).
@Suite("Gradients of linear-algebra operations")
struct LinearAlgebraGradientTests {
    @Test("∇‖x‖₂ = x / ‖x‖₂ and ∇‖x‖₁ = sign(x) away from 0")
    func vectorNorms() {
        let x: [Double] = [0.3, -1.2, 2.0, -0.7]
        let l2 = x.norm()
        #expect(gradientCheck(x.map { $0 / l2 }, of: { $0.norm(.l2) }, at: x, name: "‖x‖₂").passed)
        #expect(gradientCheck(x.map { $0 > 0 ? 1 : -1 }, of: { $0.norm(.l1) }, at: x, name: "‖x‖₁").passed)
        // ‖x‖∞ = |x₂| = 2 near x: the gradient is e₂ (sign +).
        #expect(gradientCheck([0, 0, 1, 0], of: { $0.norm(.max) }, at: x, name: "‖x‖∞").passed)
    }

    @Test("∇ ‖A‖_F = A / ‖A‖_F, ∇ tr A = I")
    func frobeniusAndTrace() {
        var generator = SeededGenerator(seed: 41)
        let a = generator.normalMatrix(rows: 3, columns: 3)
        #expect(gradientCheck(a / a.frobeniusNorm, of: { $0.frobeniusNorm }, at: a, name: "‖A‖_F").passed)
        #expect(gradientCheck(.identity(3), of: { $0.trace }, at: a, name: "tr A").passed)
    }

    @Test("Jacobi's formula: ∂ det A / ∂A = det(A) · A⁻ᵀ")
    func determinant() throws {
        var generator = SeededGenerator(seed: 42)
        let a = generator.normalMatrix(rows: 4, columns: 4)
        let analytic = a.determinant * (try a.inverse()).transposed
        let result = gradientCheck(analytic, of: { $0.determinant }, at: a, name: "det A")
        #expect(result.passed, "\(result)")
    }

    @Test("∂(A⁻¹)ᵢⱼ/∂A: the gradient of Σ G ⊙ A⁻¹ is −A⁻ᵀ G A⁻ᵀ")
    func inverse() throws {
        // d(A⁻¹) = −A⁻¹ dA A⁻¹, so d Σ G ⊙ A⁻¹ = −tr(Gᵀ A⁻¹ dA A⁻¹) and the gradient is −A⁻ᵀ G A⁻ᵀ.
        var generator = SeededGenerator(seed: 43)
        let a = generator.normalMatrix(rows: 3, columns: 3) + 3 * Matrix.identity(3)
        let g = generator.normalMatrix(rows: 3, columns: 3)
        let inverseTransposed = (try a.inverse()).transposed
        let analytic = -1 * (inverseTransposed * g * inverseTransposed)
        let loss: (Matrix) -> Double = { m in ((try? m.inverse()).map { (g .* $0).sum }) ?? .nan }
        let result = gradientCheck(analytic, of: loss, at: a, name: "A⁻¹")
        #expect(result.passed, "\(result)")
    }

    @Test("the solution of A x = b: ∇_b (cᵀx) = A⁻ᵀ c")
    func solve() throws {
        var generator = SeededGenerator(seed: 44)
        let a = generator.normalMatrix(rows: 3, columns: 3) + 3 * Matrix.identity(3)
        let b = (0..<3).map { _ in generator.normal() }
        let c = (0..<3).map { _ in generator.normal() }
        let analytic = try a.transposed.solve(c)
        let loss: ([Double]) -> Double = { b in ((try? a.solve(b)).map { c.dot($0) }) ?? .nan }
        #expect(gradientCheck(analytic, of: loss, at: b, name: "solve").passed)
    }

    @Test("a simple eigenvalue of a symmetric matrix: ∂λₖ/∂A = vₖ vₖᵀ")
    func eigenvalue() throws {
        var generator = SeededGenerator(seed: 45)
        let m = generator.normalMatrix(rows: 4, columns: 4)
        let a = m + m.transposed
        let eigen = try a.symmetricEigen()
        for k in 0..<4 {
            let v = eigen.eigenvectors.column(k)
            // Perturbations of single elements break symmetry, so differentiate
            // λₖ((A + Aᵀ)/2); its gradient is the symmetric part of vₖvₖᵀ, vₖvₖᵀ itself.
            let loss: (Matrix) -> Double = { m in
                ((try? ((m + m.transposed) / 2).symmetricEigen()).map { $0.eigenvalues[k] }) ?? .nan
            }
            let result = gradientCheck(Matrix.outer(v, v), of: loss, at: a, name: "λ\(k)")
            #expect(result.passed, "\(result)")
        }
    }
}
