import DLMath
import Foundation
import Testing

/// MSE, MAE and Huber on worked examples, their gradients, and gradient checks.
@Suite("Losses: MSE, MAE, Huber")
struct RegressionLossTests {
    // Residuals r = ŷ − y = [−0.5, 0, 2] in all three worked examples.
    let predictions: Matrix = [[1], [2], [3]]
    let targets: Matrix = [[1.5], [2], [1]]

    @Test("MSE: (0.25 + 0 + 4)/3 = 1.41667, gradient 2r/3 = [−1/3, 0, 4/3]")
    func meanSquared() {
        let loss = meanSquaredError(predictions: predictions, targets: targets)
        expectClose(loss.value, 4.25 / 3, absolute: 1e-15)
        expectClose(loss.gradient, [[-1.0 / 3], [0], [4.0 / 3]], absolute: 1e-15)
    }

    @Test("MSE is the mean over all elements: [[1, 2], [3, 4]] against 0 gives 30/4 = 7.5, gradient x/2")
    func meanSquaredOverAllElements() {
        let x: Matrix = [[1, 2], [3, 4]]
        let loss = meanSquaredError(predictions: x, targets: Matrix(rows: 2, columns: 2))
        expectClose(loss.value, 7.5, absolute: 1e-15)  // (1 + 4 + 9 + 16)/4, not /2
        expectClose(loss.gradient, [[0.5, 1], [1.5, 2]], absolute: 1e-15)  // 2x/4
    }

    @Test("MAE: (0.5 + 0 + 2)/3 = 5/6, gradient sign(r)/3 with sign(0) = 0")
    func meanAbsolute() {
        let loss = meanAbsoluteError(predictions: predictions, targets: targets)
        expectClose(loss.value, 2.5 / 3, absolute: 1e-15)
        expectClose(loss.gradient, [[-1.0 / 3], [0], [1.0 / 3]], absolute: 1e-15)
        #expect(loss.gradient[1, 0] == 0, "convention: the subgradient at r = 0 is 0")
    }

    @Test("Huber δ = 1: r = [−0.5, 0, 2, −3] gives (0.125 + 0 + 1.5 + 2.5)/4, gradient clip(r, ±1)/4")
    func huber() {
        let loss = huberLoss(predictions: [[-0.5], [0], [2], [-3]], targets: Matrix(rows: 4, columns: 1), delta: 1)
        // ½·0.25 = 0.125;  0;  1·(2 − ½) = 1.5;  1·(3 − ½) = 2.5
        expectClose(loss.value, 4.125 / 4, absolute: 1e-15)
        expectClose(loss.gradient, [[-0.125], [0], [0.25], [-0.25]], absolute: 1e-15)
    }

    @Test("Huber at the transition |r| = δ: both pieces give ½δ² and slope δ")
    func huberTransition() {
        let delta = 2.0
        // At r = δ = 2: quadratic ½·4 = 2, linear 2·(2 − 1) = 2. Just past it, r = 3: 2·(3 − 1) = 4.
        expectClose(huberLoss(predictions: [[2]], targets: [[0]], delta: delta).value, 2, absolute: 1e-15)
        expectClose(huberLoss(predictions: [[3]], targets: [[0]], delta: delta).value, 4, absolute: 1e-15)
        expectClose(huberLoss(predictions: [[2]], targets: [[0]], delta: delta).gradient[0, 0], 2, absolute: 0)
        // Continuity from both sides: values and slopes just inside and just outside differ by O(ε).
        let inside = huberLoss(predictions: [[delta - 1e-9]], targets: [[0]], delta: delta)
        let outside = huberLoss(predictions: [[delta + 1e-9]], targets: [[0]], delta: delta)
        expectClose(outside.value - inside.value, 2e-9 * delta, absolute: 1e-15)
        expectClose(outside.gradient[0, 0], inside.gradient[0, 0], absolute: 1e-8)
    }

    @Test("Huber with δ above every |r| is MSE/2; far out it grows like δ|r|")
    func huberLimits() {
        var generator = SeededGenerator(seed: 21)
        let p = generator.normalMatrix(rows: 4, columns: 3), y = generator.normalMatrix(rows: 4, columns: 3)
        let huber = huberLoss(predictions: p, targets: y, delta: 100)
        let mse = meanSquaredError(predictions: p, targets: y)
        expectClose(huber.value, mse.value / 2, absolute: 1e-15, relative: 1e-14)
        expectClose(huber.gradient, mse.gradient / 2, absolute: 1e-15, relative: 1e-14)
        // δ = 0.001, r = 5: 0.001·(5 − 0.0005) = 0.0049995
        expectClose(huberLoss(predictions: [[5]], targets: [[0]], delta: 0.001).value, 0.0049995, absolute: 1e-15)
    }

    @Test("gradient checks of MSE, MAE and Huber (residuals away from 0 and ±δ)")
    func gradientChecks() {
        var generator = SeededGenerator(seed: 22)
        let y = generator.normalMatrix(rows: 5, columns: 3)
        // Residuals of size 0.1 to 3 with random signs, none within 0.1 of 0 or of ±δ = ±1.
        let offsets = generator.uniformMatrix(rows: 5, columns: 3, low: 0.1, high: 3)
            .map { abs($0 - 1) < 0.1 ? $0 + 0.25 : $0 }
        let signs = generator.uniformMatrix(rows: 5, columns: 3, low: -1, high: 1).map { $0 < 0 ? -1 : 1 }
        let p = y + offsets .* signs
        let checks = [
            gradientCheck(
                meanSquaredError(predictions: p, targets: y).gradient,
                of: { meanSquaredError(predictions: $0, targets: y).value }, at: p, name: "MSE"),
            gradientCheck(
                meanAbsoluteError(predictions: p, targets: y).gradient,
                of: { meanAbsoluteError(predictions: $0, targets: y).value }, at: p, name: "MAE"),
            gradientCheck(
                huberLoss(predictions: p, targets: y).gradient,
                of: { huberLoss(predictions: $0, targets: y).value }, at: p, name: "Huber")
        ]
        for check in checks { #expect(check.passed, "\(check)") }
    }
}
