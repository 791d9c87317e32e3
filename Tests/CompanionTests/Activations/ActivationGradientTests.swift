import DLMath
import Foundation
import Testing

/// Every activation's derivative against central differences, away from kinks.
@Suite("Activations: gradient checks")
struct ActivationGradientTests {
    static let all: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01), .leakyReLU(slope: 0.3),
        .elu(alpha: 1), .elu(alpha: 0.5), .geluExact, .geluTanh, .softplus
    ]

    @Test("φ′ matches central differences of f(Z) = Σ W ⊙ φ(Z) at 24 points in [−6, 6]", arguments: all)
    func gradientCheckOfActivation(_ activation: Activation) {
        var generator = SeededGenerator(seed: 5)
        // Points at least 0.05 away from 0 (the kink of ReLU, leaky ReLU and ELU″).
        let z = generator.uniformMatrix(rows: 4, columns: 6, low: -6, high: 6).map { abs($0) < 0.05 ? $0 + 0.1 : $0 }
        let w = generator.normalMatrix(rows: 4, columns: 6)
        let analytic = w .* activation.derivative(at: z)
        let result = gradientCheck(analytic, of: { (w .* activation($0)).sum }, at: z, name: activation.name)
        #expect(result.passed, "\(result)")
        #expect(result.maximumError < 1e-6)
    }

    @Test("scalar derivatives match central differences at the worked points", arguments: all)
    func scalarDerivatives(_ activation: Activation) {
        for x in [-2.3, -0.7, 0.4, 1.0, 3.1] {
            let numerical = centralDifference(of: activation.value, at: x)
            expectClose(
                activation.derivative(x), numerical, absolute: 1e-8, relative: 1e-8, "\(activation.name)′(\(x))")
        }
    }
}
