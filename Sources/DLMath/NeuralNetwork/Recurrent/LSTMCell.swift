import Foundation

/// The long short-term memory cell (Hochreiter & Schmidhuber 1997, with the
/// forget gate of Gers et al. 2000), row-vector layout.
///
/// With a = x_t W_x + h_{t−1} W_h + b split into four H-column blocks
/// [a_i | a_f | a_g | a_o] (Keras' order i, f, c̃, o):
///
///     i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)
///     c_t = f ⊙ c_{t−1} + i ⊙ g           the additive cell path
///     h_t = o ⊙ tanh(c_t)
///
/// Backward, for δ_h = ∂L/∂h_t and δ_c = ∂L/∂c_t (from step t+1):
///
///     δ_o = δ_h ⊙ tanh(c_t)
///     δ_c ← δ_c + δ_h ⊙ o ⊙ (1 − tanh²(c_t))
///     δ_i = δ_c ⊙ g,   δ_g = δ_c ⊙ i,   δ_f = δ_c ⊙ c_{t−1}
///     ∂L/∂c_{t−1} = δ_c ⊙ f                (no squashing: the gradient survives while f ≈ 1)
///     δ_a = [δ_i ⊙ i(1−i) | δ_f ⊙ f(1−f) | δ_g ⊙ (1−g²) | δ_o ⊙ o(1−o)]
///     ∂L/∂W_x += x_tᵀ δ_a,  ∂L/∂W_h += h_{t−1}ᵀ δ_a,  ∂L/∂b += Σᵢ (δ_a)ᵢ
///     ∂L/∂x_t = δ_a W_xᵀ,    ∂L/∂h_{t−1} = δ_a W_hᵀ
///
/// The state is s = [h | c], 2H columns. `parameters` is `[W_x, W_h, b]`,
/// W_x F x 4H, W_h H x 4H, b 1 x 4H. The forget-gate bias starts at 1 (Jozefowicz
/// et al. 2015, Keras' `unit_forget_bias`): f = σ(1) ≈ 0.73 instead of σ(0) = ½,
/// so at the start the cell keeps most of c_{t−1} and the gradient along the
/// cell path shrinks by ≈ 0.73 per step instead of 0.5.
public struct LSTMCell: RecurrentCell {
    public static let kind = LayerKind.lstm
    public static let name = "LSTM"

    /// W_x, F x 4H (blocks i, f, g, o).
    public var inputWeights: Matrix
    /// W_h, H x 4H.
    public var recurrentWeights: Matrix
    /// b, 1 x 4H.
    public var bias: Matrix

    /// A cell with the given weights; stops with a shape error when they do not fit.
    public init(inputWeights: Matrix, recurrentWeights: Matrix, bias: Matrix) {
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.bias = bias
        requireShape(shapeProblem == nil, ShapeError("LSTMCell", shapeProblem ?? ""))
    }

    public var shapeProblem: String? {
        blockedWeightsShapeProblem(
            inputWeights: inputWeights, recurrentWeights: recurrentWeights, bias: bias, blocks: 4)
    }

    /// F → H, weights Xavier uniform, b = 0 except the forget block, b_f = 1.
    public init(inputs: Int, hidden: Int, generator: inout SeededGenerator) {
        var bias = Matrix(rows: 1, columns: 4 * hidden)
        for j in hidden..<(2 * hidden) { bias[0, j] = 1 }
        self.init(
            inputWeights: WeightInitializer.xavierUniform.matrix(fanIn: inputs, fanOut: 4 * hidden, using: &generator),
            recurrentWeights: WeightInitializer.xavierUniform.matrix(
                fanIn: hidden, fanOut: 4 * hidden, using: &generator),
            bias: bias)
    }

    public var inputSize: Int { inputWeights.rows }
    public var hiddenSize: Int { recurrentWeights.rows }
    public var stateSize: Int { 2 * hiddenSize }

    /// `[W_x, W_h, b]`.
    public var parameters: [Matrix] {
        get { [inputWeights, recurrentWeights, bias] }
        set {
            requireSameShapes(newValue, as: parameters, layer: "LSTMCell")
            (inputWeights, recurrentWeights, bias) = (newValue[0], newValue[1], newValue[2])
        }
    }

    public var weightDecayMask: [Bool] { [true, true, false] }

    /// What the backward step reads: inputs, previous state, gates, tanh(c_t).
    public struct StepCache: Sendable {
        let input: Matrix, previousHidden: Matrix, previousCell: Matrix
        let inputGate: Matrix, forgetGate: Matrix, candidate: Matrix, outputGate: Matrix, cellTanh: Matrix
    }

    /// [h_t | c_t] from x_t and [h_{t−1} | c_{t−1}].
    public func step(_ input: Matrix, state: Matrix) -> (state: Matrix, cache: StepCache) {
        let h = hiddenSize
        let previousHidden = state.columnBlock(from: 0, count: h)
        let previousCell = state.columnBlock(from: h, count: h)
        let a = input * inputWeights + previousHidden * recurrentWeights + bias
        let i = logisticEntries(a.columnBlock(from: 0, count: h))
        let f = logisticEntries(a.columnBlock(from: h, count: h))
        let g = tanhEntries(a.columnBlock(from: 2 * h, count: h))
        let o = logisticEntries(a.columnBlock(from: 3 * h, count: h))
        let cell = f .* previousCell + i .* g
        let cellTanh = tanhEntries(cell)
        let hidden = o .* cellTanh
        return (
            Matrix.sideBySide([hidden, cell]),
            StepCache(
                input: input, previousHidden: previousHidden, previousCell: previousCell,
                inputGate: i, forgetGate: f, candidate: g, outputGate: o, cellTanh: cellTanh)
        )
    }

    /// The rules above; returns (∂L/∂x_t, [∂L/∂h_{t−1} | ∂L/∂c_{t−1}]).
    public func backwardStep(
        _ stateGradient: Matrix, cache: StepCache,
        gradients: inout [Matrix]
    ) -> (input: Matrix, state: Matrix) {
        let h = hiddenSize
        let hiddenGradient = stateGradient.columnBlock(from: 0, count: h)
        let (i, f, g, o) = (cache.inputGate, cache.forgetGate, cache.candidate, cache.outputGate)
        let outputGateGradient = hiddenGradient .* cache.cellTanh
        let cellGradient =
            stateGradient.columnBlock(from: h, count: h)
            + hiddenGradient .* o .* cache.cellTanh.map { 1 - $0 * $0 }
        let a = Matrix.sideBySide([
            cellGradient .* g .* i .* i.map { 1 - $0 },
            cellGradient .* cache.previousCell .* f .* f.map { 1 - $0 },
            cellGradient .* i .* g.map { 1 - $0 * $0 },
            outputGateGradient .* o .* o.map { 1 - $0 }
        ])
        gradients[0] += cache.input.transposedTimes(a)
        gradients[1] += cache.previousHidden.transposedTimes(a)
        gradients[2] += a.sum(along: .rows)
        let previous = Matrix.sideBySide([a.timesTransposed(recurrentWeights), cellGradient .* f])
        return (a.timesTransposed(inputWeights), previous)
    }
}
