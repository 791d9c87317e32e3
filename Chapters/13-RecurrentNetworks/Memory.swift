// 13.6: a task that needs memory, the plain RNN against the LSTM and the GRU.
import DLMath
import DLPresentation
import Foundation

/// One cell's run on the recall task: the network, trained by `Trainer`, and its history.
func recallRun<Cell: RecurrentCell>(
    _ cell: Cell, training: TrainingExamples, test: TrainingExamples,
    epochs: Int, seed: UInt64
) -> TrainingHistory {
    var generator = SeededGenerator(seed: seed)
    let network = Sequential([
        Recurrent(cell), Dense(inputs: cell.hiddenSize, outputs: memorySymbols, generator: &generator)
    ])
    var trainer = Trainer(
        network: network, optimizer: Adam(learningRate: 0.01), loss: .softmaxCrossEntropy,
        epochs: epochs, batchSize: 32, seed: seed)
    return trainer.fit(training, validation: test)
}

let memorySymbols = 4
let memoryLengths = [5, 30]

/// Returns each cell's final test accuracy at each T, for the closing section.
@discardableResult
func memorySection(_ chapter: inout Chapter, quick: Bool) -> [(String, Int, Double)] {
    chapter.section("A task that needs memory")
    chapter.say(
        "Recall: a sequence of T random symbols out of \(memorySymbols), one-hot; after the last step, name the first. Steps 2…T are distractors, so only memory of step 1 helps: chance is 1/\(memorySymbols). Each cell (H = 16) feeds a Dense(16 → \(memorySymbols)) and softmax cross-entropy; Adam (lr 0.01), batch 32, 512 training sequences, the same epochs for every cell, accuracy on 256 other sequences."
    )
    let epochs = quick ? 1 : 35
    let hidden = 16
    var results: [(String, Int, Double)] = []
    var runs: [(name: String, accuracies: [Double])] = []
    for steps in memoryLengths {
        let training = recallTask(examples: quick ? 64 : 512, steps: steps, symbols: memorySymbols, seed: 41)
        let test = recallTask(examples: quick ? 64 : 256, steps: steps, symbols: memorySymbols, seed: 42)
        var generator = SeededGenerator(seed: 43)
        let histories: [(String, TrainingHistory)] = [
            (
                "RNN",
                recallRun(
                    RNNCell(inputs: memorySymbols, hidden: hidden, generator: &generator), training: training,
                    test: test, epochs: epochs, seed: 44)
            ),
            (
                "LSTM",
                recallRun(
                    LSTMCell(inputs: memorySymbols, hidden: hidden, generator: &generator), training: training,
                    test: test, epochs: epochs, seed: 44)
            ),
            (
                "GRU",
                recallRun(
                    GRUCell(inputs: memorySymbols, hidden: hidden, generator: &generator), training: training,
                    test: test, epochs: epochs, seed: 44)
            )
        ]
        for (name, history) in histories {
            let accuracies = history.records.compactMap(\.validationAccuracy)
            results.append((name, steps, accuracies.last ?? 0))
            runs.append(("\(name), T = \(steps)", accuracies))
        }
    }
    var table = TextTable(["cell", "T = \(memoryLengths[0])", "T = \(memoryLengths[1])"])
    for name in ["RNN", "LSTM", "GRU"] {
        table.append(
            [name]
                + memoryLengths.map { steps in
                    formatFixed(results.first { $0.0 == name && $0.1 == steps }!.2, decimals: 3)
                })
    }
    chapter.say("Test accuracy after \(epochs) epochs (\(epochs * 16) Adam steps):")
    chapter.table(table)
    if !quick {
        let accuracy = { (name: String, steps: Int) in results.first { $0.0 == name && $0.1 == steps }!.2 }
        chapter.check(
            "at T = \(memoryLengths[0]) every cell recalls (accuracy ≥ 0.9)",
            holds: ["RNN", "LSTM", "GRU"].allSatisfy { accuracy($0, memoryLengths[0]) >= 0.9 },
            detail: "RNN \(formatFixed(accuracy("RNN", memoryLengths[0]), decimals: 3))")
        chapter.check(
            "at T = \(memoryLengths[1]) the RNN fails to recall (accuracy < 0.6; chance 0.25)",
            holds: accuracy("RNN", memoryLengths[1]) < 0.6,
            detail: formatFixed(accuracy("RNN", memoryLengths[1]), decimals: 3))
        chapter.check(
            "at T = \(memoryLengths[1]) the LSTM and the GRU recall (≥ 0.9)",
            holds: accuracy("LSTM", memoryLengths[1]) >= 0.9 && accuracy("GRU", memoryLengths[1]) >= 0.9,
            detail:
                "LSTM \(formatFixed(accuracy("LSTM", memoryLengths[1]), decimals: 3)), GRU \(formatFixed(accuracy("GRU", memoryLengths[1]), decimals: 3))"
        )
    }
    drawMemoryFigure(chapter, runs: runs, chance: 1 / Double(memorySymbols))
    return results
}
