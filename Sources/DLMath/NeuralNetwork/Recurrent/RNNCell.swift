import Foundation

/// The plain (Elman) recurrent cell: h_t = tanh(x_t W_x + h_{t−1} W_h + b).
///
/// Row-vector layout, as `Dense`: x_t is m x F, h is m x H, W_x is F x H,
/// W_h is H x H, b is 1 x H. Many texts write the column-vector form
/// h_t = tanh(W_x′ x_t + W_h′ h_{t−1} + b); it is the transpose of this one,
/// with W_x′ = W_xᵀ and W_h′ = W_hᵀ.
///
/// Backward, for δ_h = ∂L/∂h_t and a = x_t W_x + h_{t−1} W_h + b:
///
///     δ_a = δ_h ⊙ (1 − h_t²)               (tanh′ = 1 − tanh²)
///     ∂L/∂W_x += x_tᵀ δ_a,   ∂L/∂W_h += h_{t−1}ᵀ δ_a,   ∂L/∂b += Σᵢ (δ_a)ᵢ
///     ∂L/∂x_t = δ_a W_xᵀ,     ∂L/∂h_{t−1} = δ_a W_hᵀ
///
/// so ∂h_t/∂h_{t−1} is the Jacobian W_hᵀ diag(1 − h_t²) in column form, the
/// factor whose product over steps vanishes or explodes.
///
/// `parameters` is `[W_x, W_h, b]`.
public struct RNNCell: RecurrentCell {
    public static let kind = LayerKind.rnn
    public static let name = "RNN"

    /// W_x, F x H.
    public var inputWeights: Matrix
    /// W_h, H x H.
    public var recurrentWeights: Matrix
    /// b, 1 x H.
    public var bias: Matrix

    /// A cell with the given weights; stops with a shape error when they do not fit.
    public init(inputWeights: Matrix, recurrentWeights: Matrix, bias: Matrix) {
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.bias = bias
        requireShape(shapeProblem == nil, ShapeError("RNNCell", shapeProblem ?? ""))
    }

    public var shapeProblem: String? {
        blockedWeightsShapeProblem(
            inputWeights: inputWeights, recurrentWeights: recurrentWeights, bias: bias, blocks: 1)
    }

    /// F → H, W_x Xavier uniform, W_h drawn the same way, b = 0.
    public init(inputs: Int, hidden: Int, generator: inout SeededGenerator) {
        self.init(
            inputWeights: WeightInitializer.xavierUniform.matrix(fanIn: inputs, fanOut: hidden, using: &generator),
            recurrentWeights: WeightInitializer.xavierUniform.matrix(fanIn: hidden, fanOut: hidden, using: &generator),
            bias: Matrix(rows: 1, columns: hidden))
    }

    public var inputSize: Int { inputWeights.rows }
    public var hiddenSize: Int { recurrentWeights.rows }
    public var stateSize: Int { hiddenSize }

    /// `[W_x, W_h, b]`.
    public var parameters: [Matrix] {
        get { [inputWeights, recurrentWeights, bias] }
        set {
            requireSameShapes(newValue, as: parameters, layer: "RNNCell")
            (inputWeights, recurrentWeights, bias) = (newValue[0], newValue[1], newValue[2])
        }
    }

    public var weightDecayMask: [Bool] { [true, true, false] }

    /// x_t, h_{t−1} and h_t.
    public struct StepCache: Sendable {
        let input: Matrix, previous: Matrix, hidden: Matrix
    }

    /// h_t = tanh(x_t W_x + h_{t−1} W_h + b): the two products, then one pass that adds
    /// them and adds b, entry by entry in that order, then tanh in place (`LibraryTanh`:
    /// the C library's values, eight at a time).
    public func step(_ input: Matrix, state: Matrix) -> (state: Matrix, cache: StepCache) {
        let fromInput = input * inputWeights, fromState = state * recurrentWeights
        let columns = fromInput.columns, count = fromInput.count
        var elements = [Double](unsafeUninitializedCapacity: count) { preactivation, initialised in
            fromInput.elements.withUnsafeBufferPointer { a in
                fromState.elements.withUnsafeBufferPointer { b in
                    bias.elements.withUnsafeBufferPointer { offset in
                        var index = 0
                        for _ in 0..<fromInput.rows {
                            for j in 0..<columns {
                                preactivation.initializeElement(at: index, to: a[index] + b[index] + offset[j])
                                index += 1
                            }
                        }
                    }
                }
            }
            initialised = count
        }
        LibraryTanh.applyInPlace(&elements)
        let hidden = Matrix(rows: fromInput.rows, columns: columns, elements: elements)
        return (hidden, StepCache(input: input, previous: state, hidden: hidden))
    }

    /// δ_a = δ_h ⊙ (1 − h_t²), in one pass.
    private func preactivationGradient(_ stateGradient: Matrix, hidden: Matrix) -> Matrix {
        let count = hidden.count
        let elements = [Double](unsafeUninitializedCapacity: count) { gradient, initialised in
            stateGradient.elements.withUnsafeBufferPointer { g in
                hidden.elements.withUnsafeBufferPointer { h in
                    for index in 0..<count {
                        gradient.initializeElement(at: index, to: g[index] * (1 - h[index] * h[index]))
                    }
                }
            }
            initialised = count
        }
        return Matrix(rows: hidden.rows, columns: hidden.columns, elements: elements)
    }

    /// Adds x_tᵀ δ_a, h_{t−1}ᵀ δ_a and Σᵢ (δ_a)ᵢ to the gradients; returns δ_a.
    private func addParameterGradients(
        _ stateGradient: Matrix, cache: StepCache, gradients: inout [Matrix]
    ) -> Matrix {
        requireShape(
            stateGradient.rows == cache.hidden.rows && stateGradient.columns == cache.hidden.columns,
            ShapeError(
                "RNNCell.backwardStep",
                "gradient \(stateGradient.shapeDescription), expected \(cache.hidden.shapeDescription)"))
        let preactivation = preactivationGradient(stateGradient, hidden: cache.hidden)
        gradients[0] += cache.input.transposedTimes(preactivation)
        gradients[1] += cache.previous.transposedTimes(preactivation)
        gradients[2] += preactivation.sum(along: .rows)
        return preactivation
    }

    /// δ_a = δ_h ⊙ (1 − h_t²); returns (δ_a W_xᵀ, δ_a W_hᵀ).
    public func backwardStep(
        _ stateGradient: Matrix, cache: StepCache,
        gradients: inout [Matrix]
    ) -> (input: Matrix, state: Matrix) {
        let preactivation = addParameterGradients(stateGradient, cache: cache, gradients: &gradients)
        return (preactivation.timesTransposed(inputWeights), preactivation.timesTransposed(recurrentWeights))
    }

    /// The same without δ_a W_xᵀ: returns δ_a W_hᵀ only.
    public func backwardStepToParameters(_ stateGradient: Matrix, cache: StepCache, gradients: inout [Matrix]) -> Matrix
    {
        addParameterGradients(stateGradient, cache: cache, gradients: &gradients).timesTransposed(recurrentWeights)
    }
}
