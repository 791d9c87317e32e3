import DLMath
import Foundation
import Testing

/// Standardisation and min-max scaling, checked on a small matrix by hand.
@Suite("Feature scaling")
struct ScalingTests {
    /// Column 1: 1, 2, 3. Column 2: 10, 20, 60. Column 3: constant 5.
    let x: Matrix = [
        [1, 10, 5],
        [2, 20, 5],
        [3, 60, 5]
    ]

    @Test("standardise: means, standard deviations and z-scores by hand")
    func standardizeByHand() {
        let scaler = Standardizer(fittingTo: x)
        // Means: (1+2+3)/3 = 2, (10+20+60)/3 = 30, 5.
        expectClose(scaler.means, [2, 30, 5])
        // Population variances: ((−1)² + 0² + 1²)/3 = 2/3; ((−20)² + (−10)² + 30²)/3 = 1400/3; 0.
        expectClose(scaler.standardDeviations, [(2.0 / 3).squareRoot(), (1400.0 / 3).squareRoot(), 0])
        #expect(scaler.constantColumns == [2])
        // z = (x − μ)/σ: column 1 is (−1, 0, 1)/√(2/3) = (−√1.5, 0, √1.5);
        // column 2 is (−20, −10, 30)/√(1400/3); the constant column is only centred: 0.
        let s1 = 1.5.squareRoot(), s2 = (1400.0 / 3).squareRoot()
        expectClose(
            scaler.transform(x),
            [
                [-s1, -20 / s2, 0],
                [0, -10 / s2, 0],
                [s1, 30 / s2, 0]
            ], absolute: 1e-15, relative: 1e-14)
        // Applied to new data with the training μ and σ: (4 − 2)/√(2/3) = 2√1.5,
        // (30 − 30)/σ = 0, and 7 − 5 = 2 in the constant column (scale 1).
        expectClose(scaler.transform([[4, 30, 7]]), [[2 * s1, 0, 2]], absolute: 1e-15, relative: 1e-14)
    }

    @Test("standardised training columns have mean 0 and variance 1, computed independently")
    func meanZeroVarianceOne() throws {
        var generator = SeededGenerator(seed: 11)
        let data = generator.normalMatrix(rows: 40, columns: 3, mean: 7, standardDeviation: 3)
        let z = Standardizer(fittingTo: data).transform(data)
        for j in 0..<3 {
            let column = z.column(j)
            // Plain loops, not the module's reductions.
            var mean = 0.0
            for value in column { mean += value }
            mean /= Double(column.count)
            var variance = 0.0
            for value in column { variance += (value - mean) * (value - mean) }
            variance /= Double(column.count)
            expectClose(mean, 0, absolute: 1e-14, relative: 0)
            expectClose(variance, 1, absolute: 1e-13, relative: 1e-13)
        }
    }

    @Test("a constant column whose mean does not round-trip (0.1) is still recognised and gives zeros")
    func constantColumnWithRounding() {
        let x: Matrix = [[0.1, 1], [0.1, 2], [0.1, 3]]
        let scaler = Standardizer(fittingTo: x)
        #expect(scaler.constantColumns == [0])
        let z = scaler.transform(x)
        for i in 0..<3 { expectClose(z[i, 0], 0, absolute: 1e-15, relative: 0) }
    }

    @Test("digits: the always-blank corner pixel is constant; the result has no NaN")
    func digitsConstantColumns() throws {
        let digits = try Dataset.digits()
        let scaler = Standardizer(fittingTo: digits.features)
        // Pixel (0,0) is 0 in every image of the file (awk -F, '$1 != 0' digits.csv prints nothing).
        #expect(scaler.constantColumns.contains(0))
        #expect(scaler.transform(digits).features.elements.allSatisfy { $0.isFinite })
    }

    @Test("standardise then invert gives the data back")
    func standardizeRoundTrip() {
        let scaler = Standardizer(fittingTo: x)
        expectClose(scaler.inverseTransform(scaler.transform(x)), x, absolute: 1e-13, relative: 1e-14)
    }

    @Test("min-max: each fitted column spans [0, 1]; new data uses the fitted range, by hand")
    func minMaxByHand() {
        let scaler = MinMaxScaler(fittingTo: x)
        #expect(scaler.minimums == [1, 10, 5] && scaler.maximums == [3, 60, 5])
        #expect(scaler.constantColumns == [2])
        // Column 1: (x − 1)/2 → 0, 0.5, 1. Column 2: (x − 10)/50 → 0, 0.2, 1. Constant: x − 5 = 0.
        expectClose(scaler.transform(x), [[0, 0, 0], [0.5, 0.2, 0], [1, 1, 0]], absolute: 1e-15, relative: 1e-15)
        // New data outside the range is not clipped: (4 − 1)/2 = 1.5, (30 − 10)/50 = 0.4, 7 − 5 = 2.
        expectClose(scaler.transform([[4, 30, 7]]), [[1.5, 0.4, 2]], absolute: 1e-15, relative: 1e-15)
        expectClose(scaler.inverseTransform(scaler.transform(x)), x, absolute: 1e-13, relative: 1e-14)
    }

    @Test("scaling a data set keeps its labels and names")
    func scalesDataset() throws {
        let iris = try Dataset.iris()
        let scaled = MinMaxScaler(fittingTo: iris.features).transform(iris)
        #expect(scaled.labels == iris.labels && scaled.featureNames == iris.featureNames)
        #expect(scaled.features.min == 0 && scaled.features.max == 1)  // (m − m)/r = 0 and (M − m)/(M − m) = 1 exactly
    }
}
