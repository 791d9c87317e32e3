import DLMath
import Foundation
import Testing

/// Hand-derived values of every activation and its derivative, and the pinned conventions.
@Suite("Activations: values and derivatives by hand")
struct ActivationValueTests {
    @Test("sigmoid: σ(0) = ½, σ′(0) = ¼, σ(ln 3) = ¾, σ′(ln 3) = 3/16, σ(−ln 3) = ¼")
    func sigmoid() {
        let s = Activation.sigmoid
        // σ(0) = 1/(1 + 1) = ½ and σ′(0) = ½·½ = ¼: both exactly representable, and the
        // operations 1/(1 + e⁰) = 1/2 and σ(0)σ(−0) = ¼ are exact, hence ==.
        #expect(s.value(0) == 0.5)
        #expect(s.derivative(0) == 0.25)
        // σ(ln 3) = 1/(1 + 1/3) = 3/4, σ′ = ¾·¼ = 3/16; σ(−ln 3) = 1/(1 + 3) = 1/4.
        expectClose(s.value(log(3)), 0.75, absolute: 1e-15, relative: 1e-15)
        expectClose(s.derivative(log(3)), 3.0 / 16, absolute: 1e-15, relative: 1e-15)
        expectClose(s.value(-log(3)), 0.25, absolute: 1e-15, relative: 1e-15)
        expectClose(s.derivative(-log(3)), 3.0 / 16, absolute: 1e-15, relative: 1e-15)
        // σ(x) + σ(−x) = 1 (symmetry)
        for x in [-7.5, -0.3, 0.9, 12.0] { expectClose(s.value(x) + s.value(-x), 1, absolute: 1e-15) }
    }

    @Test("tanh: tanh′(0) = 1, tanh(ln 2) = 3/5, tanh′(ln 2) = 16/25")
    func hyperbolicTangent() {
        let t = Activation.tanh
        #expect(t.value(0) == 0)
        #expect(t.derivative(0) == 1)  // sech 0 = 1/cosh 0 = 1/1, exact
        // tanh(ln 2) = (2 − ½)/(2 + ½) = 3/5; tanh′ = 1 − 9/25 = 16/25.
        expectClose(t.value(log(2)), 0.6, absolute: 1e-15, relative: 1e-15)
        expectClose(t.derivative(log(2)), 16.0 / 25, absolute: 1e-15, relative: 1e-15)
        expectClose(t.derivative(-log(2)), 16.0 / 25, absolute: 1e-15, relative: 1e-15)
        // tanh(x) = 2σ(2x) − 1, a second formula
        for x in [-3.0, -0.4, 0.7, 2.5] {
            expectClose(t.value(x), 2 * Activation.sigmoid.value(2 * x) - 1, absolute: 1e-15)
        }
    }

    @Test("ReLU: max(x, 0), ReLU′(0) = 0 (the convention), NaN passes through")
    func relu() {
        let r = Activation.relu
        #expect(r.value(2.5) == 2.5)
        #expect(r.value(-3) == 0)
        #expect(r.value(0) == 0)
        #expect(r.derivative(2.5) == 1)
        #expect(r.derivative(-3) == 0)
        #expect(r.derivative(0) == 0, "convention: ReLU′(0) = 0")
        #expect(r.value(.nan).isNaN, "a NaN must not be hidden as 0")
        #expect(r.derivative(.nan).isNaN)
    }

    @Test("leaky ReLU: slope·x below 0, derivative = slope at 0 and below")
    func leakyReLU() {
        let l = Activation.leakyReLU(slope: 0.01)
        #expect(l.value(3) == 3)
        expectClose(l.value(-2), -0.02, absolute: 1e-17)  // 0.01 · (−2)
        #expect(l.derivative(3) == 1)
        #expect(l.derivative(-2) == 0.01)
        #expect(l.derivative(0) == 0.01, "convention: φ′(0) = slope")
        #expect(Activation.leakyReLU(slope: 0.3).value(-10) == -3)  // Keras' default slope
        #expect(Activation.leakyReLU(slope: 0.25).value(.nan).isNaN)
    }

    @Test("ELU: α(eˣ − 1) below 0, ELU(−ln 2) = −α/2, ELU′(−ln 2) = α/2, ELU′(0) = α")
    func elu() {
        let e = Activation.elu(alpha: 1)
        // e^(−ln 2) = ½: ELU(−ln 2) = ½ − 1 = −½, ELU′(−ln 2) = ½.
        expectClose(e.value(-log(2)), -0.5, absolute: 1e-15)
        expectClose(e.derivative(-log(2)), 0.5, absolute: 1e-15)
        #expect(e.value(0) == 0)
        #expect(e.value(1.5) == 1.5)
        #expect(e.derivative(1.5) == 1)
        let e2 = Activation.elu(alpha: 2)
        #expect(e2.derivative(0) == 2, "convention: φ′(0) = α (the left piece)")
        expectClose(e2.value(-log(4)), 2 * (0.25 - 1), absolute: 1e-15)  // α(¼ − 1) = −1.5
        #expect(e2.value(-1000) == -2, "saturates at −α")
    }

