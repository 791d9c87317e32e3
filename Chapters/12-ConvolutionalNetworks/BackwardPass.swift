// 12.3 The backward pass of a convolution: derived, compared with the full
// convolution with the flipped kernel, and checked by finite differences for
// every layer of the chapter.
import DLMath
import DLPresentation

/// L = ½‖y − t‖² + Σ c ⊙ y for a fixed random t and c, and its gradient (y − t + c).
struct QuadraticProbe {
    let target: Matrix, weights: Matrix
    init(rows: Int, columns: Int, generator: inout SeededGenerator) {
        target = generator.normalMatrix(rows: rows, columns: columns)
        weights = generator.normalMatrix(rows: rows, columns: columns)
    }
    func loss(_ y: Matrix) -> Double {
        let d = y - target
        return 0.5 * (d .* d).sum + (y .* weights).sum
    }
    func gradient(_ y: Matrix) -> Matrix { y - target + weights }
}

/// The largest gradient-check error of `layer` on `input` over the input and every parameter.
func largestGradientError(_ layer: some Layer, input: Matrix, generator: inout SeededGenerator) -> Double {
    let columns = (try? layer.outputColumns(forInputColumns: input.columns)) ?? 0
    let probe = QuadraticProbe(rows: input.rows, columns: columns, generator: &generator)
    return layerGradientChecks(layer, input: input, loss: probe.loss, lossGradient: probe.gradient, tolerance: 1e-7)
        .map(\.maximumError).max() ?? .infinity
}

func backwardSection(_ chapter: inout Chapter) {
    chapter.section("The backward pass, derived and checked")
    chapter.formula(
        """
        y[o, i, j] = b[o] + Σ_c,ki,kj W[o, c, ki, kj] x[c, i·s − p + ki, j·s − p + kj],   g = ∂L/∂y
        ∂L/∂b[o]          = Σ_i,j g[o, i, j]                                        (sum over positions and examples)
        ∂L/∂W[o, c, ki, kj] = Σ_i,j g[o, i, j] x[c, i·s − p + ki, j·s − p + kj]     (x correlated with g):  G̃ᵀ X̃
        ∂L/∂x[c, u, v]     = Σ_o Σ over (i, j, ki, kj) with i·s − p + ki = u, j·s − p + kj = v of g[o, i, j] W[o, c, ki, kj]
                            = col2im(G̃ W)       (each window hands its share back; overlapping windows add up)
        stride 1:  ∂L/∂x[c, u, v] = Σ_o Σ_ki,kj g[o, u + p − ki, v + p − kj] W[o, c, ki, kj]
                   = the full convolution of g (padded by k − 1 − p) with W turned by 180° and its channels swapped
        """)
    chapter.say(
        "Each line is the chain rule on the sum that defines y: y is linear in W, b and x, so the derivative with "
            + "respect to one of them collects the g of every output that it touched, times what it was multiplied by.")
    var generator = SeededGenerator(seed: 1203)
    let shape = ImageShape(channels: 2, height: 5, width: 6)
    var layer = (try? Conv2D(input: shape, outputChannels: 3, kernel: (3, 2), padding: (1, 0), generator: &generator))!
    let x = generator.normalMatrix(rows: 2, columns: shape.count)
    _ = layer.forward(x)
    let g = generator.normalMatrix(rows: 2, columns: layer.outputShape.count)
    let dx = layer.backward(g)
    // W'[c, o, a, b] = W[o, c, kh − 1 − a, kw − 1 − b], padding (k − 1 − p) per axis.
    let flipped = Matrix(rows: 2, columns: 3 * 3 * 2) { c, column in
        let o = column / 6, a = (column % 6) / 2, b = column % 2
        return layer.weights[o, (c * 3 + (2 - a)) * 2 + (1 - b)]
    }
    let full = (try? ConvolutionWindows(input: layer.outputShape, kernel: (3, 2), padding: (1, 1)))!
    let byLoops = directConvolution(g, windows: full, weights: flipped, bias: Matrix(rows: 1, columns: 2))
    chapter.say(
        "\(layer): g is 2 x \(layer.outputShape), padded by (3 − 1 − 1, 2 − 1 − 0) = (1, 1) and convolved with the "
            + "flipped, channel-swapped kernel by the seven loops, it gives back a 2 x \(shape) gradient:")
    chapter.check(
        "∂L/∂x from col2im equals the full convolution with the flipped kernel", computed: dx, byHand: byLoops,
        derivation: "directConvolution(g, W turned 180°)", tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))

    chapter.say(
        "Central differences of L = ½‖y − t‖² + Σ c ⊙ y (random t and c) against every gradient, on random inputs. "
            + "The error is |analytic − numerical| / max(1, |analytic|, |numerical|), the largest over the input and all parameters:"
    )
    var table = TextTable(["layer", "largest error"], alignments: [.left, .right])
    var worst = 0.0
    func row(_ layer: some Layer, rows: Int = 2, distinct: Bool = false) {
        let columns = inputColumns(of: layer)
        let input =
            distinct
            ? Matrix(
                rows: rows, columns: columns,
                elements: generator.shuffled((0..<(rows * columns)).map { Double($0) * 0.1 - 1 }))
            : generator.normalMatrix(rows: rows, columns: columns)
        let error = largestGradientError(layer, input: input, generator: &generator)
        worst = max(worst, error)
        table.append([layer.description, formatScientific(error)])
    }
    let odd = ImageShape(channels: 3, height: 7, width: 5)
    row((try? Conv2D(input: odd, outputChannels: 4, kernel: (3, 3), generator: &generator))!)
    row(
        (try? Conv2D(
            input: odd, outputChannels: 2, kernel: (3, 3), stride: (2, 2), padding: (1, 1), generator: &generator))!)
    row(
        (try? Conv2D(
            input: odd, outputChannels: 3, kernel: (2, 3), stride: (1, 2), padding: (0, 1), generator: &generator))!)
    row((try? MaxPool2D(input: odd, window: (2, 2)))!, distinct: true)
    row((try? MaxPool2D(input: odd, window: (3, 3), stride: (1, 1)))!, distinct: true)
    row((try? AveragePool2D(input: odd, window: (3, 2), stride: (2, 1)))!)
    row(BatchNorm(features: 7), rows: 5)
    row(BatchNorm(channelsOf: odd), rows: 3)
    chapter.table(table)
    chapter.check(
        "every layer's gradients agree with central differences to 1e-7", holds: worst <= 1e-7,
        detail: "largest error \(formatScientific(worst))")
}

/// The input width a layer of this chapter takes (its image shape, or its feature count).
func inputColumns(of layer: some Layer) -> Int {
    switch layer {
    case let conv as Conv2D: return conv.windows.input.count
    case let pool as MaxPool2D: return pool.windows.input.count
    case let pool as AveragePool2D: return pool.windows.input.count
    case let norm as BatchNorm: return norm.imageShape?.count ?? norm.featureCount
    default: return 0
    }
}
