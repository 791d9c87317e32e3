// 12.1 Convolution as a sliding dot product: a hand-worked example, the
// flipped kernel, padding and stride arithmetic, receptive fields, and the
// parameter count of a convolution against a dense layer.
import DLMath
import DLPresentation

/// A Conv2D from literal weights, stopping with one line on a shape error (the chapter's own constants).
func convolution(
    _ input: ImageShape, kernel: (Int, Int), stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
    weights: Matrix, bias: Matrix
) -> Conv2D {
    do {
        return try Conv2D(input: input, kernel: kernel, stride: stride, padding: padding, weights: weights, bias: bias)
    } catch {
        exitWithError("ch12", "\(error)")
    }
}

func slidingDotProductSection(_ chapter: inout Chapter) {
    chapter.section("Convolution as a sliding dot product")
    chapter.formula(
        """
        y[o, i, j] = b[o] + Σ_c Σ_ki Σ_kj W[o, c, ki, kj] · x[c, i·s − p + ki, j·s − p + kj]      (cross-correlation)
        """)
    chapter.say(
        "Every framework's 'convolution' slides the kernel over the image without flipping it: each output "
            + "pixel is the dot product of the kernel with the patch under it. A 3x3 image and a 2x2 kernel, bias 1:")
    let image = ImageShape(channels: 1, height: 3, width: 3)
    let x: Matrix = [[1, 2, 3, 4, 5, 6, 7, 8, 9]]
    var layer = convolution(image, kernel: (2, 2), weights: [[1, 2, 3, 4]], bias: [[1]])
    let y = layer.forward(x)
    chapter.show("x", [[1, 2, 3], [4, 5, 6], [7, 8, 9]] as Matrix)
    chapter.show("W", [[1, 2], [3, 4]] as Matrix)
    chapter.show("y = x ⋆ W + 1", Matrix(rows: 2, columns: 2, elements: y.elements))
    chapter.check(
        "y₀₀: the top-left patch [1 2; 4 5] against W", computed: y[0, 0], byHand: 1 * 1 + 2 * 2 + 3 * 4 + 4 * 5 + 1,
        derivation: "1·1 + 2·2 + 3·4 + 4·5 + 1", tolerance: .tight)
    chapter.check(
        "y₁₁: the bottom-right patch [5 6; 8 9]", computed: y[0, 3], byHand: 1 * 5 + 2 * 6 + 3 * 8 + 4 * 9 + 1,
        derivation: "1·5 + 2·6 + 3·8 + 4·9 + 1", tolerance: .tight)
    var flipped = convolution(image, kernel: (2, 2), weights: [[4, 3, 2, 1]], bias: [[1]])
    let convolved = flipped.forward(x)
    chapter.say(
        "The convolution of mathematics, (x ∗ W)[i, j] = Σ W[ki, kj] x[i − ki, j − kj], is the same sum with the "
            + "kernel turned by 180°: W becomes [4 3; 2 1]. A learned kernel does not care which reading is used (it is "
            + "learned flipped), so frameworks skip the flip.")
    chapter.check(
        "true convolution, top-left: [1 2; 4 5] against the flipped kernel", computed: convolved[0, 0],
        byHand: 4 * 1 + 3 * 2 + 2 * 4 + 1 * 5 + 1, derivation: "4·1 + 3·2 + 2·4 + 1·5 + 1", tolerance: .tight)

    chapter.say("Padding and stride. Each axis gives n_out = ⌊(n + 2p − k)/s⌋ + 1:")
    var sizes = TextTable(
        ["n", "k", "p", "s", "⌊(n + 2p − k)/s⌋ + 1", "computed"], alignments: Array(repeating: .right, count: 6))
    let cases: [(n: Int, k: Int, p: Int, s: Int, hand: Int)] = [
        (8, 3, 0, 1, 6), (8, 3, 1, 1, 8), (8, 3, 1, 2, 4), (7, 3, 1, 2, 4),
        (8, 2, 0, 2, 4), (28, 5, 2, 1, 28)
    ]
    var sizesAgree = true
    for c in cases {
        let computed = (try? ConvolutionWindows.outputSize(c.n, kernel: c.k, stride: c.s, padding: c.p)) ?? -1
        sizesAgree = sizesAgree && computed == c.hand
        sizes.append([
            String(c.n), String(c.k), String(c.p), String(c.s),
            "⌊(\(c.n) + \(2 * c.p) − \(c.k))/\(c.s)⌋ + 1 = \(c.hand)", String(computed)
        ])
    }
    chapter.table(sizes)
    chapter.check("output sizes as worked out in the table", holds: sizesAgree, detail: "\(cases.count) cases")
    do {
        _ = try ConvolutionWindows.outputSize(2, kernel: 5, stride: 1, padding: 1, axis: "height", operation: "Conv2D")
        chapter.check("a kernel larger than the padded input is refused", holds: false, detail: "it was accepted")
    } catch {
        chapter.check(
            "a kernel larger than the padded input is refused with one line", holds: error.operation == "Conv2D",
            detail: "\(error)")
    }

    chapter.say(
        "Receptive field: an output pixel of layer L sees r_L input pixels per axis, with r₀ = 1 and "
            + "r_L = r_(L−1) + (k_L − 1)·(s₁ ⋯ s_(L−1)) (each layer widens the view by k − 1 steps of the layers below)."
    )
    let stack: [(name: String, k: Int, s: Int)] = [
        ("conv 3x3", 3, 1), ("pool 2x2", 2, 2), ("conv 3x3", 3, 1), ("pool 2x2", 2, 2)
    ]
    var field = 1, jump = 1
    var fields = TextTable(["layer", "k", "s", "receptive field"], alignments: [.left, .right, .right, .right])
    for layer in stack {
        field += (layer.k - 1) * jump
        jump *= layer.s
        fields.append([layer.name, String(layer.k), String(layer.s), "\(field)x\(field)"])
    }
    chapter.table(fields)
    chapter.check(
        "after conv-pool-conv-pool each output sees 10x10 pixels", computed: Double(field),
        byHand: 1 + 2 + 1 + 2 * 2 + 1 * 2,
        derivation: "1 + 2·1 + 1·1 + 2·2 + 1·2", tolerance: .tight)

    var generator = SeededGenerator(seed: 12)
    let conv =
        (try? Conv2D(
            input: ImageShape(channels: 1, height: 8, width: 8), outputChannels: 16, kernel: (3, 3),
            padding: (1, 1), generator: &generator))!
    let dense = Dense(inputs: 64, outputs: 16 * 64, generator: &generator)
    chapter.say(
        "Parameter sharing: a 3x3 convolution with 16 filters on an 8x8 image uses the same 9 weights at every "
            + "position. A dense layer with the same 64 inputs and the same 16·8·8 = 1,024 outputs has a weight per pair:"
    )
    chapter.check(
        "Conv2D(1 → 16, 3x3) parameters", computed: Double(conv.parameterCount), byHand: 16 * 1 * 3 * 3 + 16,
        derivation: "O·C·kh·kw + O = 16·1·3·3 + 16", tolerance: .tight)
    chapter.check(
        "Dense(64 → 1024) parameters", computed: Double(dense.parameterCount), byHand: 64 * 1024 + 1024,
        derivation: "64·1024 + 1024", tolerance: .tight)
    let ratio = Double(dense.parameterCount) / Double(conv.parameterCount)
    let large = 784 * 16 * 784 + 16 * 784
    chapter.say(
        "\(formatFixed(ratio, decimals: 0)) times fewer. On a 28x28 image the convolution keeps its 160 while the "
            + "dense layer from 784 inputs to 16·784 outputs needs \(large) (784·12544 + 12544), \(formatFixed(Double(large) / Double(dense.parameterCount), decimals: 0)) times more than on 8x8."
    )
}
