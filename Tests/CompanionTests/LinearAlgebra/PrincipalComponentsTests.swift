import DLMath
import Foundation
import Testing

@Suite("Principal component analysis")
struct PrincipalComponentsTests {
    @Test("points on the line y = 2x: one component explains everything, direction [1, 2]/√5")
    func pointsOnALine() {
        let data = Matrix([[0, 0], [1, 2], [2, 4], [3, 6]])
        let pca = PrincipalComponents(data)
        expectClose(pca.mean, [1.5, 3], absolute: 1e-15)
        let r5 = 5.0.squareRoot()
        expectClose(pca.directions.column(0), [1 / r5, 2 / r5], absolute: 1e-14)
        // variance along [1, 2]/√5: scores (x − μ)·d = −1.5√5, −0.5√5, 0.5√5, 1.5√5 → Σ z² / 3 = 5 · 5 / 3
        expectClose(pca.variances[0], 25.0 / 3, absolute: 1e-13)
        expectClose(pca.explainedVarianceRatio, [1, 0], absolute: 1e-14)
        expectClose(pca.reconstructed(data, components: 1), data, absolute: 1e-14)
    }

    @Test("the variances are the eigenvalues of the sample covariance (an independent method)")
    func againstCovariance() throws {
        var generator = SeededGenerator(seed: 2)
        let data = Matrix(rows: 40, columns: 4, elements: (0..<160).map { i in generator.normal() * Double(1 + i % 4) })
        let pca = PrincipalComponents(data)
        let mean = data.mean(along: .rows).elements
        let centred = Matrix(rows: 40, columns: 4) { i, j in data[i, j] - mean[j] }
        let covariance = (centred.transposed * centred) / 39
        let eigen = try covariance.symmetricEigen()
        expectClose(pca.variances, eigen.eigenvalues.reversed(), absolute: 1e-12)
        expectClose(pca.cumulativeExplainedVariance.last ?? 0, 1, absolute: 1e-14)
        expectClose(pca.reconstructed(data, components: 4), data, absolute: 1e-12)
    }
}
