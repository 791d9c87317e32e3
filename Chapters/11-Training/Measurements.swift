// Chapter 11, 11.7: why deep learning needs so much data, computation and memory, measured.
import DLMath
import DLPresentation
import Foundation

/// One network the chapter trains, and what it is trained on.
struct TrainedNetwork {
    let name: String
    let widths: [Int]
    let dropout: Double?
    let examples: TrainingExamples
}

/// The floating-point operations of one epoch as `Trainer` runs it on m examples, products only:
/// per Dense n → k, forward 2mnk + mk, backward 2mnk (∂W) + 2mnk (∂x) + mk (∂b), and the forward pass over
/// the training set that records the epoch's loss, 2mnk + mk. Activations, the loss and Adam's update
/// (about a dozen operations per parameter per step) are left out: they are a few percent here.
func floatingPointOperationsPerEpoch(_ network: Sequential, examples m: Int) -> Double {
    network.layers.compactMap { $0 as? Dense }.reduce(0) { total, dense in
        let n = Double(dense.weights.rows), k = Double(dense.weights.columns), rows = Double(m)
        return total + 8 * rows * n * k + 3 * rows * k
    }
}

/// The doubles the layers keep between forward and backward for one batch: each Dense and activation
/// layer its input, each Dropout its mask (the width of its input).
func doublesKeptForBackward(_ network: Sequential, inputColumns: Int, batchSize: Int) -> Int {
    var width = inputColumns, kept = 0
    for layer in network.layers {
        kept += batchSize * width
        if let dense = layer as? Dense { width = dense.weights.columns }
    }
    return kept
}

/// Bytes in a human unit.
func byteText(_ bytes: Int) -> String {
    bytes < 10_000
        ? "\(bytes) B"
        : bytes < 10_000_000
            ? "\(formatFixed(Double(bytes) / 1024, decimals: 1)) KiB"
            : "\(formatFixed(Double(bytes) / 1_048_576, decimals: 1)) MiB"
}

func costOfTraining(_ chapter: inout Chapter, networks: [TrainedNetwork], timedEpochs: Int) {
    chapter.section("What training costs: operations, time and memory")
    chapter.say(
        "The book asks again and again why deep learning needs so much computation, time and memory. "
            + "For each network this chapter trains: the floating-point operations of one epoch (the matrix products, "
            + "which are nearly all the work: 8 m n k per Dense layer n → k over m examples, forward, both backward "
            + "products and the pass that records the loss), the measured time of an epoch (the mean of \(timedEpochs), "
            + "in this build), and the memory a step needs, in 8-byte doubles: the parameters, their gradients, what the "
            + "layers keep for backward on a batch of 32, and Adam's two moments.")
    // Timing cells carry their units, so that the tests can tell them from the seeded numbers.
    var table = TextTable(
        ["network", "m", "GFLOP / epoch", "time / epoch", "speed", "parameters", "kept, batch 32", "Adam m, v"],
        alignments: [.left, .right, .right, .right, .right, .right, .right, .right])
    for item in networks {
        let network = multilayerPerceptron(item.widths, dropout: item.dropout, seed: 1)
        var trainer = Trainer(
            network: network, optimizer: Adam(learningRate: 0.001),
            loss: item.widths.last == 1 ? .meanSquaredError : .softmaxCrossEntropy,
            epochs: timedEpochs, batchSize: 32, seed: 1)
        let seconds = trainer.fit(item.examples).elapsedSeconds / Double(timedEpochs)
        let operations = floatingPointOperationsPerEpoch(network, examples: item.examples.count)
        let parameterBytes = 8 * network.parameterCount
        table.append([
            item.name, String(item.examples.count), formatScientific(operations / 1e9, significantDigits: 3),
            formatScientific(seconds, significantDigits: 2) + "\u{00A0}s",
            formatFixed(operations / 1e9 / seconds, decimals: 2) + "\u{00A0}GFLOP/s",
            byteText(parameterBytes),
            byteText(8 * doublesKeptForBackward(network, inputColumns: item.widths[0], batchSize: 32)),
            byteText(2 * parameterBytes)
        ])
    }
    chapter.table(table)
    chapter.say(
        "The book's network is so small that the time is all overhead: a few thousand operations per epoch run "
            + "at a tiny fraction of what the processor can do. Only the two digits networks give the product kernel enough work to count (timings on a shared "
            + "machine are noisy: compare within one run). "
            + "Memory grows the same way for every network: the gradients are as large as the parameters and Adam keeps "
            + "two more copies, so training needs 4× the parameters' bytes before a single activation is stored, and the "
            + "activations grow with the batch and the width. Scaled to 100 million parameters, that is 3.2 GB of state."
    )
    // By hand: 2-2-2-1 on m = 100: 8 · 100 · (2·2 + 2·2 + 2·1) + 3 · 100 · (2 + 2 + 1) = 8000 + 1500.
    let book = multilayerPerceptron([2, 2, 2, 1], seed: 1)
    chapter.check(
        "the book's network, operations per epoch on 100 examples",
        computed: floatingPointOperationsPerEpoch(book, examples: 100),
        byHand: 9_500, derivation: "8 · 100 · (4 + 4 + 2) + 3 · 100 · (2 + 2 + 1)")
    // By hand: 64-256-10 with dropout, batch 32: Dense 64 + ReLU 256 + Dropout 256 + Dense 256 inputs per row.
    let digits = multilayerPerceptron([64, 256, 10], dropout: 0.3, seed: 1)
    chapter.check(
        "the digits network keeps 32 · (64 + 256 + 256 + 256) doubles for backward",
        computed: Double(doublesKeptForBackward(digits, inputColumns: 64, batchSize: 32)), byHand: 26_624,
        derivation: "32 · 832")
    chapter.check(
        "its parameters: 64·256 + 256 + 256·10 + 10", computed: Double(digits.parameterCount), byHand: 19_210,
        derivation: "16,640 + 2,570")
}

