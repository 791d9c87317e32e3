/// The reversal task: a sequence of T random symbols (K symbols, one-hot);
/// the target at step t is the symbol at step T − 1 − t.
///
/// Inputs and targets are both m x (T·K) in the `SequenceLayout` (column
/// t·K + k is 1 when step t shows symbol k). A model that treats each step
/// on its own (a position-wise network) sees none of the symbol it must
/// name (for even T no step is its own mirror), so it stays at chance 1/K:
/// the task needs a step to read another step, which attention provides.
///
/// `excluding`: sequences that must not be drawn (a held-out set), redrawn when met.
/// Returns the examples and the sequences themselves (row i is `sequences[i]`).
public func reversalTask(
    examples: Int, steps: Int, symbols: Int, seed: UInt64,
    excluding: Set<[Int]> = []
) -> (examples: TrainingExamples, sequences: [[Int]]) {
    precondition(examples > 0 && steps > 0 && symbols > 1, "reversalTask: need examples > 0, steps > 0, symbols > 1")
    var generator = SeededGenerator(seed: seed)
    var inputs = Matrix(rows: examples, columns: steps * symbols)
    var targets = inputs
    var sequences: [[Int]] = []
    sequences.reserveCapacity(examples)
    for i in 0..<examples {
        var sequence: [Int]
        repeat {
            sequence = (0..<steps).map { _ in generator.integer(below: symbols) }
        } while excluding.contains(sequence)
        for t in 0..<steps {
            inputs[i, t * symbols + sequence[t]] = 1
            targets[i, t * symbols + sequence[steps - 1 - t]] = 1
        }
        sequences.append(sequence)
    }
    return (TrainingExamples(inputs: inputs, targets: targets), sequences)
}
