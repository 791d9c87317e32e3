import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 5: activation functions.
    static var chapter05: [Formula] {
        /// φ′(x) against the central difference of φ.
        func derivative(_ id: String, _ statement: String, _ activation: Activation, at x: Double) -> Formula {
            Formula(id, statement, method: "central difference, h = 1e-5", tolerance: .numerical, scalar: {
                (activation.derivative(x), centralDifference(of: activation.value, at: x))
            })
        }
        return [
            Formula("5.1", "σ(0) = ½, σ′(0) = ¼", method: "by hand: 1/(1 + e⁰), ½ · ½", tolerance: .tight) {
                ([Activation.sigmoid.value(0), Activation.sigmoid.derivative(0)], [0.5, 0.25])
            },
            derivative("5.2", "σ′(x) = σ(x)(1 − σ(x)) at x = 1.7", .sigmoid, at: 1.7),
            derivative("5.3", "tanh′(x) = 1 − tanh²(x) at x = −0.9", .tanh, at: -0.9),
            derivative("5.4", "relu′(x) = 1 for x > 0 (x = 0.8); relu′(0) = 0 by convention", .relu, at: 0.8),
            derivative("5.5", "leaky′(x) = a for x < 0 (a = 0.01, x = −1.3)", .leakyReLU(slope: 0.01), at: -1.3),
            derivative("5.6", "elu′(x) = α eˣ for x < 0 (α = 1, x = −0.6)", .elu(alpha: 1), at: -0.6),
            derivative("5.7", "gelu′(x) = Φ(x) + x φ(x) at x = −0.7", .geluExact, at: -0.7),
            derivative("5.8", "gelu_tanh′(x) = ½(1 + t) + ½x(1 − t²)u′ at x = 1.2", .geluTanh, at: 1.2),
            derivative("5.9", "softplus′(x) = σ(x) at x = 2.3", .softplus, at: 2.3),
            Formula("5.10", "GELU(1) = Φ(1) = 0.8413447460685429", method: "table of the normal CDF", tolerance: .tight,
                    scalar: { (Activation.geluExact.value(1), 0.8413447460685429) }),
            Formula("5.11", "softmax([0, ln 2, ln 3]) = [1/6, 2/6, 3/6]", method: "by hand: [1, 2, 3]/6", tolerance: .tight) {
                (softmax([0, log(2), log(3)]), [1.0 / 6, 2.0 / 6, 3.0 / 6])
            },
            Formula("5.12", "softmax([1000, 1001, 1002]) = [1, e, e²]/(1 + e + e²) (stable form)",
                    method: "closed form from e = exp(1)", tolerance: .tight) {
                let e = exp(1.0), total = 1 + e + e * e
                return (softmax([1000, 1001, 1002]), [1 / total, e / total, e * e / total])
            },
            Formula("5.13", "∂softmax/∂z = diag(p) − p pᵀ at z = [0.3, −1.2, 2]", method: "numerical Jacobian, h = 1e-5",
                    tolerance: .numerical) {
                let z = [0.3, -1.2, 2.0]
                return (softmaxJacobian(probabilities: softmax(z)).elements, numericalJacobian(of: softmax, at: z).elements)
            },
            Formula("5.14", "log softmax(z) = z − logSumExp(z) at z = [1000, 1001, 1002]",
                    method: "by hand: [0, 1, 2] − log(1 + e + e²)", tolerance: .tight) {
                let logTotal = log(1 + exp(1.0) + exp(2.0))
                return (logSoftmax([1000, 1001, 1002]), [-logTotal, 1 - logTotal, 2 - logTotal])
            },
        ]
    }
}
