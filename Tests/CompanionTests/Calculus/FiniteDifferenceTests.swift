import DLMath
import Foundation
import Testing

/// Finite differences against derivatives known in closed form.
@Suite("Finite differences")
struct FiniteDifferenceTests {
    @Test("forward and central differences of sin at 0.7 approach cos 0.7")
    func sine() {
        // d/dx sin x = cos x. Forward error ≈ (h/2)|f''| + 2ε/h ≈ 1e-8 at h = 1e-8;
        // central error ≈ (h²/6)|f'''| + ε/h ≈ 4e-11 at h = 1e-5.
        expectClose(forwardDifference(of: sin, at: 0.7), cos(0.7), absolute: 3e-8, relative: 0)
        expectClose(centralDifference(of: sin, at: 0.7), cos(0.7), absolute: 1e-9, relative: 0)
        // f'' = −sin: second difference error ≈ (h²/12)|f''''| + 4ε/h² ≈ 1e-8.
        expectClose(secondDifference(of: sin, at: 0.7), -sin(0.7), absolute: 1e-6, relative: 0)
    }

    @Test("the truncation errors have the predicted leading terms")
    func truncationOrder() {
        // f = exp at 0 (every derivative is 1), h = 1e-3:
        //   forward:  (eʰ − 1)/h − 1 = h/2 + h²/6 + h³/24 + …  ≈ 5.0017e-4
        //   central:  (eʰ − e⁻ʰ)/(2h) − 1 = sinh(h)/h − 1 = h²/6 + h⁴/120 + … ≈ 1.6667e-7
        //   second:   (eʰ − 2 + e⁻ʰ)/h² − 1 = h²/12 + …        ≈ 8.3e-8
        let h = 1e-3
        expectClose(
            forwardDifference(of: exp, at: 0, step: h) - 1, h / 2 + h * h / 6 + h * h * h / 24, absolute: 1e-12,
            relative: 0)
        expectClose(centralDifference(of: exp, at: 0, step: h) - 1, h * h / 6, absolute: 1e-11, relative: 0)
        expectClose(secondDifference(of: exp, at: 0, step: h) - 1, h * h / 12, absolute: 1e-9, relative: 0)
        // Halving h halves the forward error and quarters the central error.
        let forwardRatio =
            (forwardDifference(of: exp, at: 0, step: h) - 1) / (forwardDifference(of: exp, at: 0, step: h / 2) - 1)
        let centralRatio =
            (centralDifference(of: exp, at: 0, step: h) - 1) / (centralDifference(of: exp, at: 0, step: h / 2) - 1)
        expectClose(forwardRatio, 2, absolute: 1e-3, relative: 0)
        expectClose(centralRatio, 4, absolute: 1e-3, relative: 0)
    }

    @Test("differences are exact (up to rounding) where the truncation term vanishes")
    func polynomials() {
        // A straight line: f'' = 0, so the forward difference of 3x + 1 is 3 up to rounding.
        expectClose(forwardDifference(of: { 3 * $0 + 1 }, at: 2, step: 1e-3), 3, absolute: 1e-11, relative: 0)
        // A parabola: f''' = 0, so the central difference of x² is 2x up to rounding.
        expectClose(centralDifference(of: { $0 * $0 }, at: 1.5, step: 1e-2), 3, absolute: 1e-12, relative: 0)
    }

    @Test("the step-size study finds the best steps near √ε and ε^(1/3)")
    func stepSizeStudy() {
        let study = StepSizeStudy(of: sin, derivative: cos(1), at: 1)
        #expect(study.rows.map(\.step) == StepSizeStudy.decades)
        #expect(study.rows.count == 12)
        // Truncation dominates at h = 0.1: forward ≈ (h/2) sin 1 ≈ 0.042, central ≈ (h²/6) cos 1 ≈ 9e-4.
        expectClose(study.rows[0].forwardError, 0.1 / 2 * sin(1), absolute: 0, relative: 0.1)
        expectClose(study.rows[0].centralError, 0.01 / 6 * cos(1), absolute: 0, relative: 0.01)
        // The best steps are within a factor 10 (one decade) of the optima.
        #expect(abs(log10(study.bestForward.step) - log10(StepSizeStudy.forwardOptimum)) <= 1)
        #expect(abs(log10(study.bestCentral.step) - log10(StepSizeStudy.centralOptimum)) <= 1)
        // And central beats forward at its best: ε^(2/3) ≪ √ε.
        #expect(study.bestCentral.centralError < study.bestForward.forwardError / 100)
        // Rounding dominates at h = 1e-12: the error is far above the best one.
        #expect(study.rows[11].centralError > 100 * study.bestCentral.centralError)
        expectClose(StepSizeStudy.forwardOptimum, 1.4901161193847656e-8, absolute: 0, relative: 1e-15)
        expectClose(StepSizeStudy.centralOptimum, 6.0554544523933395e-6, absolute: 0, relative: 1e-12)
    }

    @Test("the numerical gradient of f(x, y) = x² y + sin(x y)")
    func gradient() {
        // ∂f/∂x = 2xy + y cos(xy), ∂f/∂y = x² + x cos(xy); at (1, 2): [4 + 2 cos 2, 1 + cos 2].
        let f: ([Double]) -> Double = { $0[0] * $0[0] * $0[1] + sin($0[0] * $0[1]) }
        expectClose(numericalGradient(of: f, at: [1, 2]), [4 + 2 * cos(2.0), 1 + cos(2.0)], absolute: 1e-9, relative: 0)
    }

    @Test("the numerical gradient with respect to a matrix: ∂/∂W Σ (x W)ⱼ = xᵀ 1ᵀ")
    func matrixGradient() {
        // f(W) = Σⱼ (x W)ⱼ = Σᵢⱼ xᵢ Wᵢⱼ, so ∂f/∂Wᵢⱼ = xᵢ: every column of the gradient is x.
        let x = Matrix(row: [1, -2, 3])
        let w = Matrix(rows: 3, columns: 2, repeating: 0.5)
        let gradient = numericalGradient(of: { (x * $0).sum }, at: w)
        expectClose(gradient, [[1, 1], [-2, -2], [3, 3]], absolute: 1e-9, relative: 0)
    }
}
