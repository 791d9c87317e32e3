import DLMath
import Foundation
import Testing

@Suite("Jacobian and Hessian")
struct JacobianHessianTests {
    @Test("Jacobian of polar coordinates (r, θ) ↦ (r cos θ, r sin θ)")
    func polar() {
        // J = [[cos θ, −r sin θ], [sin θ, r cos θ]], det J = r.
        let (r, theta) = (2.0, 0.6)
        let f: ([Double]) -> [Double] = { [$0[0] * cos($0[1]), $0[0] * sin($0[1])] }
        let jacobian = numericalJacobian(of: f, at: [r, theta])
        let byHand: Matrix = [[cos(theta), -r * sin(theta)], [sin(theta), r * cos(theta)]]
        expectClose(jacobian, byHand, absolute: 1e-9, relative: 0)
        expectClose(jacobian.determinant, r, absolute: 1e-9, relative: 0)
    }

    @Test("Jacobian of a linear map x ↦ A x is A; of a non-square map m x n")
    func linearAndShape() {
        let a: Matrix = [[1, 2, 3], [4, 5, 6]]
        let jacobian = numericalJacobian(of: { a * $0 }, at: [0.3, -1, 2])
        // Central differences are exact for linear functions up to rounding (~ε/h ≈ 1e-11).
        expectClose(jacobian, a, absolute: 1e-9, relative: 0)
        #expect(jacobian.shapeDescription == "2x3")
        // f(x, y, z) = [x y z]: J = [y z, x z, x y] as a 1x3 row; at (1, 2, 3): [6, 3, 2].
        let product = numericalJacobian(of: { [$0[0] * $0[1] * $0[2]] }, at: [1, 2, 3])
        expectClose(product, [[6, 3, 2]], absolute: 1e-9, relative: 0)
    }

    @Test("Hessian of xᵀ A x is A + Aᵀ")
    func quadraticForm() {
        let a: Matrix = [[1, 2], [0, 3]]
        // xᵀ A x = x₀² + 2 x₀ x₁ + 3 x₁²: H = [[2, 2], [2, 6]] = A + Aᵀ.
        let hessian = numericalHessian(of: { x in x.dot(a * x) }, at: [0.5, -1])
        expectClose(hessian, [[2, 2], [2, 6]], absolute: 1e-6, relative: 0)
        expectClose(hessian, a + a.transposed, absolute: 1e-6, relative: 0)
    }

    @Test("Hessian of Rosenbrock f = (1 − x)² + 100 (y − x²)² at (1, 1)")
    func rosenbrock() {
        // f_xx = 2 − 400 (y − x²) + 800 x² = 802, f_xy = −400 x = −400, f_yy = 200.
        let f: ([Double]) -> Double = {
            (1 - $0[0]) * (1 - $0[0]) + 100 * ($0[1] - $0[0] * $0[0]) * ($0[1] - $0[0] * $0[0])
        }
        let hessian = numericalHessian(of: f, at: [1, 1])
        expectClose(hessian, [[802, -400], [-400, 200]], absolute: 1e-4, relative: 1e-6)
        // The gradient vanishes at the minimum (1, 1); the central difference is off by
        // its truncation term (h²/6) f_xxx = (1e-10/6) · 2400 x = 4e-8.
        expectClose(numericalGradient(of: f, at: [1, 1]), [0, 0], absolute: 1e-7, relative: 0)
    }
}
