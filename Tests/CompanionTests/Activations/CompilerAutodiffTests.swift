// Cross-checks against the compiler's own automatic differentiation, where the
// toolchain has it. Without `_Differentiation` this file compiles to nothing.
#if canImport(_Differentiation)
    import _Differentiation
    import DLMath
    import Foundation
    import Testing

    @differentiable(reverse)
    private func sigmoidForAutodiff(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @differentiable(reverse)
    private func softplusForAutodiff(_ x: Double) -> Double { log(1 + exp(x)) }

    @differentiable(reverse)
    private func tanhForAutodiff(_ x: Double) -> Double { tanh(x) }

    @differentiable(reverse)
    private func geluTanhForAutodiff(_ x: Double) -> Double {
        0.5 * x * (1 + tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
    }

    @differentiable(reverse)
    private func eluForAutodiff(_ x: Double) -> Double { x > 0 ? x : exp(x) - 1 }

    /// −log softmax(z)₀ for three logits: log(e^z₀ + e^z₁ + e^z₂) − z₀.
    @differentiable(reverse)
    private func crossEntropyLabelZero(_ z0: Double, _ z1: Double, _ z2: Double) -> Double {
        log(exp(z0) + exp(z1) + exp(z2)) - z0
    }

    @Suite("Compiler autodiff cross-checks")
    struct CompilerAutodiffTests {
        @Test("activation derivatives agree with Swift's reverse-mode autodiff")
        func activations() {
            let checks: [(Activation, @differentiable(reverse) (Double) -> Double)] = [
                (.sigmoid, sigmoidForAutodiff), (.softplus, softplusForAutodiff), (.tanh, tanhForAutodiff),
                (.geluTanh, geluTanhForAutodiff), (.elu(alpha: 1), eluForAutodiff)
            ]
            for (activation, f) in checks {
                for x in [-3.5, -0.8, 0.3, 1.7, 4.0] {
                    expectClose(
                        activation.derivative(x), gradient(at: x, of: f), absolute: 1e-14, relative: 1e-12,
                        "\(activation.name)′(\(x))")
                }
            }
        }

        @Test("softmax cross-entropy's gradient p − y agrees with autodiff")
        func softmaxCrossEntropy() {
            let z: [Double] = [0.4, -1.1, 2.2]
            let (g0, g1, g2) = gradient(at: z[0], z[1], z[2], of: crossEntropyLabelZero)
            let ours = DLMath.softmaxCrossEntropy(logits: Matrix(row: z), labels: [0]).gradient
            expectClose(ours.elements, [g0, g1, g2], absolute: 1e-15, relative: 1e-12)
        }

        @Test("MSE and binary cross-entropy from logits agree with autodiff")
        func losses() {
            let (p, y) = (0.7, -0.4)
            let mse = gradient(at: p) { (q: Double) -> Double in (q - y) * (q - y) }
            expectClose(meanSquaredError(predictions: [[p]], targets: [[y]]).gradient[0, 0], mse, absolute: 1e-15)
            let (z, t) = (1.3, 0.25)
            // −[t log σ(z) + (1 − t) log(1 − σ(z))], written the naive way: fine at a moderate logit.
            let bce = gradient(at: z) { (w: Double) -> Double in
                let s = 1 / (1 + exp(-w))
                return -(t * log(s) + (1 - t) * log(1 - s))
            }
            expectClose(
                binaryCrossEntropy(logits: [[z]], targets: [[t]]).gradient[0, 0], bce, absolute: 1e-14, relative: 1e-12)
        }
    }
#endif
