import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 6: loss functions.
    static var chapter06: [Formula] {
        /// A loss's gradient against central differences of its value, and against
        /// `byHand`, the gradient's formula written out element by element (pinned,
        /// so that a value and gradient wrong in the same way cannot pass).
        func gradient(
            _ id: String, _ statement: String, at x: Matrix, byHand: [Double],
            _ loss: @escaping @Sendable (Matrix) -> LossResult
        ) -> Formula {
            Formula(
                id, statement, method: "numerical gradient, h = 1e-5, and the formula by hand", tolerance: .numerical
            ) {
                let analytic = loss(x).gradient.elements
                return (analytic + analytic, numericalGradient(of: { loss($0).value }, at: x).elements + byHand)
            }
        }
        /// σ(z) = 1/(1 + e^−z), written out for the hand values.
        func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        /// softmax of one row, written out for the hand values.
        func rowSoftmax(_ z: [Double]) -> [Double] {
            let e = z.map { exp($0) }
            return e.map { $0 / e.reduce(0, +) }
        }
        let targets: Matrix = [[1.5, -0.2], [2, 0.7], [1, 0.1]]
        let logits: Matrix = [[0.4, -1.1, 2.2], [1.0, 0.3, -0.5]]
        let labels = [0, 2]
        return [
            Formula(
                "6.1", "MSE([1, 2, 3], [1.5, 2, 1]) = (0.25 + 0 + 4)/3", method: "by hand", tolerance: .tight,
                scalar: {
                    (meanSquaredError(predictions: [[1], [2], [3]], targets: [[1.5], [2], [1]]).value, 4.25 / 3)
                }),
            // residuals ŷ − y = [−0.5, 0.5, 0.5, −0.5, −2, 0.8], times 2/6
            gradient(
                "6.2", "∂MSE/∂ŷ = 2(ŷ − y)/(N·k)", at: [[1, 0.3], [2.5, 0.2], [-1, 0.9]],
                byHand: [-1.0 / 6, 1.0 / 6, 1.0 / 6, -1.0 / 6, -2.0 / 3, 0.8 / 3]
            ) {
                meanSquaredError(predictions: $0, targets: targets)
            },
            // residuals [−1.1, 2.3, −0.3, −0.5, 3.2, −0.7] clipped to [−1, 1], over 6
            gradient(
                "6.3", "∂Huber/∂ŷ = clip(ŷ − y, −δ, δ)/(N·k), δ = 1", at: [[0.4, 2.1], [1.7, 0.2], [4.2, -0.6]],
                byHand: [-1, 1, -0.3, -0.5, 1, -0.7].map { $0 / 6 }
            ) {
                huberLoss(predictions: $0, targets: targets, delta: 1)
            },
            gradient(
                "6.4", "∂BCE/∂z = (σ(z) − y)/(N·k) for the logits form", at: [[1.3, -0.4], [0.2, 2.5], [-1.7, 0.6]],
                byHand: zip([1.3, -0.4, 0.2, 2.5, -1.7, 0.6], [1, 0, 0.5, 1, 0, 0.25]).map { (sigma($0) - $1) / 6 }
            ) {
                binaryCrossEntropy(logits: $0, targets: [[1, 0], [0.5, 1], [0, 0.25]])
            },
            Formula(
                "6.5", "BCE from logits at z = 40, y = 0 is 40 + log(1 + e^−40)", method: "by hand", tolerance: .tight,
                scalar: { (binaryCrossEntropy(logits: [[40]], targets: [[0]]).value, 40 + log1p(exp(-40))) }),
            Formula(
                "6.6", "CE([0, ln 2, ln 3], label 2) = −log(3/6) = ln 2", method: "by hand", tolerance: .tight,
                scalar: {
                    (softmaxCrossEntropy(logits: [[0, log(2), log(3)]], labels: [2]).value, log(2))
                }),
            gradient(
                "6.7", "∂CE/∂z = (softmax(z) − onehot(y))/N", at: logits,
                byHand: (zip(rowSoftmax([0.4, -1.1, 2.2]), [1.0, 0, 0]).map { $0 - $1 }
                    + zip(rowSoftmax([1.0, 0.3, -0.5]), [0.0, 0, 1]).map { $0 - $1 }).map { $0 / 2 }
            ) {
                softmaxCrossEntropy(logits: $0, labels: labels)
            },
            Formula(
                "6.8", "KL(y ‖ q) = H(y, q) − H(y) for y = [½, ½], q = [¼, ¾]", method: "cross-entropy minus ln 2",
                tolerance: .tight,
                scalar: {
                    let q: Matrix = [[0.25, 0.75]], y: Matrix = [[0.5, 0.5]]
                    return (
                        klDivergence(predictions: q, targets: y).value,
                        categoricalCrossEntropy(probabilities: q, targets: y).value - log(2)
                    )
                })
        ]
    }
}
