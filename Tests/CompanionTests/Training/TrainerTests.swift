import DLMath
import Foundation
import Testing

@Suite("The training loop")
struct TrainerTests {
    /// A single Dense(2 → 1) layer (a linear model) starting at zero.
    func linearModel() -> Sequential { Sequential([Dense(weights: Matrix(rows: 2, columns: 1), bias: [[0]])]) }

    @Test("a linear model on noiseless linear data drives the MSE below 1e-6")
    func noiselessConverges() {
        // y = 0.5 x₁ − 0.3 x₂ + 0.2 exactly: the model y = x W + b can reach it, so the least MSE is 0.
        var generator = SeededGenerator(seed: 21)
        let x = generator.uniformMatrix(rows: 40, columns: 2)
        let y = x * Matrix(column: [0.5, -0.3]) + 0.2
        var trainer = Trainer(
            network: linearModel(), optimizer: SGD(learningRate: 0.5), loss: .meanSquaredError,
            epochs: 3000, batchSize: 40, seed: 0)
        let history = trainer.fit(TrainingExamples(inputs: x, targets: y))
        #expect(history.last!.trainingLoss < 1e-6)
        let dense = trainer.network.layers[0] as! Dense
        expectClose(dense.weights.elements + dense.bias.elements, [0.5, -0.3, 0.2], absolute: 1e-3, relative: 0)
    }

    @Test("a linear model on noisy data reaches the least-squares MSE of the normal equations")
    func reachesLeastSquares() {
        var generator = SeededGenerator(seed: 5)
        let data = TrainingExamples.bookExample(count: 60, using: &generator)
        // Independent value: the normal equations [1 X]ᵀ[1 X] w = [1 X]ᵀ y, solved by Cramer's rule.
        let features = LinearRegression.withIntercept(data.inputs)
        let solution = normalEquationsSolution(features: features, targets: data.targets)!
        let floor = LinearRegression(weights: solution).loss(features: features, targets: data.targets)
        var trainer = Trainer(
            network: linearModel(), optimizer: SGD(learningRate: 0.5), loss: .meanSquaredError,
            epochs: 4000, batchSize: 60, seed: 0)
        let history = trainer.fit(data)
        // Full-batch gradient descent below 2/L converges to the minimiser; the MSE approaches the floor from above.
        #expect(history.last!.trainingLoss >= floor * (1 - 1e-12))
        expectClose(history.last!.trainingLoss, floor, absolute: 0, relative: 1e-8)
    }

    @Test("the history has one record per epoch with the losses of the network at each epoch's end")
    func historyRecords() {
        let x: Matrix = [[0, 1], [1, 0], [1, 1], [0, 0], [0.5, 0.5]]
        let y = x * Matrix(column: [1, 2])
        let validation = TrainingExamples(inputs: [[2, 2]], targets: [[6]])
        var trainer = Trainer(
            network: linearModel(), optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError,
            epochs: 7, batchSize: 2, seed: 3)
        trainer.l2 = L2Penalty(strength: 0.01)
        let history = trainer.fit(TrainingExamples(inputs: x, targets: y), validation: validation)
        #expect(history.records.map(\.epoch) == Array(1...7))
        #expect(history.plannedEpochs == 7 && !history.stoppedEarly && history.restoredEpoch == nil)
        #expect(history.records.allSatisfy { $0.trainingAccuracy == nil && $0.validationLoss != nil })
        #expect(zip(history.records, history.records.dropFirst()).allSatisfy { $0.elapsedSeconds <= $1.elapsedSeconds })
        // The last record is the final network's loss, recomputed here by hand through Dense.
        let dense = trainer.network.layers[0] as! Dense
        let residual = dense(x) - y
        expectClose(history.last!.trainingLoss, (residual .* residual).mean, absolute: 1e-15, relative: 1e-12)
        // The penalty (λ/2) Σ W², bias excluded.
        expectClose(
            history.last!.weightPenalty, 0.005 * dense.weights.elements.dot(dense.weights.elements),
            absolute: 1e-15, relative: 1e-12)
    }

    @Test("the last partial batch is a step of its own, its gradient the mean over its own examples")
    func lastPartialBatch() {
        // 7 examples in batches of 3: sizes 3, 3, 1, so 3 steps per epoch and 6 in 2 epochs.
        // Every example is x = 1, y = 1 and the model starts at W = 0, b = 0 (and the recording
        // optimizer never moves it), so each example's MSE gradient is 2 (0 − 1) · 1 = −2 for W
        // and for b. The mean over a batch is −2 whatever its size; dividing the last batch's sum
        // by the nominal size 3 would give −2/3 instead.
        let examples = TrainingExamples(
            inputs: Matrix(rows: 7, columns: 1, repeating: 1),
            targets: Matrix(rows: 7, columns: 1, repeating: 1))
        var trainer = Trainer(
            network: Sequential([Dense(weights: [[0]], bias: [[0]])]), optimizer: RecordingOptimizer(),
            loss: .meanSquaredError, epochs: 2, batchSize: 3, seed: 1)
        _ = trainer.fit(examples)
        #expect(trainer.optimizer.gradients.count == 6)
        for gradients in trainer.optimizer.gradients {
            expectClose(gradients.flatMap(\.elements), [-2, -2], absolute: 1e-15, relative: 0)
        }
    }

