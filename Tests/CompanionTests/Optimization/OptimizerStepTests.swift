import DLMath
import Foundation
import Testing

/// Optimizer steps derived by hand. Each test writes the derivation beside
/// the expected value; none is copied from the code's output.
@Suite("Optimizer steps by hand")
struct OptimizerStepTests {
    /// One step of `optimizer` on a single parameter.
    func step(_ optimizer: inout some Optimizer, _ w: Matrix, _ g: Matrix) -> Matrix {
        var parameters = [w]
        optimizer.step(&parameters, gradients: [g])
        return parameters[0]
    }

    @Test("SGD: w ← w − lr g, on every parameter of a list")
    func sgd() {
        var sgd = SGD(learningRate: 0.5)
        var parameters: [Matrix] = [[[1, 2]], [[3], [4]]]
        sgd.step(&parameters, gradients: [[[2, -2]], [[0.5], [1]]])
        // 1 − 0.5·2 = 0, 2 + 0.5·2 = 3; 3 − 0.25 = 2.75, 4 − 0.5 = 3.5.
        expectClose(parameters[0], [[0, 3]])
        expectClose(parameters[1], [[2.75], [3.5]])
    }

    @Test("momentum on ½ a x² follows x_{k+1} = (1 + μ − lr a) x_k − μ x_{k−1}")
    func momentumRecurrence() {
        let a = 2.0, lr = 0.1, mu = 0.8
        var optimizer = Momentum(learningRate: lr, momentum: mu)
        var x: Matrix = [[3]]
        var run = [3.0]
        for _ in 0..<30 {
            x = step(&optimizer, x, a * x)
            run.append(x[0, 0])
        }
        // By hand: v₁ = a x₀ = 6, x₁ = 3 − 0.1·6 = 2.4; v₂ = 0.8·6 + 2·2.4 = 9.6, x₂ = 2.4 − 0.96 = 1.44.
        expectClose(run[1], 2.4, absolute: 1e-15)
        expectClose(run[2], 1.44, absolute: 1e-15)
        // Eliminating v (lr v_k = x_{k−1} − x_k): x_{k+1} = (1 + μ − lr a) x_k − μ x_{k−1}.
        var recurrence = [3.0, (1 - lr * a) * 3]
        while recurrence.count < run.count {
            let k = recurrence.count - 1
            recurrence.append((1 + mu - lr * a) * recurrence[k] - mu * recurrence[k - 1])
        }
        expectClose(run, recurrence, absolute: 1e-13)
        // The library's own recurrence agrees too.
        expectClose(
            DiagonalQuadratic.momentumRecurrence(start: 3, curvature: a, learningRate: lr, momentum: mu, steps: 30),
            recurrence, absolute: 1e-13)
    }

