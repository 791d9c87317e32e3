import Foundation

/// The gated recurrent unit (Cho et al. 2014), row-vector layout.
///
///     z = σ(x_t W_xz + h_{t−1} U_z + b_z)          update gate
///     r = σ(x_t W_xr + h_{t−1} U_r + b_r)          reset gate
///     n = tanh(x_t W_xn + (r ⊙ h_{t−1}) U_n + b_n)  candidate
///     h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
///
/// (Keras' `reset_after=False` form and PyTorch's update rule; PyTorch applies
/// r after the product, r ⊙ (h_{t−1} U_n + b_hn), a slightly different cell.)
///
/// Backward, for δ = ∂L/∂h_t:
///
///     δ_n = δ ⊙ (1 − z) ⊙ (1 − n²),   δ_z = δ ⊙ (h_{t−1} − n) ⊙ z(1 − z)
///     δ_s = δ_n U_nᵀ  (s = r ⊙ h_{t−1}),  δ_r = δ_s ⊙ h_{t−1} ⊙ r(1 − r)
///     ∂L/∂h_{t−1} = δ ⊙ z + δ_s ⊙ r + [δ_z | δ_r] U_zrᵀ
///     ∂L/∂W_x += x_tᵀ [δ_z | δ_r | δ_n],  ∂L/∂U_zr += h_{t−1}ᵀ [δ_z | δ_r],
///     ∂L/∂U_n += sᵀ δ_n,  ∂L/∂b += Σᵢ [δ_z | δ_r | δ_n]ᵢ,  ∂L/∂x_t = [δ_z | δ_r | δ_n] W_xᵀ
///
/// `parameters` is `[W_x, U_zr, U_n, b]`: W_x F x 3H (blocks z, r, n),
/// U_zr H x 2H (blocks z, r), U_n H x H, b 1 x 3H. The state is h, H columns.
public struct GRUCell: RecurrentCell {
    public static let kind = LayerKind.gru
    public static let name = "GRU"

    /// W_x, F x 3H.
    public var inputWeights: Matrix
    /// U_zr = [U_z | U_r], H x 2H.
    public var gateWeights: Matrix
    /// U_n, H x H.
    public var candidateWeights: Matrix
    /// b, 1 x 3H.
    public var bias: Matrix

    /// A cell with the given weights; stops with a shape error when they do not fit.
    public init(inputWeights: Matrix, gateWeights: Matrix, candidateWeights: Matrix, bias: Matrix) {
        self.inputWeights = inputWeights
        self.gateWeights = gateWeights
        self.candidateWeights = candidateWeights
        self.bias = bias
        requireShape(shapeProblem == nil, ShapeError("GRUCell", shapeProblem ?? ""))
    }

    public var shapeProblem: String? {
        let h = candidateWeights.rows
        if candidateWeights.columns == h && gateWeights.rows == h && gateWeights.columns == 2 * h
            && inputWeights.columns == 3 * h && bias.rows == 1 && bias.columns == 3 * h
        {
            return nil
        }
        return
            "W_x \(inputWeights.shapeDescription), U_zr \(gateWeights.shapeDescription), U_n \(candidateWeights.shapeDescription), b \(bias.shapeDescription) do not fit (need Fx3H, Hx2H, HxH, 1x3H)"
    }

    /// F → H, weights Xavier uniform, b = 0.
    public init(inputs: Int, hidden: Int, generator: inout SeededGenerator) {
        self.init(
            inputWeights: WeightInitializer.xavierUniform.matrix(fanIn: inputs, fanOut: 3 * hidden, using: &generator),
            gateWeights: WeightInitializer.xavierUniform.matrix(fanIn: hidden, fanOut: 2 * hidden, using: &generator),
            candidateWeights: WeightInitializer.xavierUniform.matrix(fanIn: hidden, fanOut: hidden, using: &generator),
            bias: Matrix(rows: 1, columns: 3 * hidden))
    }

    public var inputSize: Int { inputWeights.rows }
    public var hiddenSize: Int { candidateWeights.rows }
    public var stateSize: Int { hiddenSize }

    /// `[W_x, U_zr, U_n, b]`.
    public var parameters: [Matrix] {
        get { [inputWeights, gateWeights, candidateWeights, bias] }
        set {
            requireSameShapes(newValue, as: parameters, layer: "GRUCell")
            (inputWeights, gateWeights, candidateWeights, bias) = (newValue[0], newValue[1], newValue[2], newValue[3])
        }
    }

    public var weightDecayMask: [Bool] { [true, true, true, false] }

    /// x_t, h_{t−1}, the gates, r ⊙ h_{t−1} and n.
    public struct StepCache: Sendable {
        let input: Matrix, previous: Matrix, update: Matrix, reset: Matrix, resetPrevious: Matrix, candidate: Matrix
    }

    /// h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
    public func step(_ input: Matrix, state: Matrix) -> (state: Matrix, cache: StepCache) {
        let h = hiddenSize
        let inputPart = input * inputWeights + bias
        let gates = logisticEntries(inputPart.columnBlock(from: 0, count: 2 * h) + state * gateWeights)
        let z = gates.columnBlock(from: 0, count: h), r = gates.columnBlock(from: h, count: h)
        let resetPrevious = r .* state
        let n = tanhEntries(inputPart.columnBlock(from: 2 * h, count: h) + resetPrevious * candidateWeights)
        let hidden = z.map { 1 - $0 } .* n + z .* state
        return (
            hidden,
            StepCache(input: input, previous: state, update: z, reset: r, resetPrevious: resetPrevious, candidate: n)
        )
    }

    /// The rules above; returns (∂L/∂x_t, ∂L/∂h_{t−1}).
    public func backwardStep(
        _ stateGradient: Matrix, cache: StepCache,
        gradients: inout [Matrix]
    ) -> (input: Matrix, state: Matrix) {
        let (z, r, n, previous) = (cache.update, cache.reset, cache.candidate, cache.previous)
        let candidateGradient = stateGradient .* z.map { 1 - $0 } .* n.map { 1 - $0 * $0 }
        let updateGradient = stateGradient .* (previous - n) .* z .* z.map { 1 - $0 }
        let resetPreviousGradient = candidateGradient.timesTransposed(candidateWeights)
        let resetGradient = resetPreviousGradient .* previous .* r .* r.map { 1 - $0 }
        let gateGradient = Matrix.sideBySide([updateGradient, resetGradient])
        let all = Matrix.sideBySide([gateGradient, candidateGradient])
        gradients[0] += cache.input.transposedTimes(all)
        gradients[1] += previous.transposedTimes(gateGradient)
        gradients[2] += cache.resetPrevious.transposedTimes(candidateGradient)
        gradients[3] += all.sum(along: .rows)
        let previousGradient =
            stateGradient .* z + resetPreviousGradient .* r + gateGradient.timesTransposed(gateWeights)
        return (all.timesTransposed(inputWeights), previousGradient)
    }
}
