import DLMath
import Foundation
import Testing

/// Each operation's value and the gradient of the result with respect to
/// its operand(s), derived by hand in the comments.
@Suite("Scalar engine: operators")
struct ValueOperatorTests {
    /// d(result)/d(v) after `result.backward()`, with the result's value.
    func evaluate(_ v: Value, _ build: (Value) -> Value) -> (value: Double, gradient: Double) {
        let result = build(v)
        result.backward()
        return (result.data, v.gradient)
    }

    @Test("a number on either side of + − · /, with v = 4")
    func numberOnEitherSide() {
        let cases: [(String, (Value) -> Value, Double, Double)] = [
            ("v + 2", { $0 + 2 }, 6, 1),
            ("2 + v", { 2 + $0 }, 6, 1),
            ("v - 2", { $0 - 2 }, 2, 1),  // 4 − 2; d/dv = 1
            ("2 - v", { 2 - $0 }, -2, -1),  // 2 − 4; d/dv = −1
            ("v * 2", { $0 * 2 }, 8, 2),
            ("2 * v", { 2 * $0 }, 8, 2),
            ("v / 2", { $0 / 2 }, 2, 0.5),  // d/dv v/2 = 1/2
            ("2 / v", { 2 / $0 }, 0.5, -0.125),  // d/dv 2/v = −2/v² = −2/16
            ("-v", { -$0 }, -4, -1)
        ]
        for (name, build, value, gradient) in cases {
            let (v, g) = evaluate(Value(4), build)
            expectClose(v, value, Comment(rawValue: name))
            expectClose(g, gradient, Comment(rawValue: name))
        }
    }

    @Test("two values: a = 3, b = −2")
    func binary() {
        // (name, op, value, ∂/∂a, ∂/∂b)
        let cases: [(String, (Value, Value) -> Value, Double, Double, Double)] = [
            ("a + b", { $0 + $1 }, 1, 1, 1),
            ("a - b", { $0 - $1 }, 5, 1, -1),
            ("b - a", { $1 - $0 }, -5, -1, 1),
            ("a * b", { $0 * $1 }, -6, -2, 3),  // ∂/∂a = b, ∂/∂b = a
            ("a / b", { $0 / $1 }, -1.5, -0.5, -0.75),  // 1/b = −1/2;  −a/b² = −3/4
            ("b / a", { $1 / $0 }, -2.0 / 3, 2.0 / 9, 1.0 / 3)  // ∂/∂a = −b/a² = 2/9; ∂/∂b = 1/a
        ]
        for (name, build, value, da, db) in cases {
            let a = Value(3), b = Value(-2)
            let result = build(a, b)
            result.backward()
            expectClose(result.data, value, Comment(rawValue: name))
            expectClose(a.gradient, da, Comment(rawValue: name))
            expectClose(b.gradient, db, Comment(rawValue: name))
        }
    }

    @Test("powers, exp, log, tanh, relu, sigmoid at points where the derivative is known in closed form")
    func unary() {
        let cases: [(String, Double, (Value) -> Value, Double, Double)] = [
            ("4^3", 4, { $0.power(3) }, 64, 48),  // 3·4² = 48
            ("4^0.5", 4, { $0.power(0.5) }, 2, 0.25),  // ½·4^(−½) = ¼
            ("4^-1", 4, { $0.power(-1) }, 0.25, -1.0 / 16),  // −4⁻²
            ("exp(0)", 0, { $0.exp() }, 1, 1),
            ("exp(ln 2)", log(2), { $0.exp() }, 2, 2),
            ("log(4)", 4, { $0.log() }, log(4), 0.25),  // 1/4
            ("tanh(0)", 0, { $0.tanh() }, 0, 1),
            ("tanh(ln 2)", log(2), { $0.tanh() }, 0.6, 0.64),  // (4−1)/(4+1) = 0.6; 1 − 0.36
            ("relu(3)", 3, { $0.relu() }, 3, 1),
            ("relu(-1)", -1, { $0.relu() }, 0, 0),
            ("relu(0)", 0, { $0.relu() }, 0, 0),  // ReLU′(0) = 0 by convention
            ("sigmoid(0)", 0, { $0.sigmoid() }, 0.5, 0.25),
            ("sigmoid(ln 3)", log(3), { $0.sigmoid() }, 0.75, 0.1875)  // 1/(1 + 1/3) = 3/4; ¾·¼ = 3/16
        ]
        for (name, x, build, value, gradient) in cases {
            let (v, g) = evaluate(Value(x), build)
            expectClose(v, value, absolute: 1e-15, relative: 1e-14, Comment(rawValue: name))
            expectClose(g, gradient, absolute: 1e-15, relative: 1e-14, Comment(rawValue: name))
        }
    }

    @Test("sigmoid is finite at ±1000")
    func sigmoidExtremes() {
        let high = Value(1000).sigmoid(), low = Value(-1000).sigmoid()
        #expect(high.data == 1 && low.data == 0)
        high.backward()
        #expect(high.inputs[0].gradient == 0)
    }
}