    @Test("momentum convention: v = μ v + g (PyTorch), not the moving average (1 − μ) g")
    func momentumConvention() {
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.5)
        var w: Matrix = [[0]]
        w = step(&optimizer, w, [[2]])
        w = step(&optimizer, w, [[2]])
        // v₁ = 2, v₂ = 0.5·2 + 2 = 3 (the EMA form would give 0.5·2 = 1, then 0.5·1 + 1 = 1.5).
        expectClose(optimizer.velocities[0][0, 0], 3)
        // w = 0 − 0.1·2 − 0.1·3 = −0.5.
        expectClose(w[0, 0], -0.5, absolute: 1e-15)
    }

    @Test("momentum: Keras' form v ← μ v − lr g, w ← w + v gives the same iterates at constant lr")
    func momentumMatchesKeras() {
        let lr = 0.05, mu = 0.9, a = 3.0
        var optimizer = Momentum(learningRate: lr, momentum: mu)
        var w: Matrix = [[1]]
        var kerasW = 1.0, kerasV = 0.0
        for _ in 0..<20 {
            w = step(&optimizer, w, a * w)
            kerasV = mu * kerasV - lr * a * kerasW
            kerasW += kerasV
            expectClose(w[0, 0], kerasW, absolute: 1e-14)
        }
    }

    @Test("Nesterov: the first two steps by hand, and different from heavy-ball momentum")
    func nesterovFirstSteps() {
        // f = ½ w², so g = w; lr = 0.1, μ = 0.9, w₀ = 1.
        var optimizer = Nesterov(learningRate: 0.1, momentum: 0.9)
        var w: Matrix = [[1]]
        w = step(&optimizer, w, w)
        // v₁ = 1, w₁ = 1 − 0.1 (1 + 0.9·1) = 0.81.
        expectClose(w[0, 0], 0.81, absolute: 1e-15)
        w = step(&optimizer, w, w)
        // v₂ = 0.9·1 + 0.81 = 1.71, w₂ = 0.81 − 0.1 (0.81 + 0.9·1.71) = 0.81 − 0.2349 = 0.5751.
        expectClose(optimizer.velocities[0][0, 0], 1.71, absolute: 1e-15)
        expectClose(w[0, 0], 0.5751, absolute: 1e-15)
        // Heavy ball from the same start: 0.9, then 0.9 − 0.1 (0.9 + 0.9) = 0.72.
        var heavy = Momentum(learningRate: 0.1, momentum: 0.9)
        var h: Matrix = [[1]]
        h = step(&heavy, h, h)
        h = step(&heavy, h, h)
        expectClose(h[0, 0], 0.72, absolute: 1e-15)
    }

    @Test("Nesterov: PyTorch's iterates are Sutskever's look-ahead points θ + μ u (on Rosenbrock)")
    func nesterovTwoForms() {
        let f = Rosenbrock()
        let start = [-1.2, 1.0], lr = 1e-4, mu = 0.9
        let original = Nesterov.lookAheadIterates(on: f, from: start, learningRate: lr, momentum: mu, steps: 50)
        var optimizer = Nesterov(learningRate: lr, momentum: mu)
        var parameters = [Matrix(row: start)]
        for k in 1...50 {
            optimizer.step(&parameters, gradients: [Matrix(row: f.gradient(at: parameters[0].elements))])
            let lookAhead = zip(original.positions[k], original.velocities[k]).map { $0 + mu * $1 }
            expectClose(parameters[0].elements, lookAhead, absolute: 1e-12, relative: 1e-12)
            // u = −lr v.
            expectClose(
                original.velocities[k], optimizer.velocities[0].elements.map { -lr * $0 },
                absolute: 1e-12, relative: 1e-10)
        }
    }

    @Test("AdaGrad: under a constant gradient the step shrinks as 1/√t")
    func adaGradStepShrinks() {
        var optimizer = AdaGrad(learningRate: 0.5)
        var w: Matrix = [[0, 0]]
        var previous = w
        for t in 1...16 {
            w = step(&optimizer, w, [[4, -0.01]])
            let moved = (w - previous).elements
            // G = t g², step = lr g / (√t |g| + ε) = 0.5 sign(g) / √t (ε = 1e-10 is negligible here).
            expectClose(
                moved, [-0.5 / Double(t).squareRoot(), 0.5 / Double(t).squareRoot()], absolute: 0, relative: 1e-7)
            previous = w
        }
        expectClose(optimizer.accumulators[0].elements, [16 * 16, 16 * 1e-4], relative: 1e-12)
    }

    @Test("AdaGrad convention: accumulator starts at 0 (PyTorch); Keras' 0.1 is an option")
    func adaGradInitialAccumulator() {
        var pytorch = AdaGrad(learningRate: 1, epsilon: 1e-10)
        // G₁ = 0 + 9, step = 3 / (3 + 1e-10).
        expectClose(step(&pytorch, [[0]], [[3]])[0, 0], -3 / (3 + 1e-10), relative: 1e-15)
        var kerasStart = AdaGrad(learningRate: 1, initialAccumulator: 0.1, epsilon: 1e-10)
        // G₁ = 0.1 + 9 = 9.1, step = 3 / √9.1 = 0.994490…
        expectClose(step(&kerasStart, [[0]], [[3]])[0, 0], -3 / (9.1.squareRoot() + 1e-10), relative: 1e-14)
        #expect(kerasStart.initialAccumulator == 0.1)
    }

    @Test("RMSProp: the first two steps by hand, ε outside the root")
    func rmsPropFirstSteps() {
        // ρ = 0.75, lr = 0.1, ε = 0.5 (large, so that its placement shows), w₀ = 1.
        var optimizer = RMSProp(learningRate: 0.1, decay: 0.75, epsilon: 0.5)
        var w: Matrix = [[1]]
        w = step(&optimizer, w, [[2]])
        // s₁ = 0.25·4 = 1; w₁ = 1 − 0.1·2 / (√1 + 0.5) = 1 − 0.2/1.5 = 0.866666…
        // (ε inside, as in Keras, would give 1 − 0.2/√1.5 = 0.836701).
        expectClose(optimizer.meanSquares[0][0, 0], 1)
        expectClose(w[0, 0], 1 - 0.2 / 1.5)
        w = step(&optimizer, w, [[1]])
        // s₂ = 0.75·1 + 0.25·1 = 1; w₂ = w₁ − 0.1·1 / 1.5.
        expectClose(optimizer.meanSquares[0][0, 0], 1)
        expectClose(w[0, 0], 1 - 0.2 / 1.5 - 0.1 / 1.5)
    }

    @Test("Adam: the first step moves every weight by about lr against the gradient's sign")
    func adamFirstStep() {
        var optimizer = Adam(learningRate: 0.001)
        let w: Matrix = [[1, -2, 0.5, 7]]
        let g: Matrix = [[3, -0.002, 50, -1e-3]]
        let moved = step(&optimizer, w, g) - w
        // m̂₁ = g, v̂₁ = g², step = lr g / (|g| + ε) = lr sign(g) · |g| / (|g| + 1e-8).
        for j in 0..<4 {
            let size = abs(g[0, j])
            expectClose(moved[0, j], -0.001 * (g[0, j] > 0 ? 1 : -1) * size / (size + 1e-8), relative: 1e-12)
            expectClose(abs(moved[0, j]), 0.001, relative: 1e-5)
        }
        // The raw moments are (1 − β₁) g and (1 − β₂) g²; corrected, g and g².
        expectClose(optimizer.firstMoments[0], 0.1 * g, relative: 1e-12)
        expectClose(optimizer.secondMoments[0], 0.001 * (g .* g), relative: 1e-12)
        expectClose(optimizer.correctedFirstMoments[0], g, relative: 1e-12)
        expectClose(optimizer.correctedSecondMoments[0], g .* g, relative: 1e-12)
    }

    @Test("Adam: the second step by hand and ε outside the root of v̂ (PyTorch)")
    func adamSecondStepAndEpsilon() {
        var optimizer = Adam(learningRate: 0.01)
        var w: Matrix = [[0]]
        w = step(&optimizer, w, [[1]])
        w = step(&optimizer, w, [[2]])
        // m₂ = 0.9·0.1 + 0.1·2 = 0.29, v₂ = 0.999·0.001 + 0.001·4 = 0.004999;
        // m̂₂ = 0.29 / (1 − 0.81) = 1.526316, v̂₂ = 0.004999 / (1 − 0.998001) = 2.500750.
        expectClose(optimizer.correctedFirstMoments[0][0, 0], 0.29 / 0.19, relative: 1e-12)
        expectClose(optimizer.correctedSecondMoments[0][0, 0], 0.004999 / 0.001999, relative: 1e-10)
        // w₂ = −0.01·1/(1 + ε) − 0.01 · m̂₂ / (√v̂₂ + ε).
        let expected = -0.01 / (1 + 1e-8) - 0.01 * (0.29 / 0.19) / ((0.004999 / 0.001999).squareRoot() + 1e-8)
        expectClose(w[0, 0], expected, relative: 1e-10)

        // ε = 1, g = 3: PyTorch's rule moves lr · 3 / (3 + 1) = 0.75 lr
        // (ε inside the root would give 3/√10 = 0.949 lr; Keras' ε-hat lr √0.001/0.1 · 0.3/(√0.009 + 1) = 0.0867 lr).
        var large = Adam(learningRate: 1, epsilon: 1)
        expectClose(step(&large, [[0]], [[3]])[0, 0], -0.75, relative: 1e-12)
    }

    @Test("AdamW: the decay is decoupled from the gradient")
    func adamWDecoupled() {
        // With g = 0 Adam moves nothing (m = v = 0, 0/ε = 0), so w ← (1 − lr λ) w exactly:
        // lr = 0.1, λ = 0.5: factor 0.95; 2 → 1.9, −4 → −3.8.
        var optimizer = AdamW(learningRate: 0.1, weightDecay: 0.5)
        expectClose(step(&optimizer, [[2, -4]], [[0, 0]]), [[1.9, -3.8]], absolute: 1e-15)

        // w = 10, g = 0.001, λ = 0.1, lr = 0.01.
        // AdamW: 10 (1 − 0.001) − 0.01 · 0.001/(0.001 + 1e-8) = 9.99 − 0.0099990 = 9.980001.
        var adamW = AdamW(learningRate: 0.01, weightDecay: 0.1)
        expectClose(step(&adamW, [[10]], [[0.001]])[0, 0], 9.99 - 0.01 * 0.001 / (0.001 + 1e-8), relative: 1e-14)
        // Adam with the L2 gradient g + λ w = 1.001 instead: the decay is normalised away,
        // 10 − 0.01 · 1.001/(1.001 + 1e-8) ≈ 9.99, half the shrinkage.
        var coupled = Adam(learningRate: 0.01)
        expectClose(step(&coupled, [[10]], [[1.001]])[0, 0], 10 - 0.01 * 1.001 / (1.001 + 1e-8), relative: 1e-14)
    }

    @Test("state is created on the first step, one slot per parameter with its shape")
    func lazyState() {
        var optimizer = Adam()
        #expect(optimizer.firstMoments.isEmpty && optimizer.stepCount == 0)
        var parameters: [Matrix] = [Matrix(rows: 2, columns: 3, repeating: 1), Matrix(row: [1, 2, 3])]
        optimizer.step(&parameters, gradients: parameters)
        #expect(optimizer.stepCount == 1)
        #expect(optimizer.firstMoments.map(\.shapeDescription) == ["2x3", "1x3"])
        #expect(optimizer.secondMoments.map(\.shapeDescription) == ["2x3", "1x3"])
        var momentum = Momentum(learningRate: 0.1)
        #expect(momentum.velocities.isEmpty)
        momentum.step(&parameters, gradients: parameters)
        #expect(momentum.velocities.count == 2)
    }
}
