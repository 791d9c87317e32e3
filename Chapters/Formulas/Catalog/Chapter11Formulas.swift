import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 11: training a network (regularisation, dropout, metrics, early stopping).
    static var chapter11: [Formula] {
        [
            Formula(
                "11.1", "L2 penalty R = (λ/2) Σ‖W‖², ∂R/∂W = λ W  (λ = 0.3, W 2x3; the bias is not penalised)",
                method: "central differences of R, and by hand: λW = (0.15, −0.45, 0.6, 0.3, 0.075, −0.225), 0 for b, "
                    + "R = 0.15 · 8.125 = 1.21875", tolerance: .numerical,
                evaluate: {
                    let penalty = L2Penalty(strength: 0.3)
                    let w: Matrix = [[0.5, -1.5, 2], [1, 0.25, -0.75]], b: Matrix = [[3, 3, 3]]
                    var gradients = [Matrix(rows: 2, columns: 3), Matrix(rows: 1, columns: 3)]
                    penalty.addGradient(to: &gradients, parameters: [w, b], mask: [true, false])
                    let numeric = numericalGradient(
                        of: { penalty.value([Matrix(rows: 2, columns: 3, elements: $0), b], mask: [true, false]) },
                        at: w.elements)
                    let analytic = gradients[0].elements + gradients[1].elements
                    // By hand: 0.3 · W entry by entry; Σ W² = 0.25 + 2.25 + 4 + 1 + 0.0625 + 0.5625 = 8.125.
                    let byHand = [0.15, -0.45, 0.6, 0.3, 0.075, -0.225, 0, 0, 0]
                    return (
                        analytic + analytic + [penalty.value([w, b], mask: [true, false])],
                        numeric + [0, 0, 0] + byHand + [1.21875]
                    )
                }),
            Formula(
                "11.2",
                "inverted dropout keeps the mean: E[x ⊙ m] = x, m = Bernoulli(1 − p)/(1 − p)  (p = 0.3, 10⁵ draws)",
                method: "Monte Carlo mean; its standard error is √(p/(1 − p)/n) ≈ 0.0021, tolerance 4 of them",
                tolerance: Tolerance(absolute: 4 * (0.3 / 0.7 / 1e5).squareRoot(), relative: 0),
                scalar: {
                    var dropout = Dropout(rate: 0.3, seed: 11)
                    return (dropout.forward(Matrix(rows: 200, columns: 500, repeating: 1)).mean, 1)
                }),
            Formula(
                "11.3", "dropout backward in training mode: ∂L/∂x = g ⊙ m  (fixed mask, p = 0.5, L = ½‖y − t‖²)",
                method: "central differences of L(x), and by hand: y = 2 k ⊙ x, ∂L/∂x = 2 k ⊙ (y − t)",
                tolerance: .numerical,
                evaluate: {
                    let mask: Matrix = [[1, 0, 1, 1], [0, 1, 0, 1]]
                    let target: Matrix = [[1, 2, 3, 4], [-1, -2, -3, -4]]
                    let x: Matrix = [[0.3, 0.1, -0.7, 2], [1.1, -0.4, 0.6, 0.05]]
                    var layer = Dropout(rate: 0.5, fixedMask: mask)
                    let y = layer.forward(x)
                    let analytic = layer.backward(y - target)
                    let numeric = numericalGradient(
                        of: { values in
                            var copy = Dropout(rate: 0.5, fixedMask: mask)
                            let out = copy.forward(Matrix(rows: 2, columns: 4, elements: values)) - target
                            return 0.5 * (out .* out).sum
                        }, at: x.elements)
                    // By hand: row 1 y − t = (0.6 − 1, 0 − 2, −1.4 − 3, 4 − 4), times 2k = (2, 0, 2, 2);
                    // row 2 y − t = (0 + 1, −0.8 + 2, 0 + 3, 0.1 + 4), times 2k = (0, 2, 0, 2).
                    let byHand = [-0.8, 0, -8.8, 0, 0, 2.4, 0, 8.2]
                    return (analytic.elements + analytic.elements, numeric + byHand)
                }),
            Formula(
                "11.4", "confusion matrix: Σ cells = n, row sums = class counts, trace / n = accuracy",
                method: "counted separately from the labels and predictions", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 4)
                    let actual = (0..<500).map { _ in generator.integer(below: 4) }
                    let predicted = actual.map { generator.bernoulli(0.8) ? $0 : generator.integer(below: 4) }
                    let confusion = ConfusionMatrix(predicted: predicted, actual: actual, classCount: 4)
                    let classCounts = (0..<4).map { k in Double(actual.filter { $0 == k }.count) }
                    let right = Double(zip(predicted, actual).filter { $0 == $1 }.count)
                    return (
                        [Double(confusion.total)] + confusion.actualCounts.map(Double.init) + [confusion.accuracy],
                        [500] + classCounts + [right / 500]
                    )
                }),
            Formula(
                "11.5", "early stopping (patience 3) on 5, 4, 3, 3.5, 3.2, 3.1, 2.9: stops after epoch 6, best epoch 3",
                method: "by hand: epochs 4, 5, 6 do not beat 3", tolerance: .tight,
                evaluate: {
                    var stopping = EarlyStopping(patience: 3)
                    var stoppedAfter = 0
                    for (index, loss) in [5.0, 4, 3, 3.5, 3.2, 3.1, 2.9].enumerated() {
                        stoppedAfter = index + 1
                        if stopping.observe(epoch: index + 1, validationLoss: loss, parameters: [[[loss]]]) { break }
                    }
                    return (
                        [Double(stoppedAfter), Double(stopping.bestEpoch ?? 0), stopping.bestParameters?[0][0, 0] ?? 0],
                        [6, 3, 3]
                    )
                })
        ]
    }
}
