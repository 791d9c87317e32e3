import DLMath
import Testing

@Suite("L2 penalty and early stopping")
struct RegularizationTests {
    @Test("L2 value and gradient by hand, weights only")
    func l2ByHand() {
        let penalty = L2Penalty(strength: 0.1)
        let w: Matrix = [[1, -2], [3, 0]], b: Matrix = [[5, 5]]
        // (λ/2) Σ w² = 0.05 · (1 + 4 + 9) = 0.7; the bias is not counted.
        expectClose(penalty.value([w, b], mask: [true, false]), 0.7, absolute: 1e-15, relative: 1e-14)
        var gradients: [Matrix] = [[[1, 1], [1, 1]], [[2, 2]]]
        penalty.addGradient(to: &gradients, parameters: [w, b], mask: [true, false])
        // g_W + λW = 1 + 0.1 · w; g_b unchanged.
        expectClose(gradients[0], [[1.1, 0.8], [1.3, 1]], absolute: 1e-15, relative: 1e-14)
        #expect(gradients[1] == [[2, 2]])
    }

    @Test("L2 gradient λW against finite differences of the penalty")
    func l2GradientCheck() {
        let penalty = L2Penalty(strength: 0.37)
        let w: Matrix = [[0.3, -1.1, 2.5], [0.8, -0.2, 1.7]]
        var gradients = [Matrix(rows: 2, columns: 3)]
        penalty.addGradient(to: &gradients, parameters: [w], mask: [true])
        let result = gradientCheck(gradients[0], of: { penalty.value([$0], mask: [true]) }, at: w, name: "L2")
        #expect(result.passed, "\(result)")
    }

    @Test("Dense marks W but not b; Sequential concatenates the masks")
    func masks() {
        var generator = SeededGenerator(seed: 1)
        let network = Sequential([
            Dense(inputs: 2, outputs: 3, generator: &generator), ActivationLayer(.relu),
            Dropout(rate: 0.1, seed: 1), Dense(inputs: 3, outputs: 1, generator: &generator)
        ])
        #expect(network.weightDecayMask == [true, false, true, false])
    }

    @Test("early stopping on a scripted validation curve")
    func scriptedCurve() {
        // Losses 5, 4, 3, 3.5, 3.2, 3.1, 2.9 with patience 3: best 3 at epoch 3; epochs 4, 5, 6 do not
        // improve, so observe returns true at epoch 6 and 2.9 is never seen.
        var stopping = EarlyStopping(patience: 3)
        let losses = [5.0, 4, 3, 3.5, 3.2, 3.1, 2.9]
        var stoppedAt: Int?
        for (index, loss) in losses.enumerated() {
            let epoch = index + 1
            if stopping.observe(epoch: epoch, validationLoss: loss, parameters: [[[Double(epoch)]]]) {
                stoppedAt = epoch
                break
            }
        }
        #expect(stoppedAt == 6)
        #expect(stopping.bestEpoch == 3 && stopping.bestLoss == 3)
        #expect(stopping.bestParameters == [[[3]]])
    }

    @Test("minimum improvement and NaN")
    func minimumImprovementAndNaN() {
        // With δ = 0.5: 10 → 9.6 is not an improvement (needs < 9.5), 9.4 is.
        var stopping = EarlyStopping(patience: 2, minimumImprovement: 0.5)
        var decisions: [Bool] = []
        for (epoch, loss) in [(1, 10.0), (2, 9.6), (3, 9.4), (4, .nan), (5, .nan)] {
            decisions.append(stopping.observe(epoch: epoch, validationLoss: loss, parameters: []))
            if epoch == 3 { #expect(stopping.bestEpoch == 3) }
        }
        // Epoch 2 is not better, epoch 3 is; the NaNs count as no improvement: the 2nd of them stops.
        #expect(decisions == [false, false, false, false, true])
        #expect(stopping.bestEpoch == 3)
    }

    @Test("the trainer stops early and restores the best epoch's weights")
    func trainerRestores() {
        // Validation targets far from the training targets: fitting the training set makes the
        // validation loss rise after a while, so early stopping must act.
        let x: Matrix = [[0], [1], [2], [3]]
        let training = TrainingExamples(inputs: x, targets: x * 2)
        let validation = TrainingExamples(inputs: x, targets: x * 0.5)
        var trainer = Trainer(
            network: Sequential([Dense(weights: [[0]], bias: [[0]])]), optimizer: SGD(learningRate: 0.05),
            loss: .meanSquaredError, epochs: 200, batchSize: 4, seed: 0)
        trainer.earlyStopping = EarlyStopping(patience: 5)
        let history = trainer.fit(training, validation: validation)
        #expect(history.stoppedEarly)
        let best = history.bestValidationRecord!
        #expect(history.restoredEpoch == best.epoch)
        #expect(history.epochsRun == best.epoch + 5)
        // The network now has the best epoch's weights: its validation loss is that record's. Exact:
        // the same weights and the same deterministic computation give the same bits.
        expectClose(trainer.evaluate(validation).loss, best.validationLoss!, absolute: 0, relative: 0)
    }
}
