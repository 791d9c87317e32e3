import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 12: convolutional networks (convolution, im2col, pooling, batch normalisation).
    static var chapter12: [Formula] {
        [
            Formula(
                "12.1", "output size ⌊(n + 2p − k)/s⌋ + 1  (n = 8, 7, 28; k = 3, 3, 5; p = 1, 1, 2; s = 1, 2, 1)",
                method: "by hand: 8, (7 + 2 − 3)/2 + 1 = 4, 28", tolerance: .tight,
                evaluate: {
                    let sizes = [(8, 3, 1, 1), (7, 3, 1, 2), (28, 5, 2, 1)].map {
                        Double(
                            (try? ConvolutionWindows.outputSize($0.0, kernel: $0.1, stride: $0.3, padding: $0.2)) ?? -1)
                    }
                    return (sizes, [8, 4, 28])
                }),
            Formula(
                "12.2",
                "Conv2D by im2col and one product = the seven-loop definition  (2x7x6 images, 3 filters 3x3, stride 2, padding 1)",
                method: "directConvolution (nested loops, no product)", tolerance: .tight,
                evaluate: {
                    var generator = SeededGenerator(seed: 12)
                    let layer = try! Conv2D(
                        input: ImageShape(channels: 2, height: 7, width: 6), outputChannels: 3, kernel: (3, 3),
                        stride: (2, 2), padding: (1, 1), generator: &generator)
                    let x = generator.normalMatrix(rows: 2, columns: 84)
                    return (
                        layer(x).elements,
                        directConvolution(x, windows: layer.windows, weights: layer.weights, bias: layer.bias).elements
                    )
                }),
            Formula(
                "12.3",
                "Conv2D backward: ∂L/∂x = col2im(G̃ W), ∂L/∂W = G̃ᵀ X̃, ∂L/∂b = Σ G̃  (L = ½‖y − t‖², stride 2, padding 1)",
                method: "central differences of L", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 13)
                    var layer = try! Conv2D(
                        input: ImageShape(channels: 2, height: 5, width: 5), outputChannels: 2, kernel: (3, 3),
                        stride: (2, 2), padding: (1, 1), generator: &generator)
                    let x = generator.normalMatrix(rows: 2, columns: 50),
                        t = generator.normalMatrix(rows: 2, columns: 18)
                    let loss = { (y: Matrix) in 0.5 * ((y - t) .* (y - t)).sum }
                    let dx = layer.backward(layer.forward(x) - t)
                    let fixed = layer
                    let numericX = numericalGradient(of: { loss(fixed($0)) }, at: x)
                    let numericW = numericalGradient(
                        of: { w in
                            var copy = fixed; copy.parameters = [w, fixed.bias]; return loss(copy(x))
                        }, at: fixed.weights)
                    let numericB = numericalGradient(
                        of: { b in
                            var copy = fixed; copy.parameters = [fixed.weights, b]; return loss(copy(x))
                        }, at: fixed.bias)
                    return (
                        dx.elements + layer.weightGradient.elements + layer.biasGradient.elements,
                        numericX.elements + numericW.elements + numericB.elements
                    )
                }),
            Formula(
                "12.4",
                "max-pool backward routes g to the argmax; average-pool backward spreads g/(kh·kw)  (4x4, 2x2 windows)",
                method: "by hand: maxima at columns 5, 6, 9, 14; each quarter g/4", tolerance: .tight,
                evaluate: {
                    let shape = ImageShape(channels: 1, height: 4, width: 4)
                    let x: Matrix = [[1, 2, 5, 0, 3, 6, 7, 1, 0, 9, 2, 2, 4, 4, 8, 0]], g: Matrix = [[10, 20, 30, 40]]
                    var maxPool = try! MaxPool2D(input: shape, window: (2, 2)),
                        averagePool = try! AveragePool2D(input: shape, window: (2, 2))
                    _ = maxPool.forward(x)
                    _ = averagePool.forward(x)
                    let routed = maxPool.backward(g), spread = averagePool.backward(g)
                    return (
                        [
                            routed[0, 5], routed[0, 6], routed[0, 9], routed[0, 14], routed.sum, spread[0, 0],
                            spread[0, 15]
                        ],
                        [10, 20, 30, 40, 100, 2.5, 10]
                    )
                }),
            Formula(
                "12.5",
                "batch-norm backward ∂L/∂x = γ/(N√(σ² + ε)) (N g − Σg − x̂ Σ g x̂)  (N = 6, 3 features, training mode)",
                method: "central differences of L = Σ c ⊙ y", tolerance: .numerical,
                evaluate: {
                    var generator = SeededGenerator(seed: 14)
                    var layer = BatchNorm(features: 3)
                    layer.parameters = [[[1.5, 0.5, -1]], [[0, 1, 2]]]
                    let x = generator.normalMatrix(rows: 6, columns: 3, mean: 1, standardDeviation: 2),
                        c = generator.normalMatrix(rows: 6, columns: 3)
                    _ = layer.forward(x)
                    let analytic = layer.backward(c)
                    let start = BatchNorm(features: 3)
                    let numeric = numericalGradient(
                        of: { v in
                            var copy = start
                            copy.parameters = [[[1.5, 0.5, -1]], [[0, 1, 2]]]
                            return (copy.forward(v) .* c).sum
                        }, at: x)
                    return (analytic.elements, numeric.elements)
                }),
            Formula(
                "12.6",
                "batch norm in training: every feature of the output has mean β and variance γ² σ²/(σ² + ε)  (γ = 2, β = −1, 500 rows)",
                method: "the sample mean and variance of the output, against β and γ² σ²/(σ² + ε) from the input's σ²",
                tolerance: Tolerance(absolute: 1e-10, relative: 1e-10),
                evaluate: {
                    var generator = SeededGenerator(seed: 15)
                    var layer = BatchNorm(features: 1)
                    layer.parameters = [[[2]], [[-1]]]
                    let x = generator.normalMatrix(rows: 500, columns: 1, mean: 3, standardDeviation: 0.5)
                    let y = layer.forward(x)
                    let xMean = x.mean, yMean = y.mean
                    let xVariance = x.elements.map { ($0 - xMean) * ($0 - xMean) }.reduce(0, +) / 500
                    let yVariance = y.elements.map { ($0 - yMean) * ($0 - yMean) }.reduce(0, +) / 500
                    return ([yMean, yVariance], [-1, 4 * xVariance / (xVariance + 1e-5)])
                })
        ]
    }
}
