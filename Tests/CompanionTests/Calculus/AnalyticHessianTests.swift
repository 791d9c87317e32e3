import DLMath
import Foundation
import Testing

@Suite("Analytic Hessians against central differences")
struct AnalyticHessianTests {
    @Test("Rosenbrock at the minimum by hand: [[802, −400], [−400, 200]]")
    func rosenbrockAtMinimum() {
        // at (1, 1), b = 100: 2 − 4·100·(1 − 1) + 8·100·1 = 802, −4·100·1 = −400, 2·100 = 200.
        expectClose(Rosenbrock().hessian(at: [1, 1]), [[802, -400], [-400, 200]], absolute: 0)
    }

    @Test("Rosenbrock, the quadratic forms, the two losses: analytic = numerical to about 1e-6")
    func againstNumerical() {
        let rosenbrock = Rosenbrock()
        for point in [[-1.2, 1.0], [0.5, 0.3], [2, -1]] {
            expectClose(
                rosenbrock.hessian(at: point), numericalHessian(of: rosenbrock.value(at:), at: point),
                absolute: 1e-4, relative: 1e-6)
        }
        let quadratic = QuadraticForm(matrix: [[4, 1, 0], [1, 3, -1], [0, -1, 2]], linear: [1, -2, 0.5])
        expectClose(
            quadratic.hessian(at: [0.3, 0.1, -2]), numericalHessian(of: quadratic.value(at:), at: [0.3, 0.1, -2]),
            absolute: 1e-6)
        let bowl = DiagonalQuadratic(curvatures: [1, 25])
        expectClose(bowl.hessian(at: [1, 2]), numericalHessian(of: bowl.value(at:), at: [1, 2]), absolute: 1e-6)

        let x = Matrix([[1, 0.5, -1], [1, -0.2, 0.3], [1, 1.5, 0.7], [1, -1, -0.4], [1, 0.1, 2]])
        let y = [1.0, 0, 1, 0, 1]
        func mse(_ w: [Double]) -> Double {
            zip(x * w, y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 5
        }
        expectClose(
            meanSquaredErrorHessian(features: x), numericalHessian(of: mse, at: [0.1, -0.3, 0.2]), absolute: 1e-6)
        func logistic(_ w: [Double]) -> Double {
            let p = (x * w).map { 1 / (1 + exp(-$0)) }
            return -zip(p, y).map { $1 * log($0) + (1 - $1) * log(1 - $0) }.reduce(0, +) / 5
        }
        let w = [0.2, -0.5, 0.8]
        expectClose(logisticLossHessian(features: x, weights: w), numericalHessian(of: logistic, at: w), absolute: 1e-6)
    }

    @Test(
        "the quadratic form's gradient is A x − b (against central differences) and its critical point solves A x = b")
    func quadraticForm() {
        let quadratic = QuadraticForm(matrix: [[2, 1], [1, 3]], linear: [1, 2])
        let point = [0.4, -0.7]
        expectClose(
            quadratic.gradient(at: point), numericalGradient(of: quadratic.value(at:), at: point), absolute: 1e-9)
        // [[2, 1], [1, 3]] x = [1, 2]: det 5, x = [(3 − 2)/5, (4 − 1)/5] = [0.2, 0.6].
        expectClose(quadratic.minimizer, [0.2, 0.6], absolute: 1e-15)
    }
}
