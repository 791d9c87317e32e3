// 12.2 im2col: the convolution as one matrix product, the im2col matrix of a
// tiny input, and the speed of the im2col path against seven nested loops.
import DLMath
import DLPresentation

/// The median of `repeats` timings of `body`, in seconds.
func medianSeconds(repeats: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = clock.now
        body()
        let (seconds, attoseconds) = start.duration(to: clock.now).components
        times.append(Double(seconds) + Double(attoseconds) * 1e-18)
    }
    return times.sorted()[times.count / 2]
}

func im2colSection(_ chapter: inout Chapter, quick: Bool) {
    chapter.section("im2col: a convolution as one matrix product")
    chapter.formula(
        """
        X̃ = im2col(x):  one row per window (m·H_out·W_out rows), the window's C·kh·kw pixels in a row
        Ỹ = X̃ Wᵀ + b:   W read as O x (C·kh·kw) (OIHW), Ỹ is (m·H_out·W_out) x O, then each example's block transposed (channels first)
        """)
    let image = ImageShape(channels: 2, height: 3, width: 3)
    let x = Matrix(row: (1...18).map(Double.init))
    let windows = (try? ConvolutionWindows(input: image, kernel: (2, 2)))!
    let columns = windows.im2col(x)
    chapter.say(
        "A 2-channel 3x3 image, channel 0 holding 1…9 and channel 1 holding 10…18 (columns c·9 + i·3 + j), and a "
            + "2x2 kernel: four windows, each row the window of channel 0 and then of channel 1:")
    chapter.show("im2col(x)", columns)
    chapter.check(
        "row 3 is the bottom-right window: 5 6 8 9 of channel 0, then 14 15 17 18",
        computed: Matrix(row: Array(columns.elements[24..<32])),
        byHand: [[5, 6, 8, 9, 14, 15, 17, 18]], derivation: "pixels (1,1) (1,2) (2,1) (2,2) of each channel",
        tolerance: .tight)
    let weights: Matrix = [[1, 0, 0, 0, 0, 0, 0, 1], [0.5, 0.5, 0.5, 0.5, -1, 0, 0, 0]]
    var layer = convolution(image, kernel: (2, 2), weights: weights, bias: [[0, 0]])
    let y = layer.forward(x)
    chapter.say(
        "Two filters: filter 0 adds the top-left pixel of channel 0 and the bottom-right of channel 1; filter 1 "
            + "averages channel 0's window and subtracts channel 1's top-left. X̃ Wᵀ, rearranged channels first:")
    chapter.show("y", Matrix(rows: 2, columns: 4, elements: y.elements))
    chapter.check(
        "filter 0, window (0, 0): 1 + 14", computed: y[0, 0], byHand: 1 + 14, derivation: "x[0,0,0] + x[1,1,1]",
        tolerance: .tight)
    chapter.check(
        "filter 1, window (1, 1): (5 + 6 + 8 + 9)/2 − 14", computed: y[0, 7], byHand: (5.0 + 6 + 8 + 9) / 2 - 14,
        derivation: "½·28 − 14", tolerance: .tight)

    chapter.say(
        "Why this is fast: the product kernel is blocked and vectorised, and im2col only copies. Seven nested "
            + "loops (example, filter, row, column, channel, kernel row, kernel column) do the same multiply-adds one at a time:"
    )
    let shape = quick ? ImageShape(channels: 4, height: 8, width: 8) : ImageShape(channels: 16, height: 16, width: 16)
    let examples = quick ? 4 : 32, filters = quick ? 8 : 32
    var generator = SeededGenerator(seed: 1212)
    let big =
        (try? Conv2D(input: shape, outputChannels: filters, kernel: (3, 3), padding: (1, 1), generator: &generator))!
    let batch = generator.normalMatrix(rows: examples, columns: shape.count)
    let flops = 2.0 * Double(examples * filters * shape.pixelsPerChannel * shape.channels * 9)
    var fast = Matrix(rows: 0, columns: 0), loops = fast
    let repeats = quick ? 3 : 7
    let fastSeconds = medianSeconds(repeats: repeats) { fast = big(batch) }
    let loopSeconds = medianSeconds(repeats: 3) {
        loops = directConvolution(batch, windows: big.windows, weights: big.weights, bias: big.bias)
    }
    var product = Matrix(rows: 0, columns: 0)
    let columnsOfBatch = big.windows.im2col(batch), transposedWeights = big.weights.transposed
    let productSeconds = medianSeconds(repeats: repeats) { product = columnsOfBatch * transposedWeights }
    // Each cell carries its unit, so that the tests can tell timings from the seeded numbers.
    var speed = TextTable(["path", "time", "speed"], alignments: [.left, .right, .right])
    func timing(_ seconds: Double) -> [String] {
        [
            "\(formatFixed(1000 * seconds, decimals: 2))\u{00A0}ms",
            "\(formatFixed(flops / seconds / 1e9, decimals: 2))\u{00A0}GFLOP/s"
        ]
    }
    speed.append(["seven loops (directConvolution)"] + timing(loopSeconds))
    speed.append(["im2col + product (Conv2D)"] + timing(fastSeconds))
    speed.append(["  of which the product X̃ Wᵀ"] + timing(productSeconds))
    chapter.say(
        "\(examples) images of \(shape), \(filters) filters of 3x3, padding 1: \(formatFixed(flops / 1e6, decimals: 1)) MFLOP "
            + "(2·m·O·H·W·C·9), median of \(repeats) runs (3 for the loops)\(quick ? " (--quick: a smaller layer; timings of a debug build mean little)" : ""):"
    )
    chapter.table(speed)
    chapter.say(
        "The product is (m·H·W) x (C·9) by (C·9) x O = \(columnsOfBatch.rows) x \(columnsOfBatch.columns) by "
            + "\(transposedWeights.rows) x \(transposedWeights.columns). im2col costs memory: X̃ holds each pixel up to 9 times "
            + "(\(columnsOfBatch.count) numbers for \(batch.count) pixels).")
    let largest = zip(fast.elements, loops.elements).map { abs($0 - $1) }.max() ?? 0
    chapter.check(
        "both paths compute the same convolution", holds: largest <= 1e-12 * max(1, loops.elements.map(abs).max() ?? 1),
        detail: "largest difference \(formatScientific(largest)) over \(fast.count) outputs")
    if !quick {
        chapter.check(
            "im2col + product is faster than the loops", holds: fastSeconds < loopSeconds,
            detail: "\(formatFixed(loopSeconds / fastSeconds, decimals: 1))× faster")
    }
    _ = product
}
