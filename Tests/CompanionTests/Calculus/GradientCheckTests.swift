import DLMath
import Foundation
import Testing

@Suite("Gradient check")
struct GradientCheckTests {
    // f(W) = Σᵢⱼ sin(Wᵢⱼ) · Wᵢⱼ, so ∂f/∂Wᵢⱼ = sin Wᵢⱼ + Wᵢⱼ cos Wᵢⱼ (product rule).
    static func f(_ w: Matrix) -> Double { w.elements.map { sin($0) * $0 }.reduce(0, +) }
    static func gradient(_ w: Matrix) -> Matrix { w.map { sin($0) + $0 * cos($0) } }
    let w: Matrix = [[0.1, -0.7, 1.3], [2.0, -1.1, 0.4]]

    @Test("a correct gradient passes, with an error far below the tolerance")
    func passes() {
        let result = gradientCheck(Self.gradient(w), of: Self.f, at: w, name: "sinTimes")
        #expect(result.passed)
        #expect(result.maximumError < 1e-9)
        #expect(result.description.hasPrefix("gradient check passed for sinTimes"))
    }

    @Test("a wrong gradient fails, and the message says where and by how much")
    func failsWithLocation() {
        // Break one element, (1, 2), by +0.01: the error there is 0.01 / max(1, |g|) = 0.01
        // (|g| = |sin 0.4 + 0.4 cos 0.4| ≈ 0.757 < 1).
        var wrong = Self.gradient(w)
        let correct = wrong[1, 2]
        wrong[1, 2] += 0.01
        let result = gradientCheck(wrong, of: Self.f, at: w, name: "Dense.weights")
        #expect(!result.passed)
        #expect(result.worstIndex == (row: 1, column: 2))
        expectClose(result.maximumError, 0.01, absolute: 1e-8, relative: 0)
        expectClose(result.analyticValue, correct + 0.01, absolute: 1e-15, relative: 0)
        expectClose(result.numericalValue, correct, absolute: 1e-9, relative: 0)
        let message = result.description
        #expect(message.contains("FAILED for Dense.weights"))
        #expect(message.contains("at (1, 2)"))
        #expect(message.contains("largest error 1.00e-02"))
        #expect(message.contains("analytic \(formatCompact(correct + 0.01, significantDigits: 10))"))
    }

    @Test("the error is relative for large gradients and absolute for small ones")
    func errorMeasure() {
        // f(x) = 1000 x² at x = 3: f' = 6000. A gradient of 6006 is off by 6, relative error 1e-3.
        let large = gradientCheck([6006], of: { 1000 * $0[0] * $0[0] }, at: [3])
        expectClose(large.maximumError, 6.0 / 6006, absolute: 1e-9, relative: 0)
        // f(x) = 1e-3 x at any x: f' = 1e-3. A gradient of 0 is off by 1e-3 absolute.
        let small = gradientCheck([0], of: { 1e-3 * $0[0] }, at: [5])
        expectClose(small.maximumError, 1e-3, absolute: 1e-9, relative: 0)
        #expect(!small.passed)
    }

    @Test("NaN in the analytic gradient fails the check")
    func nan() {
        let result = gradientCheck([Double.nan, 1], of: { $0[0] + $0[1] }, at: [1, 1])
        #expect(!result.passed)
        #expect(result.worstIndex == (row: 0, column: 0))
    }

    @Test("gradient of a tanh layer loss L = Σ G ⊙ tanh(x W + b) w.r.t. W is xᵀ (G ⊙ (1 − tanh²))")
    func layer() {
        var generator = SeededGenerator(seed: 42)
        let x = generator.normalMatrix(rows: 4, columns: 3)
        let w = generator.normalMatrix(rows: 3, columns: 2)
        let b = generator.normalMatrix(rows: 1, columns: 2)
        let g = generator.normalMatrix(rows: 4, columns: 2)
        let loss: (Matrix) -> Double = { w in (g .* (x * w + b).map(tanh)).sum }
        let y = (x * w + b).map(tanh)
        let analytic = x.transposed * (g .* (1 - y .* y))
        #expect(gradientCheck(analytic, of: loss, at: w, name: "layer.W").passed)
    }
}
