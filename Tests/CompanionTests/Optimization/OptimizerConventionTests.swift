import DLMath
import Foundation
import Testing

/// Each framework convention's first steps, derived by hand: scalar
/// arithmetic written out here with the derivation beside it, never the
/// optimizer's own code.
@Suite("Optimizer conventions by hand")
struct OptimizerConventionTests {
    /// One step of `optimizer` on a single 1x1 parameter.
    func step(_ optimizer: inout some Optimizer, _ w: Double, _ g: Double) -> Double {
        var parameters: [Matrix] = [[[w]]]
        optimizer.step(&parameters, gradients: [[[g]]])
        return parameters[0][0, 0]
    }

    @Test("Adam, Keras' ε-hat form: the first two steps by hand")
    func adamKeras() {
        // lr = 0.1, ε̂ = 0.01 (large, so that its placement shows), g₁ = 0.02, g₂ = 0.04.
        var keras = Adam(learningRate: 0.1, epsilon: 0.01, convention: .keras)
        // Step 1: m = 0.1·0.02 = 0.002, v = 0.001·0.0004 = 4e-7, √v = 6.324555e-4;
        // α₁ = 0.1 · √0.001 / 0.1 = √0.001 = 0.0316228; step = α₁ · 0.002 / (6.324555e-4 + 0.01).
        let sqrtV1 = (4e-7).squareRoot()
        let w1 = -(0.001.squareRoot()) * 0.002 / (sqrtV1 + 0.01)
        expectClose(step(&keras, 0, 0.02), w1, relative: 1e-13)
        // PyTorch's form on the same numbers: m̂ = 0.02, v̂ = 0.0004, step = 0.1 · 0.02 / (0.02 + 0.01) = 0.0666667.
        var pytorch = Adam(learningRate: 0.1, epsilon: 0.01)
        expectClose(step(&pytorch, 0, 0.02), -0.1 * 0.02 / 0.03, relative: 1e-13)
        // Keras moved 0.0059496, a tenth of that: ε̂ on the raw √v is ε/√(1 − β₂) = 31.6 ε on v̂'s scale.
        #expect(abs(w1) < 0.1 * 0.1 * 0.02 / 0.03)
        // Step 2: m = 0.9·0.002 + 0.1·0.04 = 0.0058, v = 0.999·4e-7 + 0.001·0.0016 = 1.9996e-6;
        // α₂ = 0.1 · √(1 − 0.999²) / (1 − 0.81) = 0.1 · √0.001999 / 0.19.
        let alpha2 = 0.1 * 0.001999.squareRoot() / 0.19
        let w2 = w1 - alpha2 * 0.0058 / ((1.9996e-6).squareRoot() + 0.01)
        expectClose(step(&keras, w1, 0.04), w2, relative: 1e-12)
    }

    @Test("Adam, Keras' form with ε̂ = ε·√(1 − β₂ᵗ) is PyTorch's form (one step)")
    func adamKerasEquivalence() {
        // On step 1, √(1 − β₂) = √0.001: ε̂ = 1e-3 · √0.001 in Keras' form equals ε = 1e-3 in PyTorch's.
        // By hand: PyTorch's step = lr g / (|g| + ε) = 0.5 · 0.003 / 0.004 = 0.375.
        var keras = Adam(learningRate: 0.5, epsilon: 1e-3 * 0.001.squareRoot(), convention: .keras)
        expectClose(step(&keras, 1, 0.003), 1 - 0.375, relative: 1e-12)
    }

    @Test("Adam, optax's ε_root: the first step by hand; ε_root = 0 is PyTorch's form bit for bit")
    func adamOptax() {
        // g = 0.03, ε_root = 0.0016, ε = 0.01, lr = 1: v̂ = 0.0009, √(0.0009 + 0.0016) = 0.05,
        // step = 0.03 / (0.05 + 0.01) = 0.5.
        var optax = Adam(learningRate: 1, epsilon: 0.01, convention: .optax(epsilonRoot: 0.0016))
        expectClose(step(&optax, 0, 0.03), -0.5, relative: 1e-12)
        // eps_root = 0 (optax's default): the same Doubles as PyTorch's form over several steps.
        var a = Adam(learningRate: 0.01), b = Adam(learningRate: 0.01, convention: .optax(epsilonRoot: 0))
        var wa = 0.3, wb = 0.3
        for g in [0.5, -1e-9, 2, 3e-7, -0.25] {
            wa = step(&a, wa, g)
            wb = step(&b, wb, g)
            #expect(wa.bitPattern == wb.bitPattern)
        }
    }

    @Test("RMSProp, ε inside the root (Keras, optax): the first step by hand")
    func rmsPropInside() {
        // ρ = 0.75, lr = 0.1, ε = 0.5, g = 2: s₁ = 0.25·4 = 1; 1 − 0.1·2/√1.5 = 0.836701…
        var inside = RMSProp(learningRate: 0.1, decay: 0.75, epsilon: 0.5, epsilonPlacement: .insideRoot)
        expectClose(step(&inside, 1, 2), 1 - 0.2 / 1.5.squareRoot(), relative: 1e-14)
        #expect(inside.epsilonPlacement == .insideRoot)
    }

    @Test("RMSProp, s₀ = 1 (TensorFlow 1): the first step by hand")
    func rmsPropInitialOne() {
        // ρ = 0.9, lr = 0.01, ε = 1e-8 outside, g = 0.5: s₁ = 0.9·1 + 0.1·0.25 = 0.925,
        // step = 0.01·0.5/(√0.925 + 1e-8) = 0.0051988, half a percent of the 10·lr a zero start gives.
        var tf1 = RMSProp(learningRate: 0.01, decay: 0.9, initialMeanSquare: 1)
        expectClose(step(&tf1, 0, 0.5), -0.005 / (0.925.squareRoot() + 1e-8), relative: 1e-14)
        #expect(tf1.meanSquares[0][0, 0] == 0.9 + 0.1 * 0.25)
    }

