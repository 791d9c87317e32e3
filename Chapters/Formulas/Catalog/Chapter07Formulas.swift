import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 7: forward propagation.
    static var chapter07: [Formula] {
        [
            Formula(
                "7.1", "parameters(Dense n → k) = n·k + k; network 784 → 128 → 64 → 10 has 109,386",
                method: "count of the elements of every parameter matrix of a Sequential",
                scalar: {
                    var generator = SeededGenerator(seed: 1)
                    let network = Sequential([
                        Dense(inputs: 784, outputs: 128, generator: &generator), ActivationLayer(.relu),
                        Dense(inputs: 128, outputs: 64, generator: &generator), ActivationLayer(.relu),
                        Dense(inputs: 64, outputs: 10, generator: &generator)
                    ])
                    let byFormula = [(784, 128), (128, 64), (64, 10)].reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
                    return (Double(byFormula), Double(network.parameters.reduce(0) { $0 + $1.rows * $1.columns }))
                }),
            Formula(
                "7.2", "Dense: yᵢⱼ = Σₖ xᵢₖ Wₖⱼ + bⱼ  (3 x 4 batch, 4 → 2)",
                method: "explicit triple loop against the layer's matrix product", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 2)
                    var layer = Dense(inputs: 4, outputs: 2, initializer: .xavierNormal, generator: &generator)
                    layer.parameters = [layer.weights, generator.normalMatrix(rows: 1, columns: 2)]
                    let x = generator.normalMatrix(rows: 3, columns: 4)
                    let loops = Matrix(rows: 3, columns: 2) { i, j in
                        (0..<4).reduce(layer.bias[0, j]) { $0 + x[i, $1] * layer.weights[$1, j] }
                    }
                    return (layer(x).elements, loops.elements)
                }),
            Formula(
                "7.3", "He normal: Var(w) = 2/fan_in  (fan_in 400, fan_out 400)",
                method: "sample variance of 160,000 seeded draws; tolerance 5 standard errors, Var·5√(2/n) ≈ 1.8%",
                tolerance: Tolerance(absolute: 0, relative: 5 * (2.0 / 160_000).squareRoot()),
                scalar: {
                    var generator = SeededGenerator(seed: 3)
                    let w = WeightInitializer.heNormal.matrix(fanIn: 400, fanOut: 400, using: &generator)
                    return (2.0 / 400, (w .* w).mean)
                }),
            Formula(
                "7.4",
                "Xavier uniform: U(−a, a), a = √(6/(fan_in + fan_out)), has Var = 2/(fan_in + fan_out)  (300 → 100)",
                method: "sample variance of 30,000 seeded draws; tolerance 5 standard errors, Var·5√(0.8/n) ≈ 2.6%",
                tolerance: Tolerance(absolute: 0, relative: 5 * (0.8 / 30_000).squareRoot()),
                scalar: {
                    var generator = SeededGenerator(seed: 4)
                    let w = WeightInitializer.xavierUniform.matrix(fanIn: 300, fanOut: 100, using: &generator)
                    return (2.0 / 400, (w .* w).mean)
                }),
            Formula(
                "7.5",
                "He + ReLU keeps the second moment: E[z_out²] = fan_in · (2/fan_in) · E[relu(z_in)²] = E[z_in²] = 1",
                method: "Monte Carlo: one He Dense(512 → 512) on relu of a 200 x 512 N(0,1) batch; tolerance 5% "
                    + "(≈ 5 standard errors: weights √(2/n)/√n, inputs √(5/n)/√200, products √(2/102400) add to ≈ 0.9%)",
                tolerance: Tolerance(absolute: 0, relative: 0.05),
                scalar: {
                    var generator = SeededGenerator(seed: 5)
                    let z = generator.normalMatrix(rows: 200, columns: 512)
                    let layer = Dense(inputs: 512, outputs: 512, initializer: .heNormal, generator: &generator)
                    let out = layer(Activation.relu(z))
                    return (1, (out .* out).mean)
                }),
            Formula(
                "7.6", "Xavier + ReLU: the std of activations shrinks by √2 per layer, std(l10)/std(l1) ≈ (1/√2)⁹",
                method:
                    "10 Dense(128 → 128) + ReLU blocks on 256 N(0,1) inputs (DepthStudy); tolerance 25% for finite width",
                tolerance: Tolerance(absolute: 0, relative: 0.25),
                scalar: {
                    let study = DepthStudy(activation: .relu, initializer: .xavierNormal)
                    return (pow(0.5, 4.5), study.standardDeviations[9] / study.standardDeviations[0])
                })
        ]
    }
}
