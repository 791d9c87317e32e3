import DLMath
import Foundation
import Testing

@Suite("Newton's method")
struct NewtonMethodTests {
    @Test("on a quadratic, one pure Newton step lands on the minimiser, whatever κ")
    func oneStepOnAQuadratic() {
        let quadratic = QuadraticForm(matrix: [[1000, 3], [3, 1]], linear: [2, -1])
        for variant in NewtonMethod.Variant.allCases {
            let path = NewtonMethod(variant).path(
                minimizing: quadratic, from: [5, -7], maximumSteps: 10, tolerance: 1e-12)
            #expect(path.stepsToTolerance == 1, "\(variant)")
        }
        let bowl = DiagonalQuadratic(curvatures: [1, 1e6])
        let path = NewtonMethod(.pure).path(minimizing: bowl, from: [3, 4], maximumSteps: 5, tolerance: 1e-14)
        #expect(path.stepsToTolerance == 1)
    }

    @Test("a step by hand on f(x) = x⁴/4 − x: x₁ = x₀ − (x₀³ − 1)/(3 x₀²)")
    func stepByHand() {
        // From x₀ = 2: f' = 8 − 1 = 7, f'' = 3·4 = 12, x₁ = 2 − 7/12 = 17/12.
        struct Quartic: TwiceDifferentiable {
            var name: String { "x⁴/4 − x" }
            func value(at x: [Double]) -> Double { pow(x[0], 4) / 4 - x[0] }
            func gradient(at x: [Double]) -> [Double] { [pow(x[0], 3) - 1] }
            func hessian(at x: [Double]) -> Matrix { [[3 * x[0] * x[0]]] }
            var minimizer: [Double] { [1] }
        }
        let step = NewtonMethod(.pure).step(on: Quartic(), at: [2])
        expectClose(step ?? [], [-7.0 / 12], absolute: 1e-15)
    }

    @Test("on Rosenbrock from (−1.2, 1): damped Newton reaches 1e-10 in a few dozen steps, every step downhill")
    func dampedOnRosenbrock() {
        let path = NewtonMethod(.damped).path(
            minimizing: Rosenbrock(), from: [-1.2, 1], maximumSteps: 100, tolerance: 1e-10)
        let steps = path.stepsToTolerance ?? 1000
        #expect(steps < 40, "took \(steps)")
        #expect(zip(path.values, path.values.dropFirst()).allSatisfy { $1 <= $0 })
    }

    @Test("quadratic convergence: near the minimum e_{k+1} / e_k² stays bounded while e_k falls to 1e-10")
    func quadraticConvergence() {
        let path = NewtonMethod(.damped).path(
            minimizing: Rosenbrock(), from: [-1.2, 1], maximumSteps: 100, tolerance: 1e-13)
        let errors = path.points.map { zip($0, [1.0, 1.0]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }
        let last = errors.count - 1
        // the last three steps: each error is below C e² with C = 50 (the ratios e_{k+1}/e_k² are about 14, 2 and 18 here),
        // while a linearly converging method would have e_{k+1}/e_k² grow like 1/e_k.
        for k in (last - 3)..<last where errors[k] < 1e-2 {
            #expect(
                errors[k + 1] <= 50 * errors[k] * errors[k], "e\(k + 1) = \(errors[k + 1]) after e\(k) = \(errors[k])")
        }
    }

    @Test("at a saddle, pure Newton goes to the saddle; damped Newton goes downhill")
    func saddle() {
        // f = x² − y² + y⁴/4: minima at (0, ±√2), a saddle at (0, 0).
        struct Saddle: TwiceDifferentiable {
            var name: String { "x² − y² + y⁴/4" }
            func value(at p: [Double]) -> Double { p[0] * p[0] - p[1] * p[1] + pow(p[1], 4) / 4 }
            func gradient(at p: [Double]) -> [Double] { [2 * p[0], -2 * p[1] + pow(p[1], 3)] }
            func hessian(at p: [Double]) -> Matrix { [[2, 0], [0, -2 + 3 * p[1] * p[1]]] }
            var minimizer: [Double] { [0, 2.0.squareRoot()] }
        }
        let pure = NewtonMethod(.pure).path(minimizing: Saddle(), from: [0.5, 0.2], maximumSteps: 30, tolerance: 1e-10)
        #expect(pure.stepsToTolerance == nil)
        expectClose(pure.finalPoint, [0, 0], absolute: 1e-10)
        let damped = NewtonMethod(.damped).path(
            minimizing: Saddle(), from: [0.5, 0.2], maximumSteps: 60, tolerance: 1e-10)
        #expect(damped.stepsToTolerance != nil)
    }
}