    @Test("AdaGrad in Keras' and optax's form (G₀ = 0.1, ε inside): two steps by hand")
    func adaGradKeras() {
        // lr = 0.001, ε = 1e-7, g = 0.3 then 0.4:
        // G₁ = 0.1 + 0.09 = 0.19, w₁ = −0.001·0.3/√(0.19 + 1e-7);
        // G₂ = 0.19 + 0.16 = 0.35, w₂ = w₁ − 0.001·0.4/√(0.35 + 1e-7).
        var keras = AdaGrad(learningRate: 0.001, initialAccumulator: 0.1, epsilon: 1e-7, epsilonPlacement: .insideRoot)
        let w1 = -0.001 * 0.3 / (0.19 + 1e-7).squareRoot()
        expectClose(step(&keras, 0, 0.3), w1, relative: 1e-14)
        expectClose(step(&keras, w1, 0.4), w1 - 0.001 * 0.4 / (0.35 + 1e-7).squareRoot(), relative: 1e-14)
        // G₀ = 1: the first step is lr·g/√(1 + g²) = 0.001·0.3/√1.09 (ε outside, 1e-10, is below rounding here).
        var one = AdaGrad(learningRate: 0.001, initialAccumulator: 1)
        expectClose(step(&one, 0, 0.3), -0.0003 / 1.09.squareRoot(), relative: 1e-9)
    }

    @Test("momentum in Sutskever's (Keras') form: u ← μu − lr g, w ← w + u, by hand")
    func momentumSutskever() {
        // lr = 0.1, μ = 0.5, g = 2 then 4: u₁ = −0.2, w₁ = 0.8; u₂ = −0.1 − 0.4 = −0.5, w₂ = 0.3.
        var optimizer = Momentum(learningRate: 0.1, momentum: 0.5, convention: .sutskever)
        expectClose(step(&optimizer, 1, 2), 0.8, relative: 1e-15)
        expectClose(step(&optimizer, 0.8, 4), 0.3, relative: 1e-14)
        expectClose(optimizer.velocities[0][0, 0], -0.5, relative: 1e-15)
        // PyTorch's form: v₁ = 2, w₁ = 0.8; v₂ = 1 + 4 = 5, w₂ = 0.8 − 0.5 = 0.3, the same points, v = −u/lr.
        var pytorch = Momentum(learningRate: 0.1, momentum: 0.5)
        _ = step(&pytorch, 1, 2)
        expectClose(step(&pytorch, 0.8, 4), 0.3, relative: 1e-14)
        expectClose(pytorch.velocities[0][0, 0], 5, relative: 1e-15)
    }

    @Test("Nesterov in Sutskever's (Keras') form: w ← w + μu − lr g, by hand, and after a change of lr")
    func nesterovSutskever() {
        // lr = 0.1, μ = 0.5, g = 2: u₁ = −0.2, w₁ = 1 + 0.5·(−0.2) − 0.2 = 0.7.
        // g = 4: u₂ = −0.1 − 0.4 = −0.5, w₂ = 0.7 − 0.25 − 0.4 = 0.05.
        var sutskever = Nesterov(learningRate: 0.1, momentum: 0.5, convention: .sutskever)
        expectClose(step(&sutskever, 1, 2), 0.7, relative: 1e-15)
        expectClose(step(&sutskever, 0.7, 4), 0.05, relative: 1e-12)
        // PyTorch: v₁ = 2, w₁ = 1 − 0.1(2 + 1) = 0.7; v₂ = 1 + 4 = 5, w₂ = 0.7 − 0.1(4 + 2.5) = 0.05.
        var pytorch = Nesterov(learningRate: 0.1, momentum: 0.5)
        expectClose(step(&pytorch, 1, 2), 0.7, relative: 1e-15)
        expectClose(step(&pytorch, 0.7, 4), 0.05, relative: 1e-12)
        // Halve lr for a third step with g = 1. PyTorch: v₃ = 2.5 + 1 = 3.5, w₃ = 0.05 − 0.05(1 + 1.75) = −0.0875.
        // Sutskever: u₃ = −0.25 − 0.05 = −0.3, w₃ = 0.05 − 0.15 − 0.05 = −0.15: the old lr stays folded into u.
        pytorch.learningRate = 0.05
        sutskever.learningRate = 0.05
        expectClose(step(&pytorch, 0.05, 1), -0.0875, relative: 1e-12)
        expectClose(step(&sutskever, 0.05, 1), -0.15, relative: 1e-12)
    }

    @Test("the conventions are Codable and round-trip through JSON")
    func codable() throws {
        let adam: [AdamConvention] = [.pytorch, .keras, .optax(epsilonRoot: 1e-8)]
        let decodedAdam = try JSONDecoder().decode([AdamConvention].self, from: JSONEncoder().encode(adam))
        #expect(decodedAdam == adam)
        let placements = try JSONDecoder().decode(
            [EpsilonPlacement].self, from: JSONEncoder().encode(EpsilonPlacement.allCases))
        #expect(placements == EpsilonPlacement.allCases)
        let forms = try JSONDecoder().decode(
            [MomentumConvention].self, from: JSONEncoder().encode(MomentumConvention.allCases))
        #expect(forms == MomentumConvention.allCases)
    }
}
