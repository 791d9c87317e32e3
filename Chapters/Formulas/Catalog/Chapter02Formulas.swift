import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 2: derivatives. Each analytic derivative against central
    /// differences (h = 1e-5; Hessians h = 1e-4), or a difference quotient
    /// against its Taylor expansion.
    static var chapter02: [Formula] {
        [
            Formula(
                "2.1", "d/dx sin x = cos x  (x = 0.7)",
                method: "central difference, h = 1e-5", tolerance: .numerical,
                scalar: {
                    (cos(0.7), centralDifference(of: sin, at: 0.7))
                }),
            Formula(
                "2.2", "(f(x+h) − f(x))/h − f'(x) = (h/2) f'' + (h²/6) f''' + O(h³)  (f = exp, x = 0, h = 1e-3)",
                method: "the forward difference evaluated, vs its Taylor terms",
                tolerance: Tolerance(absolute: 1e-10, relative: 0),
                scalar: {
                    let h = 1e-3
                    return (h / 2 + h * h / 6, forwardDifference(of: exp, at: 0, step: h) - 1)
                }),
            Formula(
                "2.3", "(f(x+h) − f(x−h))/(2h) − f'(x) = (h²/6) f''' + O(h⁴)  (f = exp, x = 0, h = 1e-3)",
                method: "the central difference evaluated, vs its Taylor term",
                tolerance: Tolerance(absolute: 1e-11, relative: 0),
                scalar: {
                    let h = 1e-3
                    return (h * h / 6, centralDifference(of: exp, at: 0, step: h) - 1)
                }),
            Formula(
                "2.4", "∇(x²y + sin xy) = [2xy + y cos xy, x² + x cos xy]  (at (1, 2))",
                method: "numerical gradient, central differences", tolerance: .numerical
            ) {
                let f: ([Double]) -> Double = { $0[0] * $0[0] * $0[1] + sin($0[0] * $0[1]) }
                return ([4 + 2 * cos(2.0), 1 + cos(2.0)], numericalGradient(of: f, at: [1, 2]))
            },
            Formula(
                "2.5", "J(r cos θ, r sin θ) = [[cos θ, −r sin θ], [sin θ, r cos θ]], det J = r  (r = 2, θ = 0.6)",
                method: "numerical Jacobian, central differences", tolerance: .numerical
            ) {
                let (r, t) = (2.0, 0.6)
                let j = numericalJacobian(of: { [$0[0] * cos($0[1]), $0[0] * sin($0[1])] }, at: [r, t])
                return ([cos(t), -r * sin(t), sin(t), r * cos(t), r], j.elements + [j.determinant])
            },
            Formula(
                "2.6", "∇²(x²y + sin xy) = [[2y − y² sin xy, 2x + cos xy − xy sin xy], [·, −x² sin xy]]  (at (1, 2))",
                method: "numerical Hessian, h = 1e-4", tolerance: .numerical
            ) {
                let f: ([Double]) -> Double = { $0[0] * $0[0] * $0[1] + sin($0[0] * $0[1]) }
                let s = sin(2.0), c = cos(2.0)
                return ([4 - 4 * s, 2 + c - 2 * s, 2 + c - 2 * s, -s], numericalHessian(of: f, at: [1, 2]).elements)
            },
            Formula(
                "2.7", "(f ∘ g)' = f'(g(x)) g'(x):  d/dx sin(x²) = 2x cos(x²)  (x = 1.5)",
                method: "central difference of the composition", tolerance: .numerical,
                scalar: {
                    (2 * 1.5 * cos(2.25), centralDifference(of: { sin($0 * $0) }, at: 1.5))
                }),
            Formula(
                "2.8", "J_{f∘g} = J_f(g(x)) J_g(x)  (g polar, f(u, v) = u²v, at (2, 0.6))",
                method: "closed form of ∇(r³ cos²θ sin θ)", tolerance: .numerical
            ) {
                let (r, t) = (2.0, 0.6)
                let (u, v) = (r * cos(t), r * sin(t))
                let jg: Matrix = [[cos(t), -r * sin(t)], [sin(t), r * cos(t)]]
                let chained = Matrix(row: [2 * u * v, u * u]) * jg
                let closed = [
                    3 * r * r * cos(t) * cos(t) * sin(t),
                    r * r * r * (pow(cos(t), 3) - 2 * cos(t) * sin(t) * sin(t))
                ]
                return (chained.elements, closed)
            },
            Formula(
                "2.9", "∇ₓ(xᵀAx) = (A + Aᵀ) x  (seeded A 4x4, x)",
                method: "numerical gradient, central differences", tolerance: .numerical
            ) {
                var generator = SeededGenerator(seed: 29)
                let a = generator.normalMatrix(rows: 4, columns: 4)
                let x = (0..<4).map { _ in generator.normal() }
                return ((a + a.transposed) * x, numericalGradient(of: { $0.dot(a * $0) }, at: x))
            },
            Formula(
                "2.10", "∇²ₓ(xᵀAx) = A + Aᵀ  (seeded A 3x3)",
                method: "numerical Hessian, h = 1e-4", tolerance: .numerical
            ) {
                var generator = SeededGenerator(seed: 210)
                let a = generator.normalMatrix(rows: 3, columns: 3)
                let x = (0..<3).map { _ in generator.normal() }
                return ((a + a.transposed).elements, numericalHessian(of: { $0.dot(a * $0) }, at: x).elements)
            },
            Formula(
                "2.11", "∇_W Σ G ⊙ tanh(xW + b) = xᵀ (G ⊙ (1 − tanh²(xW + b)))  (x 4x3, W 3x2)",
                method: "numerical gradient with respect to W", tolerance: .numerical
            ) {
                let (x, w, b, g) = layerExample()
                let y = (x * w + b).map(tanh)
                let analytic = x.transposed * (g .* (1 - y .* y))
                return (analytic.elements, numericalGradient(of: { (g .* (x * $0 + b).map(tanh)).sum }, at: w).elements)
            },
            Formula(
                "2.12", "∇_b Σ G ⊙ tanh(xW + b) = Σᵢ (G ⊙ (1 − tanh²(xW + b)))ᵢ  (b 1x2 broadcast over 4 rows)",
                method: "numerical gradient with respect to b", tolerance: .numerical
            ) {
                let (x, w, b, g) = layerExample()
                let y = (x * w + b).map(tanh)
                let analytic = (g .* (1 - y .* y)).sum(along: .rows)
                return (analytic.elements, numericalGradient(of: { (g .* (x * w + $0).map(tanh)).sum }, at: b).elements)
            },
            Formula(
                "2.13", "∇ₓ ‖A x − b‖₂² = 2 Aᵀ (A x − b)  (seeded A 5x3, b, x)",
                method: "numerical gradient, central differences", tolerance: .numerical
            ) {
                var generator = SeededGenerator(seed: 213)
                let a = generator.normalMatrix(rows: 5, columns: 3)
                let b = (0..<5).map { _ in generator.normal() }
                let x = (0..<3).map { _ in generator.normal() }
                let residual: ([Double]) -> [Double] = { zip(a * $0, b).map { $0 - $1 } }
                let analytic = (2 * a.transposed) * residual(x)
                return (analytic, numericalGradient(of: { residual($0).dot(residual($0)) }, at: x))
            },
            Formula(
                "2.14", "Rosenbrock: ∇²f = [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]]  (at (−1.2, 1) and (0.5, 0.3))",
                method: "numerical Hessian, central differences, h = 1e-4",
                tolerance: Tolerance(absolute: 1e-4, relative: 1e-6)
            ) {
                let f = Rosenbrock()
                return (
                    f.hessian(at: [-1.2, 1]).elements + f.hessian(at: [0.5, 0.3]).elements,
                    numericalHessian(of: f.value(at:), at: [-1.2, 1]).elements
                        + numericalHessian(of: f.value(at:), at: [0.5, 0.3]).elements
                )
            },
            Formula(
                "2.15", "logistic loss: ∇²L = (1/N) Xᵀ diag(p(1 − p)) X  (seeded X 6x3, y, w)",
                method: "numerical Hessian of the loss, central differences", tolerance: .numerical
            ) {
                var generator = SeededGenerator(seed: 215)
                let x = generator.normalMatrix(rows: 6, columns: 3)
                let y = (0..<6).map { _ in generator.bernoulli(0.5) ? 1.0 : 0 }
                let w = (0..<3).map { _ in 0.5 * generator.normal() }
                func loss(_ w: [Double]) -> Double {
                    let p = (x * w).map { 1 / (1 + exp(-$0)) }
                    return -zip(p, y).map { $1 * log($0) + (1 - $1) * log(1 - $0) }.reduce(0, +) / 6
                }
                return (
                    logisticLossHessian(features: x, weights: w).elements, numericalHessian(of: loss, at: w).elements
                )
            }
        ]
    }
}

/// A seeded layer: inputs x (4x3), weights W (3x2), bias b (1x2), upstream gradient G (4x2).
private func layerExample() -> (Matrix, Matrix, Matrix, Matrix) {
    var generator = SeededGenerator(seed: 211)
    return (
        generator.normalMatrix(rows: 4, columns: 3), generator.normalMatrix(rows: 3, columns: 2),
        generator.normalMatrix(rows: 1, columns: 2), generator.normalMatrix(rows: 4, columns: 2)
    )
}
