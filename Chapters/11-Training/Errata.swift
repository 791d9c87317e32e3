// Chapter 11, last section: where the book is wrong about its training example.
import DLMath
import DLPresentation
import Foundation

/// The moves of one step from `network` on `examples` (MSE): Keras' Adam against gradient descent at the same lr.
func firstStepMoves(_ network: Sequential, on examples: TrainingExamples, learningRate: Double) -> (
    adam: [Double], descent: [Double]
) {
    /// The parameters after one step of `optimizer` from `network`, minus the starting ones.
    func moves(_ optimizer: some Optimizer) -> [Double] {
        var copy = network, optimizer = optimizer
        let result = TrainingLoss.meanSquaredError.evaluate(copy.forward(examples.inputs), examples.targets)
        _ = copy.backward(result.gradient)
        optimizer.step(&copy)
        return zip(copy.parameters.flatMap(\.elements), network.parameters.flatMap(\.elements)).map { $0 - $1 }
    }
    return (moves(kerasAdam(learningRate: learningRate)), moves(SGD(learningRate: learningRate)))
}

func whereTheBookIsWrong(_ chapter: inout Chapter, book: TrainingExamples, networkSeed: UInt64) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "1. y = np.dot(X, [0.5, 0.3]) + np.random.rand(100, 1) adds a (100,) vector to a (100, 1) column: y "
            + "broadcasts to 100 x 100 (11.1), and Keras trains on it without a warning. Each input is then paired with "
            + "targets that do not depend on it, so the least-squares plane through the book's data has slopes 0.10 and "
            + "0.04 instead of 0.5 and 0.3. The fix is np.random.rand(100) (or .ravel() the column). The noise is also "
            + "uniform on [0, 1), mean 0.5, variance 1/12 ≈ 0.083, three times the variance of the signal 0.5 x₁ + 0.3 x₂ "
            + "(0.34/12 ≈ 0.028), not small zero-mean noise.")
    chapter.say(
        "2. \"We use gradient descent as the optimizer\", beside model.compile(optimizer='adam'). Adam is not "
            + "gradient descent (10.12). One step from the book network's starting weights on its data, at lr 0.001:")
    let moves = firstStepMoves(multilayerPerceptron([2, 2, 2, 1], seed: networkSeed), on: book, learningRate: 0.001)
    var table = TextTable(["step", "smallest |Δw|", "largest |Δw|"], alignments: [.left, .right, .right])
    let moved = { (v: [Double]) in v.map(abs).filter { $0 > 0 } }
    for (name, values) in [("gradient descent, lr g", moves.descent), ("Keras' Adam", moves.adam)] {
        table.append([
            name, formatScientific(moved(values).min() ?? 0, significantDigits: 2),
            formatScientific(moved(values).max() ?? 0, significantDigits: 2)
        ])
    }
    chapter.table(table)
    // Keras' first step: α₁ = lr √(1 − β₂)/(1 − β₁) = lr √0.001 / 0.1, m = 0.1 g, √v = √0.001 |g|:
    // α₁ · 0.1 g / (√0.001 |g| + ε̂) = lr · |g| / (|g| + ε̂/√0.001) ≈ lr for |g| ≫ 3.2e-6.
    let largestAdam = moved(moves.adam).max() ?? 0
    chapter.check(
        "Adam's first step moves no weight by more than lr", holds: largestAdam <= 0.001 * (1 + 1e-12),
        detail: "largest \(formatScientific(largestAdam, significantDigits: 3)): lr |g|/(|g| + ε̂/√(1 − β₂)) < lr")
    chapter.say(
        "3. The book's appendix asks why deep learning needs so much data, computation and memory and answers "
            + "in circles; 11.7 measures it: the learning curve on the digits, the operations of an epoch against its time, "
            + "and the bytes of parameters, gradients, activations and Adam's state.")
}
