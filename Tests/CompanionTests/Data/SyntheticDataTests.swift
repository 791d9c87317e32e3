import DLMath
import Foundation
import Testing

/// The seeded synthetic data: the book's linear data, spirals, moons, XOR.
@Suite("Synthetic data")
struct SyntheticDataTests {
    @Test("book's linear data: 100 x 2 in [0, 1), targets 0.5 x1 + 0.3 x2 + noise of σ ≈ 0.1")
    func bookLinear() {
        var generator = SeededGenerator(seed: 2024)
        let data = TrainingExamples.bookExample(using: &generator)
        #expect(data.inputs.rows == 100 && data.inputs.columns == 2)
        #expect(data.targets.rows == 100 && data.targets.columns == 1)
        #expect(data.inputs.min >= 0 && data.inputs.max < 1)
        // Residuals against the formula, computed here element by element.
        let residuals = (0..<100).map { i in data.targets[i, 0] - (0.5 * data.inputs[i, 0] + 0.3 * data.inputs[i, 1]) }
        let mean = residuals.reduce(0, +) / 100
        let sd = (residuals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 100).squareRoot()
        // Sample of 100 draws of N(0, 0.1²): the mean has standard error 0.01 and the sd
        // about 0.1/√200 ≈ 0.007; bounds of 4 standard errors.
        #expect(abs(mean) < 0.04)
        #expect(abs(sd - 0.1) < 0.03)
    }

    @Test("linear data without noise is exactly X w + b; same seed, same data")
    func linearExact() {
        var generator = SeededGenerator(seed: 7)
        let data = TrainingExamples.linear(
            count: 5, weights: [2, -1, 0.5], bias: 1, noiseStandardDeviation: 0,
            using: &generator)
        for i in 0..<5 {
            let x = data.inputs.row(i)
            expectClose(data.targets[i, 0], 2 * x[0] - x[1] + 0.5 * x[2] + 1, absolute: 1e-15, relative: 1e-15)
        }
        var first = SeededGenerator(seed: 99), second = SeededGenerator(seed: 99), other = SeededGenerator(seed: 100)
        let a = TrainingExamples.bookExample(using: &first)
        #expect(a == TrainingExamples.bookExample(using: &second))
        #expect(a != TrainingExamples.bookExample(using: &other))
    }

    @Test("spirals, moons, XOR: shapes, exact balance, deterministic per seed")
    func shapesAndDeterminism() {
        typealias Make = (inout SeededGenerator) -> Dataset
        let makers: [(String, Make, Int)] = [
            ("spirals", { Dataset.twoSpirals(pointsPerClass: 50, noise: 0.05, using: &$0) }, 100),
            ("moons", { Dataset.twoMoons(pointsPerClass: 50, noise: 0.1, using: &$0) }, 100),
            ("xor", { Dataset.xor(pointsPerCorner: 25, noise: 0.1, using: &$0) }, 100)
        ]
        for (name, make, count) in makers {
            var g1 = SeededGenerator(seed: 1), g2 = SeededGenerator(seed: 1), g3 = SeededGenerator(seed: 2)
            let a = make(&g1)
            #expect(a.features.rows == count && a.features.columns == 2, "\(name)")
            #expect(a.classCounts == [count / 2, count / 2], "\(name)")
            #expect(a == make(&g2), "\(name): same seed, same data")
            #expect(a != make(&g3), "\(name): another seed, other data")
        }
    }

    @Test("without noise the shapes are the formulas, by hand")
    func cleanShapes() {
        var generator = SeededGenerator(seed: 0)
        // Moons, m = 3: θ = 0, π/2, π. Upper: (1, 0), (0, 1), (−1, 0).
        // Lower: (1 − cos θ, ½ − sin θ) = (0, 0.5), (1, −0.5), (2, 0.5).
        let moons = Dataset.twoMoons(pointsPerClass: 3, noise: 0, using: &generator)
        expectClose(
            moons.features, [[1, 0], [0, 1], [-1, 0], [0, 0.5], [1, -0.5], [2, 0.5]],
            absolute: 1e-15, relative: 0)
        #expect(moons.labels == [0, 0, 0, 1, 1, 1])
        // XOR, one point per corner: (0,0)→0, (1,1)→0, (0,1)→1, (1,0)→1.
        let xor = Dataset.xor(pointsPerCorner: 1, noise: 0, using: &generator)
        #expect(xor.features == [[0, 0], [1, 1], [0, 1], [1, 0]] && xor.labels == [0, 0, 1, 1])
        // Spirals, m = 4, 1.5 turns: point 0 has t = 1/8, θ = 2π · 1.5 / 8 = 3π/8,
        // so (cos(3π/8), sin(3π/8)) / 8; the other spiral's point 0 is its negative.
        // Point 3 has t = 7/8, θ = 21π/8, radius 7/8.
        let spirals = Dataset.twoSpirals(pointsPerClass: 4, noise: 0, using: &generator)
        let p0 = [cos(3 * Double.pi / 8) / 8, sin(3 * Double.pi / 8) / 8]
        expectClose(spirals.features.row(0), p0, absolute: 1e-15, relative: 1e-15)
        expectClose(spirals.features.row(4), p0.map { -$0 }, absolute: 1e-15, relative: 1e-15)
        let p3 = spirals.features.row(3)
        expectClose((p3[0] * p3[0] + p3[1] * p3[1]).squareRoot(), 7.0 / 8, absolute: 1e-15, relative: 1e-15)
    }

    @Test("the noise has the requested standard deviation")
    func noiseSize() {
        var generator = SeededGenerator(seed: 3)
        let xor = Dataset.xor(pointsPerCorner: 1000, noise: 0.2, using: &generator)
        // Rows 0..<1000 are around (0, 0): their coordinates are pure noise, 2000 draws of N(0, 0.2²).
        let noise = (0..<1000).flatMap { xor.features.row($0) }
        let sd = (noise.map { $0 * $0 }.reduce(0, +) / Double(noise.count)).squareRoot()
        // Standard error of the sd ≈ 0.2/√4000 ≈ 0.003; allow 0.015.
        #expect(abs(sd - 0.2) < 0.015)
    }
}
