import Foundation

/// One step of a recurrent network: (x_t, s_{t−1}) ↦ s_t, with its backward rule.
///
/// The state s is one m x `stateSize` matrix per batch (one example per row):
/// s = h for the plain RNN and the GRU (H columns), s = [h | c] for the LSTM
/// (2H columns, the hidden state then the cell state). The output of a step is
/// h_t, the first H columns of s_t.
///
/// `backwardStep` takes ∂L/∂s_t (all of it: what reaches h_t from the output
/// and from step t+1, and for the LSTM what reaches c_t from step t+1), adds
/// this step's ∂L/∂θ into `gradients` (in the order of `parameters`) and returns
/// ∂L/∂x_t and ∂L/∂s_{t−1}: one step of backpropagation through time.
public protocol RecurrentCell: Sendable, Codable, Equatable {
    /// What `backwardStep` needs from its forward step.
    associatedtype StepCache: Sendable

    /// The tag of the unrolled layer `Recurrent<Self>`.
    static var kind: LayerKind { get }
    /// `RNN`, `LSTM`, `GRU`.
    static var name: String { get }

    /// F, the features of one input step.
    var inputSize: Int { get }
    /// H, the width of h.
    var hiddenSize: Int { get }
    /// The columns of the state: H, or 2H for the LSTM.
    var stateSize: Int { get }

    /// The trainable matrices, in the cell's documented order.
    var parameters: [Matrix] { get set }
    /// Why the weights do not fit together (nil when they do): checked on init and on decoding.
    var shapeProblem: String? { get }
    /// Which parameters L2 decay applies to (weights yes, biases no).
    var weightDecayMask: [Bool] { get }

    /// s_t from x_t (m x F) and s_{t−1} (m x stateSize).
    func step(_ input: Matrix, state: Matrix) -> (state: Matrix, cache: StepCache)

    /// Adds ∂L/∂θ of this step into `gradients`; returns (∂L/∂x_t, ∂L/∂s_{t−1}).
    func backwardStep(
        _ stateGradient: Matrix, cache: StepCache,
        gradients: inout [Matrix]
    ) -> (input: Matrix, state: Matrix)

    /// The same step without ∂L/∂x_t: adds ∂L/∂θ into `gradients` and returns
    /// ∂L/∂s_{t−1} only (the step of `Recurrent.backwardToParameters`, which
    /// `Trainer` calls). The parameter gradients and ∂L/∂s_{t−1} are those of
    /// `backwardStep`, to the bit. The default calls `backwardStep` and drops ∂L/∂x_t.
    func backwardStepToParameters(_ stateGradient: Matrix, cache: StepCache, gradients: inout [Matrix]) -> Matrix
}

extension RecurrentCell {
    /// `backwardStep`'s ∂L/∂s_{t−1}; its ∂L/∂x_t is computed and dropped.
    public func backwardStepToParameters(_ stateGradient: Matrix, cache: StepCache, gradients: inout [Matrix]) -> Matrix
    {
        backwardStep(stateGradient, cache: cache, gradients: &gradients).state
    }

    /// Zeros shaped like `parameters`, for accumulating gradients over steps.
    func zeroGradients() -> [Matrix] {
        parameters.map { Matrix(rows: $0.rows, columns: $0.columns) }
    }
}

/// σ(z) entry-wise, the stable logistic of chapter 5.
func logisticEntries(_ z: Matrix) -> Matrix { z.map(logistic) }

/// tanh(z) entry-wise: the C library's values (`LibraryTanh`, eight at a time).
func tanhEntries(_ z: Matrix) -> Matrix {
    var elements = z.elements
    LibraryTanh.applyInPlace(&elements)
    return Matrix(rows: z.rows, columns: z.columns, elements: elements)
}

/// The shape rule of a cell with `blocks` gate blocks side by side (1 for the
/// plain RNN, 4 for the LSTM): W_x F x kH, W_h H x kH, b 1 x kH. Nil when the
/// weights fit, else the one-line problem naming all three shapes.
func blockedWeightsShapeProblem(inputWeights: Matrix, recurrentWeights: Matrix, bias: Matrix, blocks: Int) -> String? {
    let h = recurrentWeights.rows, width = blocks * h
    if recurrentWeights.columns == width && inputWeights.columns == width && bias.rows == 1 && bias.columns == width {
        return nil
    }
    let k = blocks == 1 ? "" : "\(blocks)"
    return "W_x \(inputWeights.shapeDescription), W_h \(recurrentWeights.shapeDescription), b \(bias.shapeDescription) "
        + "do not fit (need Fx\(k)H, Hx\(k)H, 1x\(k)H)"
}
