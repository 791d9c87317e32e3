import DLMath
import Foundation
import Testing

/// Extreme inputs: finite, correct values at ±1000 and accurate tails.
@Suite("Activations: stability at the extremes")
struct ActivationStabilityTests {
    @Test("sigmoid at ±1000 is 1 and 0, at −700 keeps its relative accuracy")
    func sigmoidExtremes() {
        #expect(logistic(1000) == 1)  // 1/(1 + e^−1000) = 1/(1 + 0)
        #expect(logistic(-1000) == 0)  // e^−1000 underflows; the true 5e-435 is below the smallest Double
        // σ(−700) = e^−700/(1 + e^−700) = e^−700 to within 1e-304 relative.
        expectClose(logistic(-700), exp(-700), absolute: 0, relative: 1e-14)
        #expect(Activation.sigmoid.derivative(1000) == 0)
        #expect(Activation.sigmoid.derivative(-1000) == 0)
    }

    @Test("σ′ and tanh′ keep their relative accuracy in the tails (the naive forms round to 0)")
    func derivativeTails() {
        // σ′(40) = e^−40/(1 + e^−40)²; the naive σ(1 − σ) gives 0 because σ(40) rounds to 1.
        let e40 = exp(-40.0)
        expectClose(Activation.sigmoid.derivative(40), e40 / ((1 + e40) * (1 + e40)), absolute: 0, relative: 1e-14)
        expectClose(Activation.sigmoid.derivative(-40), e40 / ((1 + e40) * (1 + e40)), absolute: 0, relative: 1e-14)
        // tanh′(20) = sech²(20) = 4/(e^20 + e^−20)²; the naive 1 − tanh² gives 0.
        let c = exp(20.0) + exp(-20.0)
        expectClose(Activation.tanh.derivative(20), 4 / (c * c), absolute: 0, relative: 1e-14)
        #expect(Activation.tanh.derivative(1000) == 0)  // cosh overflows to ∞, 1/∞ = 0: the correct limit
        #expect(Activation.tanh.value(-1000) == -1)
    }

    @Test("softplus at ±1000 is 1000 and 0; at −700 it is e^−700")
    func softplusExtremes() {
        #expect(softplusFunction(1000) == 1000)  // 1000 + log1p(e^−1000) = 1000 + 0
        #expect(softplusFunction(-1000) == 0)
        // log(1 + e^−700) = e^−700 − e^−1400/2 + … = e^−700 to full precision
        expectClose(softplusFunction(-700), exp(-700), absolute: 0, relative: 1e-14)
        #expect(Activation.softplus.derivative(1000) == 1)
    }

    @Test("Φ keeps the lower tail: Φ(−10) agrees with the asymptotic series")
    func normalTail() {
        // Φ(−x) = φ(x)/x · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸ − 945/x¹⁰ + …), error below 1e-8 relative at x = 10.
        let x = 10.0
        let density = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
        let series = 1 - 1 / pow(x, 2) + 3 / pow(x, 4) - 15 / pow(x, 6) + 105 / pow(x, 8) - 945 / pow(x, 10)
        expectClose(standardNormalCDF(-x), density / x * series, absolute: 0, relative: 1e-7)
        #expect(standardNormalCDF(1000) == 1)
    }

    @Test("every activation and derivative is finite at ±1000 with the right limit")
    func allFiniteAtExtremes() {
        let cases: [(Activation, atPlus: Double, atMinus: Double)] = [
            (.identity, 1000, -1000), (.sigmoid, 1, 0), (.tanh, 1, -1), (.relu, 1000, 0),
            (.leakyReLU(slope: 0.01), 1000, -10), (.elu(alpha: 1), 1000, -1),
            (.geluExact, 1000, 0), (.geluTanh, 1000, 0), (.softplus, 1000, 0)
        ]
        for (activation, plus, minus) in cases {
            expectClose(activation.value(1000), plus, absolute: 1e-12, "\(activation.name)(1000)")
            expectClose(activation.value(-1000), minus, absolute: 1e-12, "\(activation.name)(−1000)")
            #expect(
                activation.derivative(1000).isFinite && activation.derivative(-1000).isFinite, "\(activation.name)′")
        }
    }
}