    @Test("GELU exact: GELU(1) = Φ(1), GELU(−1) = −Φ(−1), GELU′(0) = ½, GELU′(1) = Φ(1) + φ(1)")
    func geluExact() {
        let g = Activation.geluExact
        // Φ(1) = 0.8413447460685429 (table of the normal distribution); φ(1) = e^(−½)/√(2π).
        let phiAtOne = 0.8413447460685429
        let densityAtOne = exp(-0.5) / (2 * Double.pi).squareRoot()  // 0.24197072451914337
        expectClose(g.value(1), phiAtOne, absolute: 1e-15, relative: 1e-15)
        expectClose(g.value(-1), -(1 - phiAtOne), absolute: 1e-15, relative: 1e-14)
        #expect(g.value(0) == 0)
        expectClose(g.derivative(0), 0.5, absolute: 1e-16)  // Φ(0) + 0 = ½
        expectClose(g.derivative(1), phiAtOne + densityAtOne, absolute: 1e-15, relative: 1e-15)
        expectClose(standardNormalCDF(0), 0.5, absolute: 1e-16)
        expectClose(standardNormalCDF(1.959963984540054), 0.975, absolute: 1e-15)  // the 97.5 % quantile
    }

    @Test("GELU tanh form: GELU(0) = 0, GELU′(0) = ½, the formula at x = 1, within 5e-4 of the exact form")
    func geluTanh() {
        let g = Activation.geluTanh
        #expect(g.value(0) == 0)
        expectClose(g.derivative(0), 0.5, absolute: 1e-16)
        // The written formula ½x(1 + tanh(√(2/π)(x + 0.044715x³))) at x = 1, computed directly.
        let u = (2 / Double.pi).squareRoot() * 1.044715
        expectClose(g.value(1), 0.5 * (1 + tanh(u)), absolute: 1e-15, relative: 1e-15)
        // The approximation is good to 4.8e-4 everywhere (maximum |difference| 4.73e-4, near |x| ≈ 2.2).
        for i in 0...2000 {
            let x = -10 + Double(i) / 100
            #expect(abs(g.value(x) - Activation.geluExact.value(x)) < 5e-4, "at \(x)")
        }
    }

    @Test("softplus: softplus(0) = ln 2, softplus′(0) = ½, softplus(ln 3) = ln 4, softplus(−ln 3) = ln(4/3)")
    func softplus() {
        let s = Activation.softplus
        expectClose(s.value(0), log(2), absolute: 1e-16, relative: 1e-15)
        #expect(s.derivative(0) == 0.5)
        // log(1 + 3) = ln 4;  log(1 + ⅓) = ln(4/3)
        expectClose(s.value(log(3)), log(4), absolute: 1e-15, relative: 1e-15)
        expectClose(s.value(-log(3)), log(4.0 / 3), absolute: 1e-15, relative: 1e-14)
        expectClose(s.derivative(log(3)), 0.75, absolute: 1e-15)  // = σ(ln 3)
        // softplus(x) − softplus(−x) = x
        for x in [-20.0, -1.1, 0.4, 33.0] { expectClose(s.value(x) - s.value(-x), x, absolute: 1e-13) }
    }

    @Test("identity: x and 1")
    func identity() {
        #expect(Activation.identity.value(-4.25) == -4.25)
        #expect(Activation.identity.derivative(-4.25) == 1)
    }

    @Test("matrix forms apply element by element and names read as printed")
    func matrixFormsAndNames() {
        let z: Matrix = [[-1, 0], [2, 0.5]]
        let a = Activation.relu(z)
        #expect(a == Matrix([[0, 0], [2, 0.5]]))
        #expect(Activation.relu.derivative(at: z) == Matrix([[0, 0], [1, 1]]))
        expectClose(Activation.sigmoid.derivative(at: z)[1, 0], Activation.sigmoid.derivative(2), absolute: 0)
        #expect(Activation.leakyReLU(slope: 0.01).name == "leaky_relu(0.01)")
        #expect(Activation.geluExact.name == "gelu")
        #expect(Activation.geluTanh.name == "gelu_tanh")
    }
}
