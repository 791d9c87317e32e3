import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 5: activation functions.
    static var chapter05: [Formula] {
        /// φ′(x) against the central difference of φ and against `byHand`, the
        /// derivative's formula written out in scalar arithmetic (pinned, so that a
        /// value and derivative wrong in the same way cannot pass).
        func derivative(_ id: String, _ statement: String, _ activation: Activation, at x: Double, byHand: Double)
            -> Formula
        {
            Formula(
                id, statement, method: "central difference, h = 1e-5, and the formula by hand", tolerance: .numerical
            ) {
                (
                    [activation.derivative(x), activation.derivative(x)],
                    [centralDifference(of: activation.value, at: x), byHand]
                )
            }
        }
        let s17 = 1 / (1 + exp(-1.7))
        let t09 = (exp(-0.9) - exp(0.9)) / (exp(-0.9) + exp(0.9))
        let root2OverPi: Double = (2 / Double.pi).squareRoot()
        let t12: Double = tanh(root2OverPi * (1.2 + 0.044715 * 1.728))
        let uPrime12: Double = root2OverPi * (1 + 3 * 0.044715 * 1.44)
        let geluTanhSlope: Double = 0.5 * (1 + t12) + 0.5 * 1.2 * (1 - t12 * t12) * uPrime12
        let phi07: Double = exp(-0.245) / (2 * Double.pi).squareRoot()
        return [
            Formula("5.1", "σ(0) = ½, σ′(0) = ¼", method: "by hand: 1/(1 + e⁰), ½ · ½", tolerance: .tight) {
                ([Activation.sigmoid.value(0), Activation.sigmoid.derivative(0)], [0.5, 0.25])
            },
            // s = σ(1.7) = 1/(1 + e^−1.7), σ′ = s(1 − s)
            derivative("5.2", "σ′(x) = σ(x)(1 − σ(x)) at x = 1.7", .sigmoid, at: 1.7, byHand: s17 * (1 - s17)),
            // t = tanh(−0.9) from exponentials, tanh′ = 1 − t²
            derivative("5.3", "tanh′(x) = 1 − tanh²(x) at x = −0.9", .tanh, at: -0.9, byHand: 1 - t09 * t09),
            Formula(
                "5.4", "relu′(x) = 1 for x > 0 (x = 0.8); relu′(0) = 0 by convention",
                method: "central difference at 0.8, and by hand: 1 at 0.8, the convention 0 at 0", tolerance: .numerical
            ) {
                (
                    [Activation.relu.derivative(0.8), Activation.relu.derivative(0.8), Activation.relu.derivative(0)],
                    [centralDifference(of: Activation.relu.value, at: 0.8), 1, 0]
                )
            },
            derivative(
                "5.5", "leaky′(x) = a for x < 0 (a = 0.01, x = −1.3)", .leakyReLU(slope: 0.01), at: -1.3, byHand: 0.01),
            derivative(
                "5.6", "elu′(x) = α eˣ for x < 0 (α = 1, x = −0.6)", .elu(alpha: 1), at: -0.6, byHand: exp(-0.6)),
            // Φ(−0.7) = 0.24196365222307303 (table), φ(0.7) = e^−0.245/√(2π)
            derivative(
                "5.7", "gelu′(x) = Φ(x) + x φ(x) at x = −0.7", .geluExact, at: -0.7,
                byHand: 0.24196365222307303 - 0.7 * phi07),
            // u = √(2/π)(x + 0.044715x³), t = tanh u, u′ = √(2/π)(1 + 3·0.044715x²), x = 1.2
            derivative(
                "5.8", "gelu_tanh′(x) = ½(1 + t) + ½x(1 − t²)u′ at x = 1.2", .geluTanh, at: 1.2,
                byHand: geluTanhSlope),
            derivative("5.9", "softplus′(x) = σ(x) at x = 2.3", .softplus, at: 2.3, byHand: 1 / (1 + exp(-2.3))),
            Formula(
                "5.10", "GELU(1) = Φ(1) = 0.8413447460685429", method: "table of the normal CDF", tolerance: .tight,
                scalar: { (Activation.geluExact.value(1), 0.8413447460685429) }),
            Formula(
                "5.11", "softmax([0, ln 2, ln 3]) = [1/6, 2/6, 3/6]", method: "by hand: [1, 2, 3]/6", tolerance: .tight
            ) {
                (softmax([0, log(2), log(3)]), [1.0 / 6, 2.0 / 6, 3.0 / 6])
            },
            Formula(
                "5.12", "softmax([1000, 1001, 1002]) = [1, e, e²]/(1 + e + e²) (stable form)",
                method: "closed form from e = exp(1)", tolerance: .tight
            ) {
                let e = exp(1.0), total = 1 + e + e * e
                return (softmax([1000, 1001, 1002]), [1 / total, e / total, e * e / total])
            },
            Formula(
                "5.13", "∂softmax/∂z = diag(p) − p pᵀ at z = [0.3, −1.2, 2]",
                method: "numerical Jacobian, h = 1e-5, and pᵢ(δᵢⱼ − pⱼ) by hand from e^zᵢ", tolerance: .numerical
            ) {
                let z = [0.3, -1.2, 2.0]
                let e: [Double] = z.map { exp($0) }
                let total: Double = e[0] + e[1] + e[2]
                let p: [Double] = e.map { $0 / total }
                let byHand: [Double] = (0..<9).map { (k: Int) -> Double in
                    let (i, j) = (k / 3, k % 3)
                    let delta: Double = i == j ? 1 : 0
                    return p[i] * (delta - p[j])
                }
                let jacobian = softmaxJacobian(probabilities: softmax(z)).elements
                return (jacobian + jacobian, numericalJacobian(of: softmax, at: z).elements + byHand)
            },
            Formula(
                "5.14", "log softmax(z) = z − logSumExp(z) at z = [1000, 1001, 1002]",
                method: "by hand: [0, 1, 2] − log(1 + e + e²)", tolerance: .tight
            ) {
                let logTotal = log(1 + exp(1.0) + exp(2.0))
                return (logSoftmax([1000, 1001, 1002]), [-logTotal, 1 - logTotal, 2 - logTotal])
            }
        ]
    }
}
