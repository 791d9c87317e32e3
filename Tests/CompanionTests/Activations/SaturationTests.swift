import DLMath
import Foundation
import Testing

/// Where each activation saturates: by hand for sigmoid and tanh, by definition elsewhere.
@Suite("Activations: saturation points")
struct SaturationTests {
    @Test("sigmoid saturates beyond ±4.5849 (σ′ < 1e-2) and ±9.2101 (σ′ < 1e-4)")
    func sigmoid() {
        // σ(1 − σ) = c  ⇒  σ = (1 + √(1 − 4c))/2,  x* = log(σ/(1 − σ)).
        for c in [1e-2, 1e-4] {
            let s = (1 + (1 - 4 * c).squareRoot()) / 2
            let byHand = log(s / (1 - s))
            expectClose(
                Activation.sigmoid.saturationPoint(derivativeBelow: c, toward: .positive) ?? .nan, byHand,
                absolute: 1e-9)
            expectClose(
                Activation.sigmoid.saturationPoint(derivativeBelow: c, toward: .negative) ?? .nan, -byHand,
                absolute: 1e-9)
        }
    }

    @Test("tanh saturates beyond acosh(10) = 2.9932 and acosh(100) = 5.2983")
    func hyperbolicTangent() {
        // sech² x = c  ⇒  cosh x = 1/√c  ⇒  x* = acosh(1/√c).
        expectClose(
            Activation.tanh.saturationPoint(derivativeBelow: 1e-2, toward: .positive) ?? .nan, acosh(10), absolute: 1e-9
        )
        expectClose(
            Activation.tanh.saturationPoint(derivativeBelow: 1e-4, toward: .negative) ?? .nan, -acosh(100),
            absolute: 1e-9)
    }

    @Test("ReLU is dead on the whole negative side and never saturates on the positive side")
    func relu() {
        #expect(Activation.relu.saturationPoint(derivativeBelow: 1e-2, toward: .negative) == 0)
        #expect(Activation.relu.saturationPoint(derivativeBelow: 1e-2, toward: .positive) == nil)
        #expect(Activation.leakyReLU(slope: 0.01).saturationPoint(derivativeBelow: 1e-4, toward: .negative) == nil)
        #expect(Activation.elu(alpha: 1).saturationPoint(derivativeBelow: 1e-2, toward: .positive) == nil)
    }

    @Test("softplus and ELU saturate on the left where eˣ = c: x* = ln c (to first order)")
    func leftSaturation() {
        // ELU′(x) = eˣ for x < 0: exactly ln c.
        expectClose(
            Activation.elu(alpha: 1).saturationPoint(derivativeBelow: 1e-2, toward: .negative) ?? .nan, log(1e-2),
            absolute: 1e-9)
        // softplus′ = σ(x) = c ⇒ x* = log(c/(1 − c)).
        expectClose(
            Activation.softplus.saturationPoint(derivativeBelow: 1e-4, toward: .negative) ?? .nan,
            log(1e-4 / (1 - 1e-4)), absolute: 1e-9)
    }

    @Test("GELU: beyond the point, |φ′| stays below the threshold (checked on a grid)")
    func geluBeyondThePoint() throws {
        for activation in [Activation.geluExact, .geluTanh] {
            let point = try #require(activation.saturationPoint(derivativeBelow: 1e-2, toward: .negative))
            #expect(abs(activation.derivative(point)) <= 1e-2 * (1 + 1e-9))
            #expect(abs(activation.derivative(point + 0.01)) > 1e-2)
            for i in 0..<1000 { #expect(abs(activation.derivative(point - Double(i) * 0.05)) < 1e-2 * (1 + 1e-9)) }
        }
    }
}
