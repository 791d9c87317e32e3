/// A division of n examples into training, validation and test sets by
/// index, stratified by class and shuffled by a seeded generator: the same
/// labels, fractions and seed give the same split on every machine.
///
/// Allocation, class by class (classes in increasing label order): the
/// class's n_c indices are shuffled (Fisher–Yates, `SeededGenerator(seed:)`);
/// the first v_c = round(f_validation · n_c) go to validation, the next
/// t_c = min(round(f_test · n_c), n_c − v_c) to test, and the rest to
/// training (rounding to nearest, halves up). So each class keeps its
/// proportions in every part to within half an example in validation and
/// test, and the remainders of the rounding fall to training. A class too
/// small for a part gets none there (3 examples at 15% round to 0).
/// Each part is then shuffled with the same generator, so that classes are
/// interleaved rather than in blocks.
///
///     iris, 50 per class, fractions 0.15 and 0.15: 0.15 · 50 = 7.5 → 8,
///     so 8 + 8 per class to validation and test, 34 to training:
///     102 / 24 / 24 examples.
public struct SplitIndices: Equatable, Sendable {
    /// Indices of the training examples, in shuffled order.
    public let training: [Int]
    /// Indices of the validation examples, in shuffled order.
    public let validation: [Int]
    /// Indices of the test examples, in shuffled order.
    public let test: [Int]

    /// A stratified split of the examples whose classes are `labels`
    /// (any integers; examples with equal labels form a class).
    /// The fractions must be in [0, 1] with a sum of at most 1.
    public init(stratifying labels: [Int], validationFraction: Double, testFraction: Double, seed: UInt64) {
        precondition(
            validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction <= 1,
            "split: fractions \(validationFraction) (validation) and \(testFraction) (test) must be in [0, 1] with a sum of at most 1"
        )
        var generator = SeededGenerator(seed: seed)
        var byClass: [Int: [Int]] = [:]
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        var training: [Int] = [], validation: [Int] = [], test: [Int] = []
        for label in byClass.keys.sorted() {
            let members = generator.shuffled(byClass[label]!)
            let n = Double(members.count)
            let validationCount = Int((validationFraction * n).rounded(.toNearestOrAwayFromZero))
            let testCount = Swift.min(
                Int((testFraction * n).rounded(.toNearestOrAwayFromZero)),
                members.count - validationCount)
            validation += members[0..<validationCount]
            test += members[validationCount..<(validationCount + testCount)]
            training += members[(validationCount + testCount)...]
        }
        self.training = generator.shuffled(training)
        self.validation = generator.shuffled(validation)
        self.test = generator.shuffled(test)
    }

    /// An unstratified split of `count` examples (all taken as one class).
    public init(count: Int, validationFraction: Double, testFraction: Double, seed: UInt64) {
        self.init(
            stratifying: [Int](repeating: 0, count: count),
            validationFraction: validationFraction, testFraction: testFraction, seed: seed)
    }
}

/// A data set divided into training, validation and test sets (see `SplitIndices`).
public struct DatasetSplit: Equatable, Sendable {
    /// The examples to fit the parameters on.
    public let training: Dataset
    /// The examples to choose hyperparameters and stop early on.
    public let validation: Dataset
    /// The examples kept aside for the final measurement.
    public let test: Dataset
}

extension Dataset {
    /// This set divided into training, validation and test sets, stratified
    /// by class and shuffled with `seed` (allocation: see `SplitIndices`).
    /// The parts are named `<name> (training)` and so on.
    public func split(validationFraction: Double, testFraction: Double, seed: UInt64) -> DatasetSplit {
        let indices = SplitIndices(
            stratifying: labels, validationFraction: validationFraction,
            testFraction: testFraction, seed: seed)
        return DatasetSplit(
            training: subset(indices.training, name: "\(name) (training)"),
            validation: subset(indices.validation, name: "\(name) (validation)"),
            test: subset(indices.test, name: "\(name) (test)"))
    }
}
