/// A recurrent cell unrolled over the T steps of a sequence batch, with
/// backpropagation through time (BPTT), full or truncated.
///
/// Input: m x (T·F) in the `SequenceLayout` (column t·F + f is feature f of
/// step t). Output: h_T (m x H), or with `returnSequences` every h_t,
/// m x (T·H) in the same layout. T is read from the input's width, so one
/// layer takes sequences of any length.
///
/// Forward: s_0 = `initialState` (zeros when nil), s_t = cell(x_t, s_{t−1}).
/// Backward (BPTT, chapter 8's chain rule on the unrolled graph): from
/// t = T down to 1, ∂L/∂s_t = (∂L/∂h_t from the output) + (∂L/∂s_t from step
/// t+1); each step adds its ∂L/∂θ, so ∂L/∂θ = Σ_t (step t's share), and
/// what reaches s_0 is `initialStateGradient`.
///
/// Truncated BPTT with k steps (`truncation = k`): the sequence is cut into
/// chunks of k steps (0..<k, k..<2k, …) and no gradient crosses a cut; the
/// forward pass is unchanged. With k ≥ T it is full BPTT.
///
/// `parameters` are the cell's (`RNNCell`: [W_x, W_h, b], …).
public struct Recurrent<Cell: RecurrentCell>: Layer {
    public static var kind: LayerKind { Cell.kind }

    /// The cell, shared by every step.
    public private(set) var cell: Cell
    /// True: output every h_t (m x T·H); false: h_T only (m x H).
    public var returnSequences: Bool
    /// k for truncated BPTT; nil for full BPTT.
    public var truncation: Int?
    /// s_0, 1 x stateSize (every row) or m x stateSize; nil for zeros.
    public var initialState: Matrix?
    /// ∂L/∂s_0 from the last backward (m x stateSize).
    public private(set) var initialStateGradient: Matrix
    /// ∂L/∂θ from the last backward.
    public private(set) var parameterGradients: [Matrix]
    /// The per-step caches of the last forward and its input's shape.
    private var caches: [Cell.StepCache] = []
    private var lastInputShape: (rows: Int, columns: Int)?

    /// Unrolls `cell`; full BPTT unless `truncation` is given.
    public init(_ cell: Cell, returnSequences: Bool = false, truncation: Int? = nil) {
        requireShape(
            truncation.map { $0 >= 1 } ?? true,
            ShapeError("Recurrent", "truncation must be at least 1 step, got \(truncation ?? 0)"))
        self.cell = cell
        self.returnSequences = returnSequences
        self.truncation = truncation
        self.initialStateGradient = Matrix(rows: 1, columns: cell.stateSize)
        self.parameterGradients = cell.zeroGradients()
    }

    /// The state s_0 for an m-row batch.
    private func startState(rows: Int) -> Matrix {
        guard let given = initialState else { return Matrix(rows: rows, columns: cell.stateSize) }
        requireShape(
            given.columns == cell.stateSize && (given.rows == 1 || given.rows == rows),
            ShapeError(
                "\(description).initialState",
                "\(given.shapeDescription), expected 1x\(cell.stateSize) or \(rows)x\(cell.stateSize)"))
        return given.rows == rows ? given : Matrix(rows: rows, columns: cell.stateSize) + given
    }

    /// Every state s_1 … s_T of `input` (no caching): the states an inference run visits.
    public func states(_ input: Matrix) -> [Matrix] {
        let layout = SequenceLayout.reading(input, features: cell.inputSize, operation: "\(description).forward")
        var state = startState(rows: input.rows)
        var states: [Matrix] = []
        for t in 0..<layout.steps {
            state = cell.step(layout.step(t, of: input), state: state).state
            states.append(state)
        }
        return states
    }

    /// h_T, or every h_t with `returnSequences`; remembers each step for backward.
    public mutating func forward(_ input: Matrix) -> Matrix {
        let layout = SequenceLayout.reading(input, features: cell.inputSize, operation: "\(description).forward")
        let h = cell.hiddenSize
        var state = startState(rows: input.rows)
        caches = []
        caches.reserveCapacity(layout.steps)
        var output = Matrix(rows: input.rows, columns: returnSequences ? layout.steps * h : h)
        for t in 0..<layout.steps {
            let result = cell.step(layout.step(t, of: input), state: state)
            state = result.state
            caches.append(result.cache)
            if returnSequences { output.setColumnBlock(from: t * h, state.columnBlock(from: 0, count: h)) }
        }
        if !returnSequences { output = state.columnBlock(from: 0, count: h) }
        lastInputShape = (input.rows, input.columns)
        return output
    }

