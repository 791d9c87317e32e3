// 14.7: a tiny transformer learns to reverse a sequence of digits.
import DLMath
import DLPresentation
import Foundation

let reversalSteps = 6
let reversalSymbols = 10

/// The per-step softmax cross-entropy of logits m x (T·K) against one-hot
/// targets of the same shape: the mean over all m·T steps, and its gradient
/// in the same layout.
func perStepCrossEntropy(logits: Matrix, targets: Matrix, symbols: Int) -> LossResult {
    let rows = logits.rows * logits.columns / symbols
    let result = softmaxCrossEntropy(
        logits: logits.reshaped(rows: rows, columns: symbols),
        targets: targets.reshaped(rows: rows, columns: symbols))
    return LossResult(
        value: result.value, gradient: result.gradient.reshaped(rows: logits.rows, columns: logits.columns))
}

/// The fraction of steps whose largest logit is the target symbol.
func perStepAccuracy(_ network: Sequential, _ data: TrainingExamples, symbols: Int) -> Double {
    let logits = network.predict(data.inputs)
    let rows = logits.rows * logits.columns / symbols
    let predicted = logits.reshaped(rows: rows, columns: symbols).argmaxPerRow()
    let truth = data.targets.reshaped(rows: rows, columns: symbols).argmaxPerRow()
    return Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(rows)
}

/// Embedding (one-hot K → D per step), learned positions, `blocks` transformer blocks,
/// a final LayerNorm and a per-step Dense D → K; `attention: false` drops the blocks'
/// attention sublayer (a position-wise baseline of the same width).
func reversalNetwork(features d: Int, heads: Int, blocks: Int, attention: Bool, seed: UInt64) -> Sequential {
    var generator = SeededGenerator(seed: seed)
    var layers: [any Layer] = [
        PositionWise(
            features: reversalSymbols, Sequential([Dense(inputs: reversalSymbols, outputs: d, generator: &generator)])),
        LearnedPositionalEncoding(maxSteps: reversalSteps, features: d, generator: &generator)
    ]
    for _ in 0..<blocks {
        if attention {
            layers.append(TransformerBlock(features: d, heads: heads, hidden: 2 * d, generator: &generator))
        } else {
            layers.append(
                Residual([
                    LayerNorm(features: d), PositionWise.feedForward(features: d, hidden: 2 * d, generator: &generator)
                ]))
        }
    }
    layers.append(LayerNorm(features: d))
    layers.append(
        PositionWise(features: d, Sequential([Dense(inputs: d, outputs: reversalSymbols, generator: &generator)])))
    return Sequential(layers)
}

/// Adam on mini-batches of `training`; returns the loss of every step.
func trainReversal(
    _ network: inout Sequential, _ training: TrainingExamples, steps: Int, batchSize: Int,
    learningRate: Double, seed: UInt64
) -> [Double] {
    var optimizer = Adam(learningRate: learningRate)
    let batches = MiniBatches(exampleCount: training.inputs.rows, batchSize: batchSize, seed: seed)
    var losses: [Double] = []
    var epoch = 0
    while losses.count < steps {
        for indices in batches.indices(epoch: epoch) where losses.count < steps {
            let x = training.inputs.rows(at: indices), y = training.targets.rows(at: indices)
            let loss = perStepCrossEntropy(logits: network.forward(x), targets: y, symbols: reversalSymbols)
            network.backwardToParameters(loss.gradient)
            optimizer.step(&network)
            losses.append(loss.value)
        }
        epoch += 1
    }
    return losses
}

struct ReversalOutcome {
    /// Held-out accuracy per seed, the position-wise baseline's, and the training wall time per seed.
    let accuracies: [Double]
    let baselineAccuracy: Double
    let seconds: [Double]
    let steps: Int
}

let reversalSeeds: [UInt64] = [143, 243, 343]

