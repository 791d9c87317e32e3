import DLMath
import Foundation
import Testing

@Suite("Gradient descent")
struct GradientDescentTests {
    /// Runs SGD on f = ½ Σ aᵢ xᵢ² and returns the iterates.
    func run(_ f: DiagonalQuadratic, from start: [Double], learningRate: Double, steps: Int) -> [[Double]] {
        var optimizer = SGD(learningRate: learningRate)
        var parameters = [Matrix(row: start)]
        var points = [start]
        for _ in 0..<steps {
            optimizer.step(&parameters, gradients: [Matrix(row: f.gradient(at: parameters[0].elements))])
            points.append(parameters[0].elements)
        }
        return points
    }

    @Test("on ½ a x², x_k = (1 − lr a)^k x₀; converges iff 0 < lr < 2/a")
    func convergenceBound() {
        let f = DiagonalQuadratic(curvatures: [4])
        // 2/a = 0.5.
        expectClose(f.stabilityBound, 0.5)
        // lr = 0.1: factor 0.6, x₃ = 0.216 x₀.
        expectClose(run(f, from: [2], learningRate: 0.1, steps: 3)[3][0], 0.432, absolute: 1e-15)
        // lr = 0.4 (between 1/a and 2/a): factor −0.6, oscillating convergence, x₃ = −0.216 x₀.
        let oscillating = run(f, from: [2], learningRate: 0.4, steps: 40)
        expectClose(oscillating[3][0], -0.432, absolute: 1e-15)
        #expect(abs(oscillating[40][0]) < 1e-8)  // 2 · 0.6⁴⁰ ≈ 2.7e-9
        // lr = 0.5 (at the bound): factor −1, |x| never changes.
        let atBound = run(f, from: [2], learningRate: 0.5, steps: 41)
        #expect(atBound[40][0] == 2 && atBound[41][0] == -2)  // 2 − 0.5·4·2 = −2 is exact in binary
        // lr = 0.6 (above): factor −1.4, |x₄₀| = 2 · 1.4⁴⁰ ≈ 1.4e6.
        let diverging = run(f, from: [2], learningRate: 0.6, steps: 40)
        expectClose(abs(diverging[40][0]), 2 * pow(1.4, 40), relative: 1e-12)
        // The closed form of the library agrees with the run.
        for lr in [0.1, 0.4, 0.5, 0.6] {
            let points = run(f, from: [2], learningRate: lr, steps: 25)
            expectClose(points[25], f.gradientDescentIterate(from: [2], learningRate: lr, steps: 25), relative: 1e-12)
        }
    }

    @Test("steps to a tolerance on a 1-D bowl: 0.5^k ≤ 1e-3 first at k = 10")
    func stepsToTolerance() {
        // a = 1, lr = 0.5: x_k = 0.5^k; 0.5⁹ = 0.00195 > 1e-3 ≥ 0.5¹⁰ = 0.000977.
        let path = OptimizationPath(
            minimizing: DiagonalQuadratic(curvatures: [1]), from: [1],
            with: SGD(learningRate: 0.5), maximumSteps: 100, tolerance: 1e-3)
        #expect(path.stepsToTolerance == 10)
        #expect(path.points.count == 11)
        let diverging = OptimizationPath(
            minimizing: DiagonalQuadratic(curvatures: [1]), from: [1],
            with: SGD(learningRate: 3), maximumSteps: 1000, tolerance: 1e-3)
        // |1 − 3| = 2 per step: ‖x‖² passes 1e12 when 4^k > 1e12, at k = 20.
        #expect(diverging.diverged && diverging.stepsToTolerance == nil && diverging.stepCount == 20)
    }

    @Test("linear regression: the gradient (2/n) Xᵀ(Xw − y) passes a gradient check")
    func linearRegressionGradient() {
        let problem = LinearRegressionProblem(
            exampleCount: 20, trueWeights: [0.5, -1, 2], noiseStandardDeviation: 0.1, seed: 3)
        let model = LinearRegression(weights: [[0.3], [0.2], [-0.7]])
        let check = gradientCheck(
            model.gradient(features: problem.features, targets: problem.targets),
            of: { LinearRegression(weights: $0).loss(features: problem.features, targets: problem.targets) },
            at: model.weights, name: "LinearRegression.weights")
        #expect(check.passed, "\(check)")
    }

