import DLMath
import Foundation
import Testing

@Suite("Vanishing and exploding gradients")
struct VanishingGradientTests {
    @Test("largest singular value by hand")
    func singularValue() {
        // [[3, 0], [0, 1]] rotated by 90°: [[0, −1], [3, 0]] has singular values 3 and 1.
        expectClose(largestSingularValue([[0, -1], [3, 0]]), 3, absolute: 1e-12)
        // A 2x3 of rank 1, u vᵀ with ‖u‖ = √5, ‖v‖ = 3: σ_max = 3√5.
        expectClose(largestSingularValue([[1, 2, 2], [2, 4, 4]]), 3 * 5.0.squareRoot(), absolute: 1e-12)
    }

    @Test("∂h_1/∂h_0 against central differences, and ‖∂h_T/∂h_0‖₂ ≤ σ_max(W_h)^T", arguments: [0.5, 1.0, 2.0])
    func jacobianBound(_ scale: Double) {
        var generator = SeededGenerator(seed: 6)
        let base = RNNCell(inputs: 2, hidden: 4, generator: &generator)
        let sigma = largestSingularValue(base.recurrentWeights)
        let cell = RNNCell(
            inputWeights: base.inputWeights, recurrentWeights: base.recurrentWeights * (scale / sigma), bias: base.bias)
        let input = generator.normalMatrix(rows: 1, columns: 2 * 12)
        let start = generator.normalMatrix(rows: 1, columns: 4, standardDeviation: 0.3)
        let jacobians = hiddenStateJacobians(cell, input: input, initialState: start)
        // Column k of ∂h_1/∂h_0 by central differences on h_0,k.
        for k in 0..<4 {
            var plus = start, minus = start
            plus[0, k] += 1e-6
            minus[0, k] -= 1e-6
            let first = Matrix(row: Array(input.row(0)[0..<2]))
            let difference = (cell.step(first, state: plus).state - cell.step(first, state: minus).state) / 2e-6
            for j in 0..<4 { expectClose(jacobians[0][j, k], difference[0, j], absolute: 1e-8) }
        }
        for (t, jacobian) in jacobians.enumerated() {
            #expect(largestSingularValue(jacobian) <= pow(scale, Double(t + 1)) * (1 + 1e-12))
        }
    }

    @Test("the LSTM's gradient to the first step survives where the RNN's vanishes")
    func survival() {
        var generator = SeededGenerator(seed: 7)
        let rnn = RNNCell(inputs: 2, hidden: 8, generator: &generator)
        let lstm = LSTMCell(inputs: 2, hidden: 8, generator: &generator)
        let input = generator.normalMatrix(rows: 1, columns: 2 * 40)
        let direction = generator.normalMatrix(rows: 1, columns: 8)
        let rnnNorm = firstStepGradientNorm(rnn, input: input, direction: direction)
        let lstmNorm = firstStepGradientNorm(lstm, input: input, direction: direction)
        #expect(lstmNorm > 1000 * rnnNorm, "LSTM \(lstmNorm), RNN \(rnnNorm)")
    }

    @Test("temperature softmax and perplexity by hand")
    func temperature() {
        // Logits (0, ln 2): at τ = 1, p = (1/3, 2/3); at τ = 0.5 the odds square, (1/5, 4/5).
        expectClose(temperatureSoftmax([0, log(2)], temperature: 1), [1.0 / 3, 2.0 / 3], absolute: 1e-15)
        expectClose(temperatureSoftmax([0, log(2)], temperature: 0.5), [0.2, 0.8], absolute: 1e-15)
        // Uniform over 4 symbols: H = ln 4 nats, perplexity 4.
        expectClose(perplexity(crossEntropy: log(4)), 4, absolute: 1e-14)
    }

    @Test("the recall task and the corpus are seeded and well formed")
    func data() {
        let task = recallTask(examples: 5, steps: 4, symbols: 3, seed: 1)
        #expect(task == recallTask(examples: 5, steps: 4, symbols: 3, seed: 1))
        #expect(task.inputs.columns == 12 && task.targets.columns == 3)
        for i in 0..<5 {
            #expect(task.inputs.row(i).reduce(0, +) == 4)  // one symbol per step
            #expect(Array(task.inputs.row(i)[0..<3]) == task.targets.row(i))  // the target is step 0
        }
        let text = generatedCorpus(sentences: 20, seed: 2)
        #expect(text == generatedCorpus(sentences: 20, seed: 2))
        let vocabulary = CharacterVocabulary(text)
        #expect(vocabulary.decode(vocabulary.encode(text)) == text)
        #expect(vocabulary.characters.first == " ")
    }
}