@discardableResult
func reversalSection(_ chapter: inout Chapter, quick: Bool) -> ReversalOutcome {
    chapter.section("A tiny transformer reverses digits")
    let d = 32, heads = 2
    // --quick (the debug build, where the product kernel is slow): a token run, 8 steps of batch 16.
    let trainingSteps = quick ? 8 : 200, batchSize = quick ? 16 : 64
    let seeds = quick ? [reversalSeeds[0]] : reversalSeeds
    let trainingCount = quick ? 256 : 8000, testCount = quick ? 64 : 1000
    chapter.say(
        "The task: \(reversalSteps) random digits in, the same digits reversed out (step t must name the digit at step \(reversalSteps - 1) − t). No step is its own mirror, so a model that looks at each step alone cannot beat chance, 1/\(reversalSymbols). The model: a per-step embedding Dense(10 → \(d)), learned positions, one pre-norm TransformerBlock (D = \(d), \(heads) heads, FFN \(2 * d)), LayerNorm, a per-step Dense(\(d) → 10), softmax cross-entropy at every step; Adam (lr 0.003), batch \(batchSize), \(trainingSteps) steps on \(trainingCount) sequences; accuracy per digit on \(testCount) held-out sequences that never occur in training. Seeds \(seeds.map(String.init).joined(separator: ", ")) set the initial weights and the batch order."
    )
    let test = reversalTask(examples: testCount, steps: reversalSteps, symbols: reversalSymbols, seed: 141)
    let training = reversalTask(
        examples: trainingCount, steps: reversalSteps, symbols: reversalSymbols, seed: 142,
        excluding: Set(test.sequences)
    ).examples
    var accuracies: [Double] = [], seconds: [Double] = []
    var firstNetwork: Sequential?
    var firstLosses: [Double] = []
    for seed in seeds {
        var network = reversalNetwork(features: d, heads: heads, blocks: 1, attention: true, seed: seed)
        let start = Date()
        let losses = trainReversal(
            &network, training, steps: trainingSteps, batchSize: batchSize, learningRate: 0.003, seed: seed + 1)
        seconds.append(Date().timeIntervalSince(start))
        accuracies.append(perStepAccuracy(network, test.examples, symbols: reversalSymbols))
        if firstNetwork == nil { firstNetwork = network; firstLosses = losses }
    }
    var baseline = reversalNetwork(features: d, heads: heads, blocks: 1, attention: false, seed: seeds[0])
    _ = trainReversal(
        &baseline, training, steps: trainingSteps, batchSize: batchSize, learningRate: 0.003, seed: seeds[0] + 1)
    let baselineAccuracy = perStepAccuracy(baseline, test.examples, symbols: reversalSymbols)
    var table = TextTable(["model", "parameters", "held-out accuracy per digit"])
    table.append([
        "transformer block, seed " + seeds.map(String.init).joined(separator: " / "), "\(firstNetwork!.parameterCount)",
        accuracies.map { formatFixed($0, decimals: 4) }.joined(separator: " / ")
    ])
    table.append([
        "same without attention, seed \(seeds[0])", "\(baseline.parameterCount)",
        formatFixed(baselineAccuracy, decimals: 4)
    ])
    chapter.table(table)
    chapter.say(
        "Training took " + seconds.map { formatFixed($0, decimals: 2) }.joined(separator: " / ")
            + " s per seed (wall time; it varies with the machine and its load). The loss of the last step (seed \(seeds[0])): \(formatFixed(firstLosses.last ?? 0, decimals: 4)) nats."
    )
    if !quick {
        chapter.check(
            "the transformer reverses held-out sequences on every seed (accuracy ≥ 0.99)",
            holds: accuracies.allSatisfy { $0 >= 0.99 },
            detail: "lowest \(formatFixed(accuracies.min()!, decimals: 4))")
        chapter.check(
            "without attention it stays near chance (accuracy < 0.2; chance 0.1)", holds: baselineAccuracy < 0.2,
            detail: formatFixed(baselineAccuracy, decimals: 4))
    }
    // The weights of the first held-out example, head by head.
    var copy = firstNetwork!
    copy.isTraining = false
    _ = copy.forward(test.examples.inputs.rows(at: [0]))
    if let block = copy.layers.compactMap({ $0 as? TransformerBlock }).first {
        let weights = block.attention.lastWeights[0]
        drawAttentionFigure(chapter, weights: weights, sequence: test.sequences[0])
        let strongest = weights.map { head in
            (0..<reversalSteps).map { t in head.row(t).indices.max { head[t, $0] < head[t, $1] }! }
        }
        chapter.say(
            "For the first held-out sequence \(test.sequences[0].map(String.init).joined(separator: " ")), the key each query step weighs most, per head: "
                + strongest.enumerated().map {
                    "head \($0.offset + 1): \($0.element.map(String.init).joined(separator: " "))"
                }.joined(separator: "; ")
                + " (the mirror of 0 1 2 3 4 5 is 5 4 3 2 1 0). The heat map is attention-weights.svg.")
    }
    drawReversalLossFigure(chapter, losses: firstLosses)
    return ReversalOutcome(
        accuracies: accuracies, baselineAccuracy: baselineAccuracy, seconds: seconds, steps: trainingSteps)
}
