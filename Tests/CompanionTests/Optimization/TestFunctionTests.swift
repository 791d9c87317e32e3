import DLMath
import Testing

@Suite("Test functions for optimizers")
struct TestFunctionTests {
    @Test("the diagonal quadratic: value, gradient check, condition number")
    func quadratic() {
        let f = DiagonalQuadratic(curvatures: [1, 25])
        // ½ (1·4 + 25·1) = 14.5.
        expectClose(f.value(at: [2, -1]), 14.5)
        let check = gradientCheck(f.gradient(at: [2, -1]), of: f.value(at:), at: [2, -1], name: "quadratic")
        #expect(check.passed, "\(check)")
        #expect(f.conditionNumber == 25)  // 25/1, exact
        expectClose(f.stabilityBound, 0.08)
    }

    @Test("Rosenbrock: gradient check at several points, zero gradient at (1, 1)")
    func rosenbrock() {
        let f = Rosenbrock()
        for point in [[-1.2, 1.0], [0.3, -0.4], [2, 3.5]] {
            let check = gradientCheck(
                f.gradient(at: point), of: f.value(at:), at: point, name: "Rosenbrock", tolerance: 1e-6)
            #expect(check.passed, "\(check)")
        }
        // At (−1.2, 1): (1 + 1.2)² + 100 (1 − 1.44)² = 4.84 + 19.36 = 24.2.
        expectClose(f.value(at: [-1.2, 1]), 24.2, absolute: 1e-12)
        #expect(f.value(at: [1, 1]) == 0 && f.gradient(at: [1, 1]) == [0, 0])  // exact arithmetic on 0 and 1
        #expect(f.minimizer == [1, 1])
    }

    @Test("Adam and momentum find the minimum of the ill-conditioned bowl")
    func optimizersConverge() {
        let f = DiagonalQuadratic.illConditioned
        let adam = OptimizationPath(
            minimizing: f, from: [-4, 1.5], with: Adam(learningRate: 0.1),
            maximumSteps: 5000, tolerance: 1e-4)
        let momentum = OptimizationPath(
            minimizing: f, from: [-4, 1.5], with: Momentum(learningRate: 0.04, momentum: 0.5),
            maximumSteps: 5000, tolerance: 1e-4)
        #expect(adam.stepsToTolerance != nil && momentum.stepsToTolerance != nil)
    }
}
