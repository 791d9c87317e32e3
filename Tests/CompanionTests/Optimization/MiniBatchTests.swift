import DLMath
import Testing

@Suite("Mini-batches")
struct MiniBatchTests {
    @Test(
        "every index exactly once per epoch; the last partial batch is kept smaller",
        arguments: [(10, 4), (10, 5), (7, 1), (7, 7), (3, 10), (100, 32)])
    func partition(count: Int, batchSize: Int) {
        let batches = MiniBatches(exampleCount: count, batchSize: batchSize, seed: 42)
        // ⌈n/B⌉ batches; the last has n − (⌈n/B⌉ − 1) B examples.
        let expectedCount = (count + batchSize - 1) / batchSize
        for epoch in 0..<3 {
            let epochBatches = batches.indices(epoch: epoch)
            #expect(epochBatches.count == expectedCount)
            #expect(epochBatches.flatMap { $0 }.sorted() == Array(0..<count))
            #expect(epochBatches.dropLast().allSatisfy { $0.count == batchSize })
            #expect(epochBatches.last?.count == count - (expectedCount - 1) * batchSize)
        }
        #expect(batches.batchesPerEpoch == expectedCount)
    }

    @Test("10 examples in batches of 4: sizes 4, 4, 2")
    func tenByFour() {
        let batches = MiniBatches(exampleCount: 10, batchSize: 4, seed: 1)
        #expect(batches.indices(epoch: 0).map(\.count) == [4, 4, 2])
        #expect(batches.lastBatchSize == 2)
    }

    @Test("seeded: same seed same batches, epochs and seeds differ; unshuffled is in order")
    func seeding() {
        let a = MiniBatches(exampleCount: 50, batchSize: 8, seed: 7)
        let b = MiniBatches(exampleCount: 50, batchSize: 8, seed: 7)
        let c = MiniBatches(exampleCount: 50, batchSize: 8, seed: 8)
        #expect(a.indices(epoch: 3) == b.indices(epoch: 3))
        // Two of 50! permutations coinciding by chance has probability ~1e-64.
        #expect(a.order(epoch: 0) != a.order(epoch: 1))
        #expect(a.order(epoch: 0) != c.order(epoch: 0))
        let plain = MiniBatches(exampleCount: 5, batchSize: 2, seed: 7, shuffles: false)
        #expect(plain.indices(epoch: 4) == [[0, 1], [2, 3], [4]])
        #expect(MiniBatches(exampleCount: 0, batchSize: 3, seed: 1).indices(epoch: 0).isEmpty)
    }
}