/// Test accuracy against the size of the training set, several seeds each, with the spread.
func learningCurve(
    _ chapter: inout Chapter, training: TrainingExamples, validation: TrainingExamples, test: TrainingExamples,
    sizes: [Int], seeds: [UInt64], epochs: Int, fullSetAccuracies: [Double]
) {
    chapter.say(
        "And why so much data: the digits network (64-256-10, dropout 0.3, the recipe of 11.4) trained on the "
            + "first n training images, from \(seeds.count) seeds each (weights, masks and batches), tested on the same \(test.count) images "
            + "(the last row is 11.4's three runs):")
    var table = TextTable(
        ["n"] + seeds.map { "seed \($0)" } + ["mean", "sd"],
        alignments: Array(repeating: .right, count: seeds.count + 3))
    // Every (size, seed) run is independent (its own network, masks and batch order from its seed): all in parallel.
    let runs = sizes.flatMap { size in seeds.map { seed in (size: size, seed: seed) } }
    let runAccuracies = runs.parallelMap { run -> Double in
        var trainer = Trainer(
            network: multilayerPerceptron([64, 256, 10], dropout: 0.3, seed: run.seed),
            optimizer: Adam(learningRate: 0.001),
            loss: .softmaxCrossEntropy, epochs: epochs, batchSize: 32, seed: 4 + run.seed)
        trainer.earlyStopping = EarlyStopping(patience: 10)
        trainer.evaluatesTrainingSet = false  // only the test accuracy is read
        _ = trainer.fit(training.prefix(run.size), validation: validation)
        return accuracy(scores: trainer.network.predict(test.inputs), targets: test.targets)
    }
    var means: [Double] = []
    for size in sizes + [training.count] {
        let subset = training.prefix(size)
        let values =
            size == training.count ? fullSetAccuracies : zip(runs, runAccuracies).filter { $0.0.size == size }.map(\.1)
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, values.count - 1))).squareRoot()
        means.append(mean)
        table.append(
            [String(subset.count)] + values.map { formatFixed(100 * $0, decimals: 1) + "%" }
                + [formatFixed(100 * mean, decimals: 1) + "%", formatFixed(100 * sd, decimals: 1)])
    }
    chapter.table(table)
    chapter.say(
        "Each multiple of the data buys less: the error falls roughly like a power of n, so the last points of "
            + "accuracy cost the most data.")
    chapter.check(
        "the mean test accuracy rises with the training-set size",
        holds: zip(means, means.dropFirst()).allSatisfy { $0 < $1 },
        detail: means.map { formatFixed(100 * $0, decimals: 1) + "%" }.joined(separator: " → "))
}