    /// BPTT: stores ∂L/∂θ and ∂L/∂s_0; returns ∂L/∂input (m x T·F).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        backpropagate(outputGradient, inputGradient: true) ?? Matrix(rows: 0, columns: 0)
    }

    /// BPTT without ∂L/∂input: stores the same ∂L/∂θ and ∂L/∂s_0 as `backward`,
    /// skipping each step's ∂L/∂x_t (`RecurrentCell.backwardStepToParameters`).
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        _ = backpropagate(outputGradient, inputGradient: false)
    }

    /// The BPTT loop of `backward`; ∂L/∂input when `inputGradient`, else nil.
    private mutating func backpropagate(_ outputGradient: Matrix, inputGradient wanted: Bool) -> Matrix? {
        guard let shape = lastInputShape else { preconditionFailure("\(description).backward called before forward") }
        let (h, steps, features) = (cell.hiddenSize, caches.count, cell.inputSize)
        let expected = returnSequences ? steps * h : h
        requireShape(
            outputGradient.rows == shape.rows && outputGradient.columns == expected,
            ShapeError(
                "\(description).backward",
                "gradient \(outputGradient.shapeDescription), expected \(shape.rows)x\(expected)"))
        var gradients = cell.zeroGradients()
        var inputGradient = wanted ? Matrix(rows: shape.rows, columns: shape.columns) : nil
        var stateGradient = Matrix(rows: shape.rows, columns: cell.stateSize)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            if returnSequences {
                stateGradient.setColumnBlock(
                    from: 0,
                    stateGradient.columnBlock(from: 0, count: h)
                        + outputGradient.columnBlock(from: t * h, count: h))
            } else if t == steps - 1 {
                stateGradient.setColumnBlock(from: 0, outputGradient)
            }
            if inputGradient != nil {
                let result = cell.backwardStep(stateGradient, cache: caches[t], gradients: &gradients)
                inputGradient!.setColumnBlock(from: t * features, result.input)
                stateGradient = result.state
            } else {
                stateGradient = cell.backwardStepToParameters(stateGradient, cache: caches[t], gradients: &gradients)
            }
            if let k = truncation, t > 0, t % k == 0 {
                // The cut: nothing crosses into step t−1.
                stateGradient = Matrix(rows: shape.rows, columns: cell.stateSize)
            }
        }
        initialStateGradient = stateGradient
        parameterGradients = gradients
        return inputGradient
    }

    /// The cell's parameters.
    public var parameters: [Matrix] {
        get { cell.parameters }
        set { cell.parameters = newValue }
    }

    public var weightDecayMask: [Bool] { cell.weightDecayMask }

    /// m x (T·F) → H, or T·H with `returnSequences` (T·H for T = columns / F).
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        let f = cell.inputSize
        guard inputColumns > 0 && inputColumns % f == 0 else {
            throw ShapeError(description, "takes T·\(f) input columns (T steps of \(f) features), got \(inputColumns)")
        }
        return returnSequences ? inputColumns / f * cell.hiddenSize : cell.hiddenSize
    }

    /// `LSTM(3 → 8)`, with `, sequences` and `, truncated k`.
    public var description: String {
        var text = "\(Cell.name)(\(cell.inputSize) → \(cell.hiddenSize)"
        if returnSequences { text += ", sequences" }
        if let k = truncation { text += ", truncated \(k)" }
        return text + ")"
    }

    // Codable: the cell and the configuration (not the caches, gradients or initial state).
    private enum CodingKeys: String, CodingKey {
        case cell, returnSequences, truncation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let truncation = try container.decodeIfPresent(Int.self, forKey: .truncation)
        if let k = truncation, k < 1 {
            throw DecodingError.dataCorruptedError(
                forKey: .truncation, in: container, debugDescription: "\(Cell.name): truncation \(k) is below 1")
        }
        let cell = try container.decode(Cell.self, forKey: .cell)
        if let problem = cell.shapeProblem {
            throw DecodingError.dataCorruptedError(
                forKey: .cell, in: container, debugDescription: "\(Cell.name): \(problem)")
        }
        self.init(
            cell,
            returnSequences: try container.decode(Bool.self, forKey: .returnSequences), truncation: truncation)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cell, forKey: .cell)
        try container.encode(returnSequences, forKey: .returnSequences)
        try container.encodeIfPresent(truncation, forKey: .truncation)
    }
}
