import DLMath
import Foundation

extension FormulaCatalog {
    /// One sequence of `steps` steps of F = 2 features and a target, seeded.
    private static func sequence(steps: Int, outputs: Int, seed: UInt64) -> (input: Matrix, target: Matrix) {
        var generator = SeededGenerator(seed: seed)
        return (generator.normalMatrix(rows: 2, columns: 2 * steps), generator.normalMatrix(rows: 2, columns: outputs))
    }

    /// ∂L/∂θ of the unrolled layer (L = ½‖h_T − t‖²) beside central differences of L, for every parameter.
    private static func bpttAgainstDifferences<Cell: RecurrentCell>(_ cell: Cell, seed: UInt64) -> ([Double], [Double])
    {
        let (input, target) = sequence(steps: 4, outputs: cell.hiddenSize, seed: seed)
        var layer = Recurrent(cell)
        _ = layer.backward(layer.forward(input) - target)
        var analytic: [Double] = [], numeric: [Double] = []
        for (index, parameter) in cell.parameters.enumerated() {
            analytic += layer.parameterGradients[index].elements
            numeric += numericalGradient(
                of: { values in
                    var copy = cell
                    copy.parameters[index] = Matrix(rows: parameter.rows, columns: parameter.columns, elements: values)
                    var unrolled = Recurrent(copy)
                    let d = unrolled.forward(input) - target
                    return 0.5 * (d .* d).sum
                }, at: parameter.elements)
        }
        return (analytic, numeric)
    }

    /// Chapter 13: recurrent networks.
    static var chapter13: [Formula] {
        [
            Formula(
                "13.1",
                "RNN over two steps: h_1 = tanh(0.5), h_2 = tanh(2·0.5 − h_1)  (W_x = 0.5, W_h = −1, b = 0, x = (1, 2))",
                method: "by hand with scalar tanh", tolerance: .tight,
                evaluate: {
                    var layer = Recurrent(
                        RNNCell(inputWeights: [[0.5]], recurrentWeights: [[-1]], bias: [[0]]), returnSequences: true)
                    return (layer.forward([[1, 2]]).elements, [tanh(0.5), tanh(1 - tanh(0.5))])
                }),
            Formula(
                "13.2", "BPTT for the RNN: ∂L/∂W = Σ_t (step t's share), δh_{t−1} = δa_t W_hᵀ  (F = 2, H = 3, T = 4)",
                method: "central differences of L(θ)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 131)
                    return bpttAgainstDifferences(RNNCell(inputs: 2, hidden: 3, generator: &generator), seed: 132)
                }),
            Formula(
                "13.3", "BPTT for the LSTM: c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh c_t  (F = 2, H = 3, T = 4)",
                method: "central differences of L(θ)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 133)
                    return bpttAgainstDifferences(LSTMCell(inputs: 2, hidden: 3, generator: &generator), seed: 134)
                }),
            Formula(
                "13.4", "BPTT for the GRU: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}  (F = 2, H = 3, T = 4)",
                method: "central differences of L(θ)", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 135)
                    return bpttAgainstDifferences(GRUCell(inputs: 2, hidden: 3, generator: &generator), seed: 136)
                }),
            Formula(
                "13.5", "‖∂h_T/∂h_0‖₂ = σ^T when h stays 0 and W_h = σQ, Q orthogonal  (σ = 1.1, T = 10, H = 4)",
                method: "closed form: the Jacobian is (W_hᵀ)^T and every singular value of σQ is σ",
                tolerance: .standard,
                scalar: {
                    let c = 0.6, s = 0.8  // a rotation in each of two planes: orthogonal
                    let q: Matrix = [[c, -s, 0, 0], [s, c, 0, 0], [0, 0, c, s], [0, 0, -s, c]]
                    let cell = RNNCell(
                        inputWeights: Matrix(rows: 1, columns: 4), recurrentWeights: q * 1.1,
                        bias: Matrix(rows: 1, columns: 4))
                    let jacobians = hiddenStateJacobians(
                        cell, input: Matrix(rows: 1, columns: 10), initialState: Matrix(rows: 1, columns: 4))
                    return (largestSingularValue(jacobians[9]), pow(1.1, 10))
                }),
            Formula(
                "13.6", "truncated BPTT with k ≥ T is full BPTT  (GRU, T = 5, k = 5 and 9)",
                method: "the same gradients, entry for entry", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 137)
                    let cell = GRUCell(inputs: 2, hidden: 3, generator: &generator)
                    let (input, target) = sequence(steps: 5, outputs: 15, seed: 138)
                    func gradients(_ k: Int?) -> [Double] {
                        var layer = Recurrent(cell, returnSequences: true, truncation: k)
                        let inputGradient = layer.backward(layer.forward(input) - target)
                        return layer.parameterGradients.flatMap(\.elements) + inputGradient.elements
                    }
                    return (gradients(5) + gradients(9), gradients(nil) + gradients(nil))
                }),
            Formula(
                "13.7", "perplexity = exp(cross-entropy): a uniform guess over V = 23 characters has perplexity 23",
                method: "cross-entropy of the uniform distribution, −ln(1/23)", tolerance: .standard,
                scalar: {
                    let logits = Matrix(rows: 1, columns: 23)
                    return (perplexity(crossEntropy: softmaxCrossEntropy(logits: logits, labels: [7]).value), 23)
                }),
            Formula(
                "13.8", "temperature: p_i ∝ exp(z_i/τ) scales the log-odds by 1/τ  (z = (0, ln 2), τ = ½: odds 4 : 1)",
                method: "by hand: (1/5, 4/5)", tolerance: .tight,
                evaluate: {
                    (temperatureSoftmax([0, log(2)], temperature: 0.5), [0.2, 0.8])
                })
        ]
    }
}
