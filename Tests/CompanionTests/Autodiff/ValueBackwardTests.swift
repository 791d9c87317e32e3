import DLMath
import Foundation
import Testing

@Suite("Scalar engine: backward pass")
struct ValueBackwardTests {
    @Test("chain rule on f = (a·b + c)·d, by hand")
    func chainRule() {
        let a = Value(2, label: "a"), b = Value(-3, label: "b"), c = Value(10, label: "c"), d = Value(-2, label: "d")
        let e = (a * b).labelled("e")
        let s = (e + c).labelled("s")
        let f = (s * d).labelled("f")
        f.backward()
        // e = −6, s = 4, f = −8.  ∂f/∂s = d = −2, ∂f/∂d = s = 4;
        // ∂f/∂e = ∂f/∂c = ∂f/∂s = −2;  ∂f/∂a = b·(−2) = 6, ∂f/∂b = a·(−2) = −4.
        #expect(f.data == -8)
        expectClose([a.gradient, b.gradient, c.gradient, d.gradient, e.gradient, s.gradient], [6, -4, -2, 4, -2, -2])
        let dump = f.graphDescription()
        let lines = dump.split(separator: "\n")
        #expect(lines.count == 1 + 7)
        #expect(lines.last!.contains("f") && lines.last!.contains("-8"))
        #expect(lines.contains { $0.contains(" d ") && $0.contains("input") && $0.hasSuffix(" 4") })
        #expect(lines.contains { $0.contains(" e ") && $0.contains(" * ") && $0.contains("-6") })
    }

    @Test("a value used twice gets both contributions")
    func reuse() {
        let x = Value(3)
        let f = x * x + x
        f.backward()
        // f = x² + x = 12; f′ = 2x + 1 = 7.
        #expect(f.data == 12)
        expectClose(x.gradient, 7)
        // a + a: gradient 2, not 1.
        let a = Value(5)
        (a + a).backward()
        expectClose(a.gradient, 2)
        // Topological order: each node once, after its inputs.
        let order = f.topologicalOrder()
        #expect(order.count == 3 && order.first === x && order.last === f)
    }

    @Test("a second backward accumulates; zeroGradients starts again")
    func accumulation() {
        let x = Value(3)
        let f = x * x
        f.backward()
        expectClose(x.gradient, 6)
        f.backward()
        expectClose(x.gradient, 12)
        f.zeroGradients()
        #expect(x.gradient == 0 && f.gradient == 0)
        f.backward()
        expectClose(x.gradient, 6)
    }

    @Test("a long chain does not overflow the stack")
    func longChain() {
        let x = Value(1)
        var y = x
        for _ in 0..<20_000 { y = y + 1 }
        y.backward()
        #expect(y.data == 20_001)
        #expect(x.gradient == 1)
    }

    @Test("engine gradients match central differences on an expression with every operation")
    func finiteDifferences() {
        // f(x, y, z) written once in Doubles and once in Values.
        func plain(_ p: [Double]) -> Double {
            let (x, y, z) = (p[0], p[1], p[2])
            return tanh(x * y) + exp(z) / (1 + x * x) - log(y * y + 1) * (1 / (1 + exp(-z)))
                + max(x - 2 * z, 0) + pow(y, 3) / 4 - 3 / (2 + z * z) + (2 - x) * (y - 1)
        }
        func graph(_ x: Value, _ y: Value, _ z: Value) -> Value {
            (x * y).tanh() + z.exp() / (1 + x.power(2)) - (y * y + 1).log() * z.sigmoid()
                + (x - 2 * z).relu() + y.power(3) / 4 - 3 / (2 + z * z) + (2 - x) * (y - 1)
        }
        for point in [[0.5, -1.2, 0.3], [1.5, 0.7, -0.4], [-2, 2.5, 1.1]] {
            let x = Value(point[0]), y = Value(point[1]), z = Value(point[2])
            let f = graph(x, y, z)
            expectClose(f.data, plain(point), absolute: 1e-13, relative: 1e-13)
            f.backward()
            let result = gradientCheck([x.gradient, y.gradient, z.gradient], of: plain, at: point, name: "engine")
            #expect(result.passed, "\(result)")
        }
    }
}
