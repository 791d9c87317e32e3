import DLMath
import Testing

/// Stratified, seeded train / validation / test splits.
@Suite("Dataset splits")
struct SplitTests {
    @Test("iris 15% / 15%: 8 + 8 + 34 of each class, by hand")
    func irisByHand() throws {
        let iris = try Dataset.iris()
        let split = iris.split(validationFraction: 0.15, testFraction: 0.15, seed: 1)
        // 0.15 · 50 = 7.5 rounds (halves up) to 8 for validation and for test; 50 − 16 = 34 to training.
        #expect(split.validation.classCounts == [8, 8, 8])
        #expect(split.test.classCounts == [8, 8, 8])
        #expect(split.training.classCounts == [34, 34, 34])
        #expect(split.training.name == "iris (training)")
    }

    @Test("parts are disjoint and cover every example; rows match their source")
    func disjointAndComplete() throws {
        let digits = try Dataset.digits()
        let indices = SplitIndices(stratifying: digits.labels, validationFraction: 0.2, testFraction: 0.25, seed: 5)
        let all = indices.training + indices.validation + indices.test
        #expect(all.count == digits.count)
        #expect(Set(all) == Set(0..<digits.count))  // same size and same set: no repeats, none missing
        let split = digits.split(validationFraction: 0.2, testFraction: 0.25, seed: 5)
        #expect(split.test.features.row(0) == digits.features.row(indices.test[0]))
        #expect(split.test.labels[0] == digits.labels[indices.test[0]])
    }

    @Test("each class keeps its proportion: within half an example in validation and test")
    func proportions() throws {
        let digits = try Dataset.digits()
        let (fv, ft) = (0.2, 0.25)
        let split = digits.split(validationFraction: fv, testFraction: ft, seed: 9)
        for (k, n) in digits.classCounts.enumerated() {
            let nc = Double(n)
            #expect(abs(Double(split.validation.classCounts[k]) - fv * nc) <= 0.5, "class \(k) validation")
            #expect(abs(Double(split.test.classCounts[k]) - ft * nc) <= 0.5, "class \(k) test")
            #expect(split.training.classCounts[k] + split.validation.classCounts[k] + split.test.classCounts[k] == n)
        }
    }

    @Test("the same seed gives the same split; another seed another; classes are interleaved")
    func determinism() throws {
        let iris = try Dataset.iris()
        let a = SplitIndices(stratifying: iris.labels, validationFraction: 0.2, testFraction: 0.2, seed: 42)
        let b = SplitIndices(stratifying: iris.labels, validationFraction: 0.2, testFraction: 0.2, seed: 42)
        let c = SplitIndices(stratifying: iris.labels, validationFraction: 0.2, testFraction: 0.2, seed: 43)
        #expect(a == b)
        #expect(a != c)
        // Shuffled after allocation: the 90 training examples are not in class blocks
        // (three blocks would be 0...0 1...1 2...2; a shuffle leaves that order with probability ~1e-40).
        let labels = a.training.map { iris.labels[$0] }
        #expect(labels != labels.sorted())
    }

    @Test("edge cases: no validation set, all to test, one class, a tiny class")
    func edges() {
        let none = SplitIndices(count: 10, validationFraction: 0, testFraction: 0.3, seed: 3)
        #expect(none.validation.isEmpty && none.test.count == 3 && none.training.count == 7)
        let allTest = SplitIndices(count: 4, validationFraction: 0, testFraction: 1, seed: 3)
        #expect(allTest.training.isEmpty && allTest.test.count == 4)
        // A class of 3 at 15%: 0.45 rounds to 0, so it stays whole in training.
        let tiny = SplitIndices(
            stratifying: [0, 0, 0] + [Int](repeating: 1, count: 20),
            validationFraction: 0.15, testFraction: 0.15, seed: 3)
        #expect(tiny.training.filter { $0 < 3 }.count == 3)
        #expect(tiny.validation.count == 3 && tiny.test.count == 3)  // 0.15 · 20 = 3 of class 1 each
    }
}
