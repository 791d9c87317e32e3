import DLMath
import Foundation
import Testing

/// `parallelMap` against the serial `map`: the same results in the same
/// order, each element transformed exactly once, seeded training runs equal
/// bit for bit.
@Suite("parallelMap")
struct ParallelMapTests {
    @Test("the results are in input order and equal to map's")
    func order() {
        let inputs = Array(0..<257)
        let transform: @Sendable (Int) -> Double = { index in
            // Uneven work, so that the calls finish out of order.
            var total = 0.0
            for k in 0..<(index % 7) * 1000 { total += Double(k).squareRoot() }
            return Double(index) + total
        }
        #expect(inputs.parallelMap(transform) == inputs.map(transform))
    }

    @Test("an empty and a one-element array")
    func edges() {
        #expect([Int]().parallelMap { $0 + 1 } == [])
        #expect([41].parallelMap { $0 + 1 } == [42])
    }

    @Test("every element is transformed exactly once")
    func once() {
        let counter = CallCounter(count: 100)
        _ = Array(0..<100).parallelMap { index in counter.record(index) }
        #expect(counter.calls == Array(repeating: 1, count: 100))
    }

    @Test("inside a call the thread is marked a worker, and a large product there stays on it with the same bits")
    func workerFlag() {
        #expect(!ParallelWork.isInsideWorker)
        #expect([1, 2, 3].parallelMap { _ in ParallelWork.isInsideWorker } == [true, true, true])
        #expect(!ParallelWork.isInsideWorker, "the flag is restored after the map")
        // 260 x 256 x 260 multiplications pass the two-thread threshold 256³: outside a map the
        // product runs on two threads, inside on one; the split never changes a sum's order.
        var generator = SeededGenerator(seed: 11)
        let a = generator.uniformMatrix(rows: 260, columns: 256, low: -1, high: 1)
        let b = generator.uniformMatrix(rows: 256, columns: 260, low: -1, high: 1)
        let outside = (a * b).elements.map(\.bitPattern)
        let inside = [0, 1].parallelMap { _ in (a * b).elements.map(\.bitPattern) }
        #expect(inside[0] == outside && inside[1] == outside)
    }

    @Test("seeded training runs in parallel end with the same weights as in series, bit for bit")
    func trainingRuns() {
        var generator = SeededGenerator(seed: 3)
        let inputs = generator.uniformMatrix(rows: 40, columns: 3, low: -1, high: 1)
        let targets = Matrix(rows: 40, columns: 1) { i, _ in inputs[i, 0] - 0.5 * inputs[i, 1] * inputs[i, 2] }
        let examples = TrainingExamples(inputs: inputs, targets: targets)
        let run: @Sendable (UInt64) -> [Double] = { seed in
            var weights = SeededGenerator(seed: seed)
            var trainer = Trainer(
                network: Sequential([
                    Dense(inputs: 3, outputs: 8, generator: &weights), ActivationLayer(.relu),
                    Dropout(rate: 0.2, seed: seed), Dense(inputs: 8, outputs: 1, generator: &weights)
                ]),
                optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError, epochs: 5, batchSize: 8, seed: seed)
            _ = trainer.fit(examples)
            return trainer.network.parameters.flatMap(\.elements)
        }
        let seeds: [UInt64] = [1, 2, 3, 4, 5]
        let parallel = seeds.parallelMap(run), serial = seeds.map(run)
        #expect(parallel.map { $0.map(\.bitPattern) } == serial.map { $0.map(\.bitPattern) })
        #expect(Set(serial.map { $0.map(\.bitPattern) }).count == seeds.count, "different seeds, different weights")
    }
}

/// How often each index was passed, counted under a lock.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    init(count: Int) { counts = Array(repeating: 0, count: count) }
    func record(_ index: Int) {
        lock.lock()
        counts[index] += 1
        lock.unlock()
    }
    var calls: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
