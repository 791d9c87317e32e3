import DLMath
import Testing

@Suite("Statistics")
struct StatisticsTests {
    // x = [2, 4, 4, 4, 5, 5, 7, 9]: Σ = 40, mean 5; deviations −3, −1, −1, −1, 0, 0, 2, 4,
    // squares 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32: biased variance 32/8 = 4, sd 2;
    // unbiased 32/7.
    static let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

    @Test("mean, biased and unbiased variance, standard deviation by hand")
    func moments() {
        expectClose(mean(Self.x), 5)
        expectClose(variance(Self.x, correction: .biased), 4)
        expectClose(variance(Self.x, correction: .unbiased), 32.0 / 7)
        expectClose(standardDeviation(Self.x, correction: .biased), 2)
        expectClose(standardDeviation(Self.x, correction: .unbiased), (32.0 / 7).squareRoot())
        // One value: mean is the value, biased variance 0.
        expectClose(mean([3.5]), 3.5)
        expectClose(variance([3.5], correction: .biased), 0)
    }

    @Test("variance is shift-invariant even for a large offset (two-pass algorithm)")
    func largeOffset() {
        // 1e9 + xᵢ are exact in Double; the one-pass E[X²] − x̄² would lose ~1e-7 · 1e18 here.
        let shifted = Self.x.map { $0 + 1e9 }
        expectClose(variance(shifted, correction: .biased), 4, absolute: 1e-6, relative: 0)
    }

    @Test("covariance by hand, and covariance(x, x) = variance(x)")
    func covarianceByHand() {
        // x = [1, 2, 3], y = [2, 4, 7]: means 2 and 13/3; deviations (−1, 0, 1) and
        // (−7/3, −1/3, 8/3); products 7/3 + 0 + 8/3 = 5: biased 5/3, unbiased 5/2.
        let x: [Double] = [1, 2, 3], y: [Double] = [2, 4, 7]
        expectClose(covariance(x, y, correction: .biased), 5.0 / 3)
        expectClose(covariance(x, y, correction: .unbiased), 2.5)
        expectClose(covariance(y, x, correction: .unbiased), 2.5)
        expectClose(covariance(Self.x, Self.x, correction: .unbiased), 32.0 / 7)
    }

    @Test("covariance matrix of rows-as-examples data by hand")
    func covarianceMatrixByHand() {
        // Columns x = [1, 2, 3], y = [2, 4, 7] (as above). Unbiased: var x = 2/2 = 1,
        // var y = (49/9 + 1/9 + 64/9)/2 = 57/9, cov = 5/2.
        let data: Matrix = [[1, 2], [2, 4], [3, 7]]
        expectClose(covarianceMatrix(data, correction: .unbiased), [[1, 2.5], [2.5, 57.0 / 9]])
        // Biased: the same sums over 3 instead of 2.
        expectClose(covarianceMatrix(data, correction: .biased), [[2.0 / 3, 5.0 / 3], [5.0 / 3, 38.0 / 9]])
    }

    @Test("covariance matrix agrees with pairwise covariances on random data (a second algorithm)")
    func covarianceMatrixPairwise() {
        var rng = SeededGenerator(seed: 21)
        let data = rng.normalMatrix(rows: 40, columns: 4)
        let c = covarianceMatrix(data, correction: .unbiased)
        for j in 0..<4 {
            for k in 0..<4 {
                expectClose(
                    c[j, k], covariance(data.column(j), data.column(k), correction: .unbiased),
                    absolute: 1e-13, relative: 1e-12)
            }
        }
    }
}

#if compiler(>=6.2)
    /// Empty input is a programming error: the functions stop with a message
    /// naming themselves. Exit tests run the call in a child process.
    @Suite("Statistics preconditions")
    struct StatisticsPreconditionTests {
        @Test("mean of nothing stops with 'mean: empty input'")
        func emptyMean() async {
            let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
                _ = mean([])
            }
            #expect(
                result.map { String(decoding: $0.standardErrorContent, as: UTF8.self).contains("mean: empty input") }
                    == true)
        }

        @Test("the unbiased variance of one value stops, naming the function")
        func unbiasedOfOne() async {
            let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
                _ = variance([1], correction: .unbiased)
            }
            #expect(
                result.map {
                    String(decoding: $0.standardErrorContent, as: UTF8.self).contains(
                        "variance: the unbiased (n − 1) estimate needs at least 2 values, got 1")
                } == true)
        }
    }
#endif