    @Test("the normal equations by hand: points on y = 1 + 2x give w = (1, 2)")
    func normalEquationsByHand() throws {
        let x = LinearRegression.withIntercept([[0], [1], [2]])
        // XᵀX = [[3, 3], [3, 5]], Xᵀy = [9, 13]; det 6; w₀ = (45 − 39)/6 = 1, w₁ = (39 − 27)/6 = 2.
        let w = try #require(normalEquationsSolution(features: x, targets: [[1], [3], [5]]))
        expectClose(w, [[1], [2]], absolute: 1e-14)
        // Collinear features have no unique solution.
        #expect(normalEquationsSolution(features: [[1, 2], [2, 4], [3, 6]], targets: [[1], [2], [3]]) == nil)
    }

    @Test("at the normal-equations solution the gradient is zero (3 weights, noisy data)")
    func normalEquationsZeroGradient() throws {
        let problem = LinearRegressionProblem(
            exampleCount: 50, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.3, seed: 11)
        let w = try #require(normalEquationsSolution(features: problem.features, targets: problem.targets))
        let gradient = LinearRegression(weights: w).gradient(features: problem.features, targets: problem.targets)
        expectClose(gradient.elements, [0, 0, 0], absolute: 1e-12)
    }

    @Test("batch and mini-batch gradient descent reach the normal-equations solution")
    func gradientDescentReachesSolution() throws {
        let problem = LinearRegressionProblem(
            exampleCount: 64, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.3, seed: 5)
        let exact = try #require(normalEquationsSolution(features: problem.features, targets: problem.targets))
        let start = LinearRegression(featureCount: 3)
        let batch = GradientDescent(variant: .batch, epochs: 400, seed: 1)
            .fit(start, features: problem.features, targets: problem.targets, learningRate: 0.5)
        expectClose(batch.model.weights, exact, absolute: 1e-9)
        #expect(batch.updatesPerEpoch == 1)

        // With noise, constant-rate mini-batch descent hovers near the solution (its
        // batch gradients are not zero there); a decaying rate lets it settle.
        let hovering = GradientDescent(variant: .miniBatch(size: 10), epochs: 300, seed: 1)
            .fit(start, features: problem.features, targets: problem.targets, learningRate: 0.05)
        let miniBatch = GradientDescent(variant: .miniBatch(size: 10), epochs: 300, seed: 1)
            .fit(
                start, features: problem.features, targets: problem.targets,
                schedule: .exponential(initial: 0.1, decayRate: 0.5, decaySteps: 30))
        // Decaying-rate SGD converges only like 1/t: a few 1e-3 after 300 epochs (seeded run: 1.8e-3),
        // against a steady error near 1.3e-2 at a constant rate.
        expectClose(miniBatch.model.weights, exact, absolute: 3e-3)
        let hoverError = zip(hovering.model.weights.elements, exact.elements).map { abs($0 - $1) }.max()!
        #expect(hoverError > 6e-3, "constant-rate mini-batch descent should not settle: \(hoverError)")
        #expect(miniBatch.updatesPerEpoch == 7 && miniBatch.lastBatchSize == 4)  // 64 = 6·10 + 4

        // Without noise every batch gradient vanishes at the solution: mini-batch
        // (and stochastic) descent converge to it exactly.
        let clean = LinearRegressionProblem(
            exampleCount: 64, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0, seed: 5)
        for variant in [GradientDescentVariant.miniBatch(size: 10), .stochastic] {
            let run = GradientDescent(variant: variant, epochs: 300, seed: 2)
                .fit(start, features: clean.features, targets: clean.targets, learningRate: 0.05)
            expectClose(run.model.weights, [[1], [0.5], [-2]], absolute: 1e-9)
        }
    }

    @Test("the loss curve of stochastic descent is noisier than that of batch descent")
    func lossCurveNoise() {
        let problem = LinearRegressionProblem(
            exampleCount: 100, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.5, seed: 9)
        let start = LinearRegression(featureCount: 3)
        let batch = GradientDescent(variant: .batch, epochs: 60, seed: 1)
            .fit(start, features: problem.features, targets: problem.targets, learningRate: 0.1)
        let stochastic = GradientDescent(variant: .stochastic, epochs: 60, seed: 1)
            .fit(start, features: problem.features, targets: problem.targets, learningRate: 0.1)
        #expect(
            stochastic.lossChangeStandardDeviation(overLast: 30) > 10 * batch.lossChangeStandardDeviation(overLast: 30))
        #expect(batch.losses.count == 61 && stochastic.weightPath.count == 1 + 60 * 100)
        // Batch descent with lr below 2/L never increases the loss.
        #expect(zip(batch.losses.dropFirst(), batch.losses).allSatisfy { $0 <= $1 })
    }
}
