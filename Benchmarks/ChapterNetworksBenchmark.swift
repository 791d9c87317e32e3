import DLMath

/// The networks the chapters train, one training step each through the public
/// API, built and driven as the chapters build and drive them (the same layer
/// types, seeds, data, batch size, optimizer and backward pass):
///
/// - chapter 11, 11.6 (`Trainer` in `Chapters/11-Training/main.swift`):
///   Dense(64 → 256) → ReLU → Dropout(0.3) → Dense(256 → 10), Xavier uniform
///   from seed 1, dropout masks from seed 2; Adam(lr 0.001); the 1,167
///   training digits standardised with their own μ and σ, batches from seed 5;
///   `Trainer`'s step: `backwardToParameters`, then the in-place `Adam.step`;
/// - chapter 12, 12.6 (`trainCNN` in `Chapters/12-ConvolutionalNetworks/Digits.swift`):
///   Conv2D(1 → 24, 3x3, padding 1) → MaxPool 2x2 → ReLU → Dense(384 → 10),
///   weights from seed 1; Adam(lr 0.003); the training digits as pixels / 16
///   and their four one-pixel shifts (5,835 images), batches from seed 1;
///   `backwardToParameters` (no ∂L/∂x of the convolution) and the in-place `Adam.step`;
/// - chapter 13, 13.6 (`recallRun` in `Chapters/13-RecurrentNetworks/Memory.swift`):
///   Recurrent(RNNCell(4 → 16)) → Dense(16 → 4) on the recall task with
///   T = 30 steps of 4 one-hot symbols, 512 sequences (seed 41); the cell
///   from seed 43, the Dense from seed 44; Adam(lr 0.01), batches from seed
///   44; `Trainer`'s step.
///
/// All batches of 32, softmax cross-entropy. `Trainer`'s evaluation of the
/// whole training set after each epoch is not a training step and is left out.
enum ChapterNetworks {
    /// A network's name, for tables and for `benchmarks --chapter-networks`.
    struct Case {
        let key: String, label: String
        let run: () -> (samplesPerSecond: Double, phases: TrainingBenchmark.Phases)
    }

    /// Chapter 11's split of the digits (65% / 15% / 20% by class, seed 11).
    static let split: DatasetSplit = {
        guard let dataset = try? Dataset.digits() else { fatalError("benchmarks: digits.csv is missing") }
        return dataset.split(validationFraction: 0.15, testFraction: 0.2, seed: 11)
    }()

    /// Chapter 11's training examples: the training split standardised with its own μ and σ.
    static let mlpTraining = TrainingExamples(
        Standardizer(fittingTo: split.training.features).transform(split.training))

    /// Chapter 12's training examples: pixels / 16 and their shifts by one pixel up, down, left and right.
    static let cnnTraining: TrainingExamples = {
        let pixels = split.training.features / 16, targets = split.training.oneHotLabels
        var inputs = pixels.elements, labels = targets.elements
        for (down, right) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
            inputs += shiftedImages(pixels, shape: image, down: down, right: right).elements
            labels += targets.elements
        }
        return TrainingExamples(
            inputs: Matrix(rows: 5 * pixels.rows, columns: 64, elements: inputs),
            targets: Matrix(rows: 5 * pixels.rows, columns: 10, elements: labels))
    }()

    /// Chapter 13's recall task at T = 30: 512 sequences of 4 one-hot symbols.
    static let recallTraining = recallTask(examples: 512, steps: 30, symbols: 4, seed: 41)

    /// One 8 x 8 grey image.
    static let image = ImageShape(channels: 1, height: 8, width: 8)

    /// Chapter 12's CNN, weights from `seed`.
    static func cnn(seed: UInt64) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        do {
            let conv = try Conv2D(
                input: image, outputChannels: 24, kernel: (3, 3), padding: (1, 1), generator: &generator)
            let pool = try MaxPool2D(input: conv.outputShape, window: (2, 2))
            return Sequential([
                conv, pool, ActivationLayer(.relu),
                Dense(inputs: pool.outputShape.count, outputs: 10, generator: &generator)
            ])
        } catch {
            fatalError("benchmarks: \(error)")
        }
    }

    /// Chapter 13's plain RNN on the recall task: the cell from seed 43, the readout from seed 44.
    static func rnn() -> Sequential {
        var cellGenerator = SeededGenerator(seed: 43), generator = SeededGenerator(seed: 44)
        let cell = RNNCell(inputs: 4, hidden: 16, generator: &cellGenerator)
        return Sequential([Recurrent(cell), Dense(inputs: cell.hiddenSize, outputs: 4, generator: &generator)])
    }

    /// The three networks; `epochs` per run chosen so that a run takes about a tenth of a second.
    static var cases: [Case] {
        [
            Case(key: "ch11-mlp", label: "ch11 64-256-10, dropout 0.3, Adam") {
                TrainingBenchmark.measure(
                    network: { TrainingBenchmark.network([64, 256, 10], dropout: 0.3) }, on: mlpTraining, batchSeed: 5,
                    optimizer: Adam(learningRate: 0.001), toParameters: true, step: { $1.step(&$0) }, epochs: 10,
                    runs: 5)
            },
            Case(key: "ch12-cnn", label: "ch12 CNN conv 24 3x3, pool, Adam") {
                TrainingBenchmark.measure(
                    network: { cnn(seed: 1) }, on: cnnTraining, batchSeed: 1, optimizer: Adam(learningRate: 0.003),
                    toParameters: true, step: { $1.step(&$0) }, epochs: 1, runs: 5)
            },
            Case(key: "ch13-rnn", label: "ch13 RNN 4-16, T = 30, Adam") {
                TrainingBenchmark.measure(
                    network: rnn, on: recallTraining, batchSeed: 44, optimizer: Adam(learningRate: 0.01),
                    toParameters: true, step: { $1.step(&$0) }, epochs: 4, runs: 5)
            }
        ]
    }

    /// `benchmarks --chapter-networks`: one line per network, `key samples/s`, for `chapter_networks_numpy.py`;
    /// with a key, that network only.
    static func printRates(only key: String? = nil) {
        let chosen = cases.filter { key == nil || $0.key == key }
        if chosen.isEmpty { fatalError("benchmarks: no network \(key ?? ""); the keys: ch11-mlp, ch12-cnn, ch13-rnn") }
        for network in chosen { print(network.key + " " + String(format: "%.0f", network.run().samplesPerSecond)) }
    }
}
