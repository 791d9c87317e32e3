/// The recall task: a sequence of T one-hot symbols (K symbols); the target is
/// the symbol of step 0, seen T − 1 steps before the answer is asked for.
///
/// Inputs m x (T·K) in the `SequenceLayout` (column t·K + k is 1 when step t
/// shows symbol k), targets m x K one-hot. Steps 1…T−1 are uniform random
/// distractors from the same K symbols, so nothing but memory of step 0
/// predicts the answer: chance accuracy is 1/K.
public func recallTask(examples: Int, steps: Int, symbols: Int, seed: UInt64) -> TrainingExamples {
    precondition(examples > 0 && steps > 0 && symbols > 1, "recallTask: need examples > 0, steps > 0, symbols > 1")
    var generator = SeededGenerator(seed: seed)
    var inputs = Matrix(rows: examples, columns: steps * symbols)
    var labels: [Int] = []
    for i in 0..<examples {
        for t in 0..<steps {
            let symbol = generator.integer(below: symbols)
            inputs[i, t * symbols + symbol] = 1
            if t == 0 { labels.append(symbol) }
        }
    }
    return TrainingExamples(inputs: inputs, targets: Matrix.oneHot(labels, classCount: symbols))
}
