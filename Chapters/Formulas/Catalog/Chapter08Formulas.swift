import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 8: backpropagation.
    static var chapter08: [Formula] {
        [
            Formula(
                "8.1", "chain rule on f = (a·b + c)·d: ∇f = (b·d, a·d, d, a·b + c) at (2, −3, 10, −2)",
                method: "the scalar engine's backward pass against the product of local derivatives",
                tolerance: .tight,
                evaluate: {
                    let a = Value(2), b = Value(-3), c = Value(10), d = Value(-2)
                    let f = (a * b + c) * d
                    f.backward()
                    return ([a.gradient, b.gradient, c.gradient, d.gradient], [-3 * -2, 2 * -2, -2, 2 * -3 + 10])
                }),
            Formula(
                "8.2", "engine gradient of tanh(x·y) + eᶻ/(1 + x²) − log(y² + 1)·σ(z) + (2 − x)/y at (0.5, −1.2, 0.3)",
                method: "central differences, h = 1e-5", tolerance: .numerical,
                evaluate: {
                    func plain(_ p: [Double]) -> Double {
                        tanh(p[0] * p[1]) + exp(p[2]) / (1 + p[0] * p[0]) - log(p[1] * p[1] + 1) / (1 + exp(-p[2]))
                            + (2 - p[0]) / p[1]
                    }
                    let point = [0.5, -1.2, 0.3]
                    let x = Value(point[0]), y = Value(point[1]), z = Value(point[2])
                    let f = (x * y).tanh() + z.exp() / (1 + x.power(2)) - (y * y + 1).log() * z.sigmoid() + (2 - x) / y
                    f.backward()
                    return ([x.gradient, y.gradient, z.gradient], numericalGradient(of: plain, at: point))
                }),
            Formula(
                "8.3", "a value used twice: d/dx (x·x + x) = 2x + 1 = 7 at x = 3",
                method: "the engine's accumulated gradient against the derivative by hand", tolerance: .tight,
                scalar: {
                    let x = Value(3)
                    (x * x + x).backward()
                    return (x.gradient, 7)
                }),
            Formula(
                "8.4", "Dense backward: ∂L/∂W = xᵀ g, ∂L/∂b = Σᵢ gᵢ, ∂L/∂x = g Wᵀ for L = ½ Σ (x W + b − t)²",
                method: "central differences of L for every element of W, b and x (3 x 4 batch, 4 → 2)",
                tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 6)
                    var layer = Dense(inputs: 4, outputs: 2, initializer: .heNormal, generator: &generator)
                    let x = generator.normalMatrix(rows: 3, columns: 4), t = generator.normalMatrix(rows: 3, columns: 2)
                    func loss(_ w: Matrix, _ b: Matrix, _ input: Matrix) -> Double {
                        let r = input * w + b - t
                        return 0.5 * (r .* r).sum
                    }
                    let g = layer.forward(x) - t
                    let inputGradient = layer.backward(g)
                    let (w, b) = (layer.weights, layer.bias)
                    let analytic = layer.weightGradient.elements + layer.biasGradient.elements + inputGradient.elements
                    let numerical =
                        numericalGradient(of: { loss($0, b, x) }, at: w).elements
                        + numericalGradient(of: { loss(w, $0, x) }, at: b).elements
                        + numericalGradient(of: { loss(w, b, $0) }, at: x).elements
                    return (analytic, numerical)
                }),
            Formula(
                "8.5", "ReLU layer backward: ∂L/∂z = g ⊙ 1[z > 0]",
                method: "central differences of L = Σ g ⊙ relu(z) at z away from 0, and by hand: g where z > 0",
                tolerance: .numerical,
                evaluate: {
                    var layer = ActivationLayer(.relu)
                    let z: Matrix = [[-1.5, 0.5, 2], [0.3, -0.2, -3]]
                    let g: Matrix = [[1, -2, 0.5], [3, 4, -1]]
                    _ = layer.forward(z)
                    let analytic = layer.backward(g)
                    // By hand: z > 0 at (0.5, 2, 0.3) only, so g survives there: (0, −2, 0.5, 3, 0, 0).
                    return (
                        analytic.elements + analytic.elements,
                        numericalGradient(of: { (g .* Activation.relu($0)).sum }, at: z).elements + [
                            0, -2, 0.5, 3, 0, 0
                        ]
                    )
                }),
            Formula(
                "8.6", "two-layer network (tanh): the layers' backward passes = the scalar engine's gradients",
                method: "ScalarNetwork on the same seeded weights, L = ½ Σ (ŷ − t)²", tolerance: .standard,
                evaluate: {
                    var generator = SeededGenerator(seed: 7)
                    var network = Sequential([
                        Dense(inputs: 3, outputs: 4, initializer: .xavierNormal, generator: &generator),
                        ActivationLayer(.tanh),
                        Dense(inputs: 4, outputs: 2, initializer: .xavierNormal, generator: &generator)
                    ])
                    let x = generator.normalMatrix(rows: 2, columns: 3), t = generator.normalMatrix(rows: 2, columns: 2)
                    _ = network.backward(network.forward(x) - t)
                    guard let scalar = try? ScalarNetwork(network) else { return ([0], [1]) }
                    let outputs = scalar.forward(ScalarNetwork.leaves(x, label: "x"))
                    var terms: [Value] = []
                    for i in 0..<2 { for j in 0..<2 { terms.append(0.5 * (outputs[i][j] - t[i, j]).power(2)) } }
                    Value.sum(terms).backward()
                    return (
                        network.parameterGradients.flatMap(\.elements), scalar.parameterGradients().flatMap(\.elements)
                    )
                })
        ]
    }
}