    @Test("without the training-set pass: the same updates, the batch losses' mean recorded, no accuracy")
    func withoutTrainingSetPass() {
        // Two runs of the same seeded classification network, one with and one without the
        // pass over the training set: the pass only reads the network, so the trained weights,
        // the validation losses and accuracies must be the same bits.
        var generator = SeededGenerator(seed: 8)
        let inputs = generator.uniformMatrix(rows: 23, columns: 3, low: -1, high: 1)
        let targets = Matrix(rows: 23, columns: 2) { i, j in (inputs[i, 0] > inputs[i, 1]) == (j == 0) ? 1 : 0 }
        let examples = TrainingExamples(inputs: inputs, targets: targets)
        let validation = examples.prefix(9)
        func freshNetwork() -> Sequential {
            var weights = SeededGenerator(seed: 2)
            return Sequential([
                Dense(inputs: 3, outputs: 5, generator: &weights), ActivationLayer(.tanh),
                Dense(inputs: 5, outputs: 2, generator: &weights)
            ])
        }
        func run(_ evaluates: Bool) -> (Trainer<SGD>, TrainingHistory) {
            var trainer = Trainer(
                network: freshNetwork(),
                optimizer: SGD(learningRate: 0.3), loss: .softmaxCrossEntropy, epochs: 4, batchSize: 10, seed: 6)
            trainer.evaluatesTrainingSet = evaluates
            let history = trainer.fit(examples, validation: validation)
            return (trainer, history)
        }
        let (full, fullHistory) = run(true)
        let (lean, leanHistory) = run(false)
        #expect(
            lean.network.parameters.flatMap(\.elements).map(\.bitPattern)
                == full.network.parameters.flatMap(\.elements).map(\.bitPattern))
        #expect(leanHistory.validationLosses == fullHistory.validationLosses)
        #expect(leanHistory.records.map(\.validationAccuracy) == fullHistory.records.map(\.validationAccuracy))
        #expect(leanHistory.records.allSatisfy { $0.trainingAccuracy == nil })
        #expect(fullHistory.records.allSatisfy { $0.trainingAccuracy != nil })
        // The recorded loss of epoch 1 is Σ_B |B| L_B / 23 over its batches (10, 10, 3), each L_B
        // of the network as it stood before that batch's step: replayed here step by step with
        // the layers' own forward and backward, SGD's rule written out.
        var network = freshNetwork()
        var weightedSum = 0.0
        for batch in MiniBatches(exampleCount: 23, batchSize: 10, seed: 6).indices(epoch: 0) {
            let part = examples.rows(at: batch)
            let result = softmaxCrossEntropy(logits: network.forward(part.inputs), targets: part.targets)
            weightedSum += Double(batch.count) * result.value
            network.backwardToParameters(result.gradient)
            var parameters = network.parameters
            for (index, gradient) in network.parameterGradients.enumerated() {
                parameters[index] = parameters[index] - 0.3 * gradient
            }
            network.parameters = parameters
        }
        expectClose(leanHistory.records[0].trainingLoss, weightedSum / 23, absolute: 0, relative: 1e-12)
        // and it is not the end-of-epoch evaluation, which the other run recorded.
        #expect(leanHistory.records[0].trainingLoss != fullHistory.records[0].trainingLoss)
    }

    @Test("in the training loop L2 adds λW to the weights' gradient and nothing to the bias'")
    func l2OnWeightsOnly() {
        // x = 1, y = 1, W = 0.5, b = 0.5: the prediction is exactly 1, so the data gradient is 0
        // and what reaches the optimizer is the penalty's alone: λ W = 0.2 · 0.5 = 0.1 for W, 0 for b.
        let examples = TrainingExamples(inputs: [[1], [1]], targets: [[1], [1]])
        var trainer = Trainer(
            network: Sequential([Dense(weights: [[0.5]], bias: [[0.5]])]), optimizer: RecordingOptimizer(),
            loss: .meanSquaredError, epochs: 1, batchSize: 2, seed: 1)
        trainer.l2 = L2Penalty(strength: 0.2)
        let history = trainer.fit(examples)
        #expect(trainer.optimizer.gradients.count == 1)
        expectClose(trainer.optimizer.gradients[0].flatMap(\.elements), [0.1, 0], absolute: 1e-15, relative: 0)
        // The recorded penalty is (λ/2) W² = 0.1 · 0.25 = 0.025; the bias is not in it.
        expectClose(history.last!.weightPenalty, 0.025, absolute: 1e-15, relative: 0)
    }

    @Test("a loss's value alone equals the value by hand; a custom loss falls back to evaluate")
    func lossValueAlone() {
        // MSE of (1, 3) against (0, 1): (1 + 4)/2 = 2.5.
        expectClose(TrainingLoss.meanSquaredError.value([[1], [3]], [[0], [1]]), 2.5)
        // Logits (0, ln 3): softmax (1/4, 3/4); class 1: −log(3/4) = log(4/3).
        expectClose(TrainingLoss.softmaxCrossEntropy.value([[0, log(3)]], [[0, 1]]), log(4.0 / 3))
        // The same numbers as evaluate's values.
        expectClose(TrainingLoss.meanSquaredError.evaluate([[1], [3]], [[0], [1]]).value, 2.5)
        expectClose(TrainingLoss.softmaxCrossEntropy.evaluate([[0, log(3)]], [[0, 1]]).value, log(4.0 / 3))
        // Without a `value`, it is evaluate's: Σ |ŷ − y| = 1 + 2 = 3.
        let absolute = TrainingLoss(name: "sum of |r|", reportsAccuracy: false) { outputs, targets in
            let residual = outputs - targets
            return LossResult(value: residual.map(abs).sum, gradient: residual.map { $0 > 0 ? 1 : -1 })
        }
        expectClose(absolute.value([[1], [3]], [[0], [1]]), 3)
    }

    @Test("classification records accuracy and the loss falls")
    func classificationAccuracy() {
        // Two separable classes on a line: x < 0 is class 0, x > 0 class 1; 7 examples, batches 3, 3, 1.
        let x: Matrix = [[-3], [-2], [-1], [-0.5], [1], [2], [3]]
        let labels = [0, 0, 0, 0, 1, 1, 1]
        let examples = TrainingExamples(inputs: x, targets: Matrix.oneHot(labels, classCount: 2))
        var trainer = Trainer(
            network: Sequential([Dense(weights: [[0, 0]], bias: [[0, 0]])]), optimizer: SGD(learningRate: 0.5),
            loss: .softmaxCrossEntropy, epochs: 50, batchSize: 3, seed: 1)
        let history = trainer.fit(examples)
        #expect(history.last!.trainingAccuracy == 1)
        #expect(history.trainingLosses.last! < history.trainingLosses.first!)
    }

    @Test("the progress line: plain lines every k epochs, or one line overwritten with \\r")
    func progressLine() {
        let box = TextBox()
        let plain = ProgressLine(every: 3, overwrites: false, write: { box.text += $0 })
        let overwriting = ProgressLine(every: 3, overwrites: true, write: { box.other += $0 })
        var trainer = Trainer(
            network: linearModel(), optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError,
            epochs: 7, batchSize: 2, seed: 0)
        let data = TrainingExamples(inputs: [[1, 0], [0, 1]], targets: [[1], [2]])
        var second = trainer
        _ = trainer.fit(data, reporter: plain)
        let lines = box.text.split(separator: "\n")
        // Epochs 1, 3, 6 (every 3rd) and 7 (the last).
        #expect(lines.map { $0.split(separator: " ")[1] } == ["1/7", "3/7", "6/7", "7/7"])
        #expect(lines.allSatisfy { $0.contains("loss") && $0.hasSuffix(" s") && !$0.contains("acc") })
        _ = second.fit(data, reporter: overwriting)
        #expect(box.other.filter { $0 == "\r" }.count == 7)
        #expect(box.other.hasSuffix("\n") && box.other.filter { $0 == "\n" }.count == 1)
    }

    @Test("the progress text of one record")
    func progressText() {
        let record = EpochRecord(
            epoch: 3, trainingLoss: 0.25, validationLoss: 0.5, trainingAccuracy: 0.875,
            validationAccuracy: 0.5, elapsedSeconds: 1.5)
        #expect(
            ProgressLine.text(of: record, plannedEpochs: 10)
                == "epoch  3/10  loss 0.25  val 0.5  acc 87.5%  val acc 50.0%  1.50 s")
    }

    @Test("the silent reporter prints nothing and changes nothing")
    func silentReporterSameResult() {
        let data = TrainingExamples(inputs: [[1, 0], [0, 1], [1, 1]], targets: [[1], [2], [3]])
        var a = Trainer(
            network: linearModel(), optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError, epochs: 5,
            batchSize: 2, seed: 4)
        var b = a
        let box = TextBox()
        _ = a.fit(data)
        _ = b.fit(data, reporter: ProgressLine(overwrites: false, write: { box.text += $0 }))
        #expect(a.network.parameters == b.network.parameters)  // same arithmetic, bit for bit
    }
}

/// An optimizer that records the gradients of every step and leaves the parameters as they are.
struct RecordingOptimizer: Optimizer {
    var gradients: [[Matrix]] = []
    mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) { self.gradients.append(gradients) }
}

/// Collects what a reporter writes (a class, so that the closures can append to it).
final class TextBox: @unchecked Sendable {
    var text = ""
    var other = ""
}
