import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 9: gradient descent.
    static var chapter09: [Formula] {
        [
            Formula(
                "9.1", "gradient descent on a x²/2: x_k = (1 − lr a)^k x₀  (a = 4, lr = 0.1, x₀ = 2, k = 12)",
                method: "12 SGD steps against the closed form", tolerance: .tight,
                scalar: {
                    let path = OptimizationPath(
                        minimizing: DiagonalQuadratic(curvatures: [4]), from: [2],
                        with: SGD(learningRate: 0.1), maximumSteps: 12, tolerance: nil)
                    return (path.points[12][0], pow(0.6, 12) * 2)
                }),
            Formula(
                "9.2", "stable iff lr < 2/L: the bound for a = (1, 25) is 2/25",
                method: "bisection on lr: does a 400-step run from (1, 1) stay bounded?",
                tolerance: Tolerance(absolute: 1e-6, relative: 0),
                scalar: {
                    let f = DiagonalQuadratic(curvatures: [1, 25])
                    var low = 0.01, high = 1.0
                    for _ in 0..<30 {
                        let mid = (low + high) / 2
                        let path = OptimizationPath(
                            minimizing: f, from: [1, 1], with: SGD(learningRate: mid), maximumSteps: 3000,
                            tolerance: nil)
                        let last = path.finalPoint.map(abs).max()!
                        if path.diverged || last > 1 { high = mid } else { low = mid }
                    }
                    return (f.stabilityBound, (low + high) / 2)
                }),
            Formula(
                "9.3", "∇L(w) = (2/n) Xᵀ(Xw − y) for linear regression with MSE",
                method: "central differences of L at w = (0.3, −0.2, 0.1)", tolerance: .numerical,
                evaluate: {
                    let problem = LinearRegressionProblem(
                        exampleCount: 30, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.3, seed: 9)
                    let w = Matrix(column: [0.3, -0.2, 0.1])
                    let analytic = LinearRegression(weights: w).gradient(
                        features: problem.features, targets: problem.targets)
                    let numerical = numericalGradient(
                        of: {
                            LinearRegression(weights: $0).loss(features: problem.features, targets: problem.targets)
                        }, at: w)
                    return (analytic.elements, numerical.elements)
                }),
            Formula(
                "9.4", "the normal equations XᵀX w = Xᵀy: points on y = 1 + 2x give w = (1, 2)",
                method: "Cramer's rule against the line the points were drawn from", tolerance: .tight,
                evaluate: {
                    let x = LinearRegression.withIntercept([[0], [1], [2], [3]])
                    let w = normalEquationsSolution(features: x, targets: [[1], [3], [5], [7]])!
                    return (w.elements, [1, 2])
                }),
            Formula(
                "9.5", "batch gradient descent reaches the normal-equations solution (n = 50, 3 weights)",
                method: "normal equations by Cramer's rule", tolerance: Tolerance(absolute: 1e-9, relative: 0),
                evaluate: {
                    let problem = LinearRegressionProblem(
                        exampleCount: 50, trueWeights: [1, 0.5, -2], noiseStandardDeviation: 0.3, seed: 4)
                    let run = GradientDescent(variant: .batch, epochs: 500, seed: 1)
                        .fit(
                            LinearRegression(featureCount: 3), features: problem.features, targets: problem.targets,
                            learningRate: 0.5)
                    return (
                        run.model.weights.elements,
                        normalEquationsSolution(features: problem.features, targets: problem.targets)!.elements
                    )
                }),
            Formula(
                "9.6", "mini-batches per epoch: ⌈n/B⌉, last batch n − (⌈n/B⌉ − 1) B  (n = 200, B = 32)",
                method: "count the batches MiniBatches produces", tolerance: .tight,
                evaluate: {
                    let sizes = MiniBatches(exampleCount: 200, batchSize: 32, seed: 1).indices(epoch: 0).map {
                        Double($0.count)
                    }
                    return ([7, 8], [Double(sizes.count), sizes.last!])
                }),
            Formula(
                "9.7", "gradient descent on ½ xᵀAx − bᵀx is stable iff lr < 2/λ_max(A)  (A = R diag(1, 50) Rᵀ)",
                method: "bisection on lr: does ‖x₃₀₀₀ − x*‖ shrink from a seeded start?",
                tolerance: Tolerance(absolute: 0, relative: 1e-3),
                scalar: {
                    let angle = 0.5
                    let r: Matrix = [[cos(angle), -sin(angle)], [sin(angle), cos(angle)]]
                    let m = r * Matrix.diagonal([1, 50]) * r.transposed
                    let f = QuadraticForm(matrix: (m + m.transposed) / 2, linear: [1, -1])
                    let lambdaMax = (try? f.matrix.symmetricEigen().eigenvalues.last) ?? .nan
                    var (low, high) = (0.001, 1.0)
                    for _ in 0..<25 {
                        let lr = (low + high) / 2
                        let path = OptimizationPath(
                            minimizing: f, from: [2, 3], with: SGD(learningRate: lr), maximumSteps: 3000, tolerance: nil
                        )
                        let start = zip(path.points[0], f.minimizer).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                        let end = zip(path.finalPoint, f.minimizer).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                        if !path.diverged && end < start { low = lr } else { high = lr }
                    }
                    return (2 / lambdaMax, (low + high) / 2)
                }),
            Formula(
                "9.8",
                "at lr = 2/(λ_min + λ_max) the steps to shrink e by 1e-6 are ⌈ln 1e-6 / ln((κ − 1)/(κ + 1))⌉  (κ = 100)",
                method: "count the steps of the run on ½(x² + 100 y²) from (1, 0)",
                scalar: {
                    let kappa = 100.0
                    let run = OptimizationPath(
                        minimizing: DiagonalQuadratic(curvatures: [1, kappa]), from: [1, 0],
                        with: SGD(learningRate: 2 / (1 + kappa)), maximumSteps: 10_000, tolerance: 1e-6)
                    return (ceil(log(1e-6) / log((kappa - 1) / (kappa + 1))), Double(run.stepsToTolerance ?? -1))
                })
        ]
    }
}
