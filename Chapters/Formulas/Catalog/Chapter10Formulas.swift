import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 10: optimizers.
    static var chapter10: [Formula] {
        [
            Formula(
                "10.1", "Adam's first step: Δw = −lr g / (|g| + ε) ≈ −lr sign(g)  (g = 3, −0.02, 40)",
                method: "one Adam step against lr · sign(g)", tolerance: Tolerance(absolute: 0, relative: 1e-5),
                evaluate: {
                    var adam = Adam(learningRate: 0.001)
                    var parameters: [Matrix] = [Matrix(row: [0, 0, 0])]
                    adam.step(&parameters, gradients: [Matrix(row: [3, -0.02, 40])])
                    return (parameters[0].elements, [-0.001, 0.001, -0.001])
                }),
            Formula(
                "10.2",
                "momentum on a x²/2: x_{k+1} = (1 + μ − lr a) x_k − μ x_{k−1}  (a = 2, lr = 0.1, μ = 0.8, k ≤ 30)",
                method: "the scalar recurrence against the Momentum optimizer",
                tolerance: Tolerance(absolute: 1e-13, relative: 1e-12),
                evaluate: {
                    let path = OptimizationPath(
                        minimizing: DiagonalQuadratic(curvatures: [2]), from: [3],
                        with: Momentum(learningRate: 0.1, momentum: 0.8), maximumSteps: 30, tolerance: nil)
                    var xs = [3.0, 2.4]
                    while xs.count <= 30 { xs.append(1.6 * xs[xs.count - 1] - 0.8 * xs[xs.count - 2]) }
                    return (path.points.map { $0[0] }, xs)
                }),
            Formula(
                "10.3", "AdaGrad under a constant gradient: step_t = lr / √t  (g = 3, lr = 0.5, t = 1…16)",
                method: "16 AdaGrad steps against 0.5/√t", tolerance: Tolerance(absolute: 0, relative: 1e-9),
                evaluate: {
                    var adaGrad = AdaGrad(learningRate: 0.5)
                    var parameters: [Matrix] = [[[0]]]
                    var steps: [Double] = []
                    for _ in 1...16 {
                        let before = parameters[0][0, 0]
                        adaGrad.step(&parameters, gradients: [[[3]]])
                        steps.append(before - parameters[0][0, 0])
                    }
                    return (steps, (1...16).map { 0.5 / Double($0).squareRoot() })
                }),
            Formula(
                "10.4", "Adam under a constant g: m_t = (1 − β₁ᵗ) g, so m̂_t = m_t / (1 − β₁ᵗ) = g  (g = 2, t = 1…6)",
                method: "m_t = (1 − β₁ᵗ) g summed by hand as (1 − β₁) Σ β₁ᵏ g",
                tolerance: Tolerance(absolute: 0, relative: 1e-12),
                evaluate: {
                    var adam = Adam()
                    var parameters: [Matrix] = [[[1]]]
                    var raw: [Double] = [], geometric: [Double] = []
                    for t in 1...6 {
                        adam.step(&parameters, gradients: [[[2]]])
                        raw.append(adam.firstMoments[0][0, 0])
                        geometric.append(0.1 * (0..<t).map { pow(0.9, Double($0)) }.sum * 2)
                    }
                    return (raw, geometric)
                }),
            Formula(
                "10.5", "Nesterov (PyTorch form) w_k = θ_k + μ u_k of Sutskever's form, 100 steps on Rosenbrock",
                method: "Sutskever's look-ahead iteration run separately",
                tolerance: Tolerance(absolute: 1e-12, relative: 1e-12),
                evaluate: {
                    let f = Rosenbrock()
                    let original = Nesterov.lookAheadIterates(
                        on: f, from: [-1.2, 1], learningRate: 1e-4, momentum: 0.9, steps: 100)
                    let path = OptimizationPath(
                        minimizing: f, from: [-1.2, 1], with: Nesterov(learningRate: 1e-4, momentum: 0.9),
                        maximumSteps: 100, tolerance: nil)
                    let lookAhead = zip(original.positions[100], original.velocities[100]).map { $0 + 0.9 * $1 }
                    return (path.points[100], lookAhead)
                }),
            Formula(
                "10.6", "AdamW with g = 0: w ← (1 − lr λ) w  (lr = 0.1, λ = 0.5, w = (2, −4))",
                method: "by hand: 0.95 · (2, −4)", tolerance: .tight,
                evaluate: {
                    var adamW = AdamW(learningRate: 0.1, weightDecay: 0.5)
                    var parameters: [Matrix] = [Matrix(row: [2, -4])]
                    adamW.step(&parameters, gradients: [Matrix(row: [0, 0])])
                    return (parameters[0].elements, [1.9, -3.8])
                }),
            Formula(
                "10.7", "schedules: step 0.1·0.5^⌊t/30⌋, exponential 0.1·0.5^(t/30), cosine at t = 45 (T = 90)",
                method: "by hand: 0.05, 0.1/√2, 0.001 + ½·0.099", tolerance: .tight,
                evaluate: {
                    (
                        [
                            LearningRateSchedule.step(initial: 0.1, factor: 0.5, every: 30).rate(at: 45),
                            LearningRateSchedule.exponential(initial: 0.1, decayRate: 0.5, decaySteps: 30).rate(at: 15),
                            LearningRateSchedule.cosine(initial: 0.1, minimum: 0.001, totalSteps: 90).rate(at: 45)
                        ],
                        [0.05, 0.1 / 2.0.squareRoot(), 0.0505]
                    )
                }),
            Formula(
                "10.8", "clipping by global norm: ‖(3), (4, 0)‖ = 5; clipped to c = 2 → (1.2), (1.6, 0)",
                method: "by hand: (3, 4, 0) · 2/5", tolerance: .tight,
                evaluate: {
                    var gradients: [Matrix] = [Matrix(row: [3]), Matrix(row: [4, 0])]
                    let norm = clipByGlobalNorm(&gradients, maximumNorm: 2)
                    return ([norm] + gradients.flatMap(\.elements), [5, 1.2, 1.6, 0])
                }),
            Formula(
                "10.9", "Rosenbrock ∇f = (−2(1 − x) − 400 x (y − x²), 200 (y − x²)) at (−1.2, 1)",
                method: "central differences, and by hand: (−4.4 − 211.2, −88)", tolerance: .numerical,
                evaluate: {
                    let f = Rosenbrock()
                    // By hand: y − x² = 1 − 1.44 = −0.44; −2 · 2.2 − 400 · (−1.2) · (−0.44) = −4.4 − 211.2; 200 · (−0.44) = −88.
                    let analytic = f.gradient(at: [-1.2, 1])
                    return (analytic + analytic, numericalGradient(of: f.value(at:), at: [-1.2, 1]) + [-215.6, -88])
                }),
            Formula(
                "10.10",
                "Newton on ½ xᵀAx − bᵀx: x₁ = x₀ − A⁻¹(A x₀ − b) = A⁻¹ b from any x₀  (A = [[4, 1], [1, 3]], b = [1, 2])",
                method: "Cramer's rule: x* = [(3·1 − 1·2)/11, (4·2 − 1·1)/11]"
            ) {
                let f = QuadraticForm(matrix: [[4, 1], [1, 3]], linear: [1, 2])
                let path = NewtonMethod(.pure).path(minimizing: f, from: [5, -3], maximumSteps: 1, tolerance: nil)
                return (path.finalPoint, [1.0 / 11, 7.0 / 11])
            },
            Formula(
                "10.11",
                "Newton's quadratic convergence: e_{k+1} / e_k² → f'''(x*) / (2 f''(x*))  (f = eˣ − 2x, x* = ln 2: 1/2)",
                method: "the measured ratio of the Newton iterates' errors at e ≈ 1e-4",
                tolerance: Tolerance(absolute: 1e-3, relative: 0),
                scalar: {
                    let path = NewtonMethod(.pure).path(
                        minimizing: ExponentialMinusLinear(), from: [1.5], maximumSteps: 8, tolerance: nil)
                    let errors = path.points.map { abs($0[0] - log(2)) }
                    let k = errors.firstIndex { $0 < 1e-3 } ?? 1
                    return (0.5, errors[k + 1] / (errors[k] * errors[k]))
                }),
            Formula(
                "10.12",
                "Keras' ε-hat Adam: α_t m / (√v + ε̂), α_t = lr √(1 − β₂ᵗ)/(1 − β₁ᵗ), is PyTorch's with ε = ε̂/√(1 − β₂ᵗ)  (t = 1, 2)",
                method: "each step by hand with PyTorch's rule and the matched ε",
                tolerance: Tolerance(absolute: 0, relative: 1e-12),
                evaluate: {
                    // lr = 0.1, ε̂ = 0.01, g = 0.02 then 0.04, w₀ = 0.
                    var keras = Adam(learningRate: 0.1, epsilon: 0.01, convention: .keras)
                    var w: [Matrix] = [[[0]]]
                    keras.step(&w, gradients: [[[0.02]]])
                    let w1 = w[0][0, 0]
                    keras.step(&w, gradients: [[[0.04]]])
                    // By hand, PyTorch's rule: step t = lr m̂ / (√v̂ + ε̂/√(1 − β₂ᵗ)).
                    // t = 1: m̂ = 0.02, v̂ = 0.0004, ε = 0.01/√0.001.
                    let byHand1 = -0.1 * 0.02 / (0.02 + 0.01 / 0.001.squareRoot())
                    // t = 2: m = 0.9·0.002 + 0.1·0.04 = 0.0058, m̂ = 0.0058/0.19; v = 0.999·4e-7 + 0.001·0.0016 = 1.9996e-6, v̂ = v/0.001999.
                    let byHand2 =
                        byHand1 - 0.1 * (0.0058 / 0.19)
                        / ((1.9996e-6 / 0.001999).squareRoot() + 0.01 / 0.001999.squareRoot())
                    return ([w1, w[0][0, 0]], [byHand1, byHand2])
                })
        ]
    }
}

/// f(x) = eˣ − 2x: f' = eˣ − 2, f'' = eˣ, minimum at ln 2 where f'' = f''' = 2.
private struct ExponentialMinusLinear: TwiceDifferentiable {
    var name: String { "eˣ − 2x" }
    func value(at x: [Double]) -> Double { exp(x[0]) - 2 * x[0] }
    func gradient(at x: [Double]) -> [Double] { [exp(x[0]) - 2] }
    func hessian(at x: [Double]) -> Matrix { [[exp(x[0])]] }
    var minimizer: [Double] { [log(2)] }
}
