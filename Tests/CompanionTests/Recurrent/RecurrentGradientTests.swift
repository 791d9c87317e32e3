import DLMath
import Foundation
import Testing

/// The three cells, F = 3 inputs, H = 2 hidden (non-square W_x), seeded.
func sampleCells(seed: UInt64) -> (rnn: RNNCell, lstm: LSTMCell, gru: GRUCell) {
    var generator = SeededGenerator(seed: seed)
    var rnn = RNNCell(inputs: 3, hidden: 2, generator: &generator)
    var lstm = LSTMCell(inputs: 3, hidden: 2, generator: &generator)
    var gru = GRUCell(inputs: 3, hidden: 2, generator: &generator)
    // Non-zero biases, so that no bias gradient is checked only at b = 0.
    rnn.parameters[2] = generator.normalMatrix(rows: 1, columns: 2, standardDeviation: 0.3)
    lstm.parameters[2] = lstm.parameters[2] + generator.normalMatrix(rows: 1, columns: 8, standardDeviation: 0.3)
    gru.parameters[3] = generator.normalMatrix(rows: 1, columns: 6, standardDeviation: 0.3)
    return (rnn, lstm, gru)
}

@Suite("Recurrent gradients")
struct RecurrentGradientTests {
    /// Every result of a layer's gradient check on m = 2 sequences of `steps` steps.
    func checks(_ layer: some Layer, steps: Int, outputs: Int, seed: UInt64) -> [GradientCheckResult] {
        var generator = SeededGenerator(seed: seed)
        let input = generator.normalMatrix(rows: 2, columns: steps * 3)
        let target = generator.normalMatrix(rows: 2, columns: outputs)
        return layerGradientChecks(
            layer, input: input, loss: { halfSquaredError($0, target) },
            lossGradient: { $0 - target }, tolerance: 1e-7)
    }

    func expectPasses(_ results: [GradientCheckResult]) {
        for result in results { #expect(result.passed, "\(result)") }
    }

    @Test("one step: RNN, LSTM and GRU pass at 1e-7", arguments: [false, true])
    func oneStep(_ sequences: Bool) {
        let cells = sampleCells(seed: 1)
        expectPasses(checks(Recurrent(cells.rnn, returnSequences: sequences), steps: 1, outputs: 2, seed: 2))
        expectPasses(checks(Recurrent(cells.lstm, returnSequences: sequences), steps: 1, outputs: 2, seed: 3))
        expectPasses(checks(Recurrent(cells.gru, returnSequences: sequences), steps: 1, outputs: 2, seed: 4))
    }

    @Test("a whole unrolled sequence (T = 5): full BPTT passes at 1e-7", arguments: [false, true])
    func unrolled(_ sequences: Bool) {
        let cells = sampleCells(seed: 5)
        let outputs = sequences ? 10 : 2
        expectPasses(checks(Recurrent(cells.rnn, returnSequences: sequences), steps: 5, outputs: outputs, seed: 6))
        expectPasses(checks(Recurrent(cells.lstm, returnSequences: sequences), steps: 5, outputs: outputs, seed: 7))
        expectPasses(checks(Recurrent(cells.gru, returnSequences: sequences), steps: 5, outputs: outputs, seed: 8))
    }

    /// ∂L/∂s_0 against central differences on s_0 (L = ½‖h_T − t‖²).
    func checkInitialState<Cell: RecurrentCell>(_ cell: Cell, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let input = generator.normalMatrix(rows: 2, columns: 4 * 3)
        let target = generator.normalMatrix(rows: 2, columns: 2)
        let start = generator.normalMatrix(rows: 2, columns: cell.stateSize, standardDeviation: 0.5)
        var layer = Recurrent(cell)
        layer.initialState = start
        _ = layer.backward(layer.forward(input) - target)
        let result = gradientCheck(
            layer.initialStateGradient,
            of: { s in
                var copy = Recurrent(cell)
                copy.initialState = s
                return halfSquaredError(copy.forward(input), target)
            }, at: start, name: "\(Cell.name) ∂L/∂s_0", tolerance: 1e-7)
        #expect(result.passed, "\(result)")
    }

    @Test("the gradient with respect to the initial state h_0 (and c_0)")
    func initialState() {
        let cells = sampleCells(seed: 9)
        checkInitialState(cells.rnn, seed: 10)
        checkInitialState(cells.lstm, seed: 11)
        checkInitialState(cells.gru, seed: 12)
    }

    /// The parameter and input gradients of a truncated layer.
    func gradients<Cell: RecurrentCell>(_ cell: Cell, truncation: Int?, input: Matrix, target: Matrix) -> [Matrix] {
        var layer = Recurrent(cell, returnSequences: true, truncation: truncation)
        let inputGradient = layer.backward(layer.forward(input) - target)
        return layer.parameterGradients + [inputGradient, layer.initialStateGradient]
    }

    @Test("truncated BPTT equals full BPTT when k ≥ T, and differs when k < T")
    func truncation() {
        let cells = sampleCells(seed: 13)
        var generator = SeededGenerator(seed: 14)
        let input = generator.normalMatrix(rows: 2, columns: 6 * 3)
        let target = generator.normalMatrix(rows: 2, columns: 6 * 2)
        for truncated in [cells.rnn.self as any RecurrentCell, cells.lstm, cells.gru] {
            func compare<Cell: RecurrentCell>(_ cell: Cell) {
                let full = gradients(cell, truncation: nil, input: input, target: target)
                #expect(gradients(cell, truncation: 6, input: input, target: target) == full)
                #expect(gradients(cell, truncation: 50, input: input, target: target) == full)
                let cut = gradients(cell, truncation: 2, input: input, target: target)
                #expect(cut != full)
                // With k = 2 nothing reaches s_0 from steps 2…5, but step 0 and 1 still do.
                #expect(cut.last!.elements.contains { $0 != 0 })
            }
            compare(truncated)
        }
    }
}
