// 12.7 Where the book is wrong: what the reader's Keras code does differently
// from the layers of this chapter, computed.
import DLMath
import DLPresentation

func bookSection(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book names convolutional networks and shows Keras code. Three things a reader carrying such code "
            + "over will meet, each computed:")
    chapter.say(
        "1. 'Convolution' is not convolution. Keras' Conv2D, like PyTorch's, computes the cross-correlation; "
            + "a text that writes the sum as Σ W[ki, kj] x[i − ki, j − kj] and then uses Conv2D describes the flipped "
            + "kernel. On the 3x3 example of 12.1 the two readings give different numbers for the same W:")
    let image = ImageShape(channels: 1, height: 3, width: 3)
    var correlation = convolution(image, kernel: (2, 2), weights: [[1, 2, 3, 4]], bias: [[0]])
    var flipped = convolution(image, kernel: (2, 2), weights: [[4, 3, 2, 1]], bias: [[0]])
    let x: Matrix = [[1, 2, 3, 4, 5, 6, 7, 8, 9]]
    let a = correlation.forward(x), b = flipped.forward(x)
    chapter.check(
        "cross-correlation (Conv2D) of the top-left patch", computed: a[0, 0], byHand: 1 + 4 + 12 + 20,
        derivation: "1·1 + 2·2 + 3·4 + 4·5",
        tolerance: .tight)
    chapter.check(
        "true convolution of the same patch", computed: b[0, 0], byHand: 4 + 6 + 8 + 5,
        derivation: "4·1 + 3·2 + 2·4 + 1·5",
        tolerance: .tight)
    chapter.say(
        "2. Keras' default padding is 'valid' (p = 0): Conv2D(32, 3) on 8x8 digits gives 6x6 maps, not 8x8; "
            + "'same' pads by ⌊k/2⌋. And Keras images are channels last (N, H, W, C); this package, like PyTorch, is "
            + "channels first, so a Keras kernel of shape (kh, kw, C, O) is W[o, c, ki, kj] = K[ki, kj, c, o].")
    let valid = (try? ConvolutionWindows.outputSize(8, kernel: 3, stride: 1, padding: 0)) ?? 0
    chapter.check(
        "'valid' 3x3 on 8 pixels", computed: Double(valid), byHand: 6, derivation: "8 − 3 + 1", tolerance: .tight)
    chapter.say(
        "3. 'momentum' names opposite weights. Keras' BatchNormalization(momentum=0.99) is the weight of the old "
            + "running value (r ← 0.99 r + 0.01 batch), PyTorch's BatchNorm2d(momentum=0.1) the weight of the new batch "
            + "(r ← 0.9 r + 0.1 batch): Keras' default is PyTorch's momentum=0.01, an average ten times slower, and "
            + "Keras' default ε is 1e-3 against PyTorch's 1e-5. Ten steps of the batch statistic 1, starting from 0:")
    let kerasRunning = (0..<10).reduce(0.0) { r, _ in 0.99 * r + 0.01 * 1 }
    let pytorchRunning = (0..<10).reduce(0.0) { r, _ in 0.9 * r + 0.1 * 1 }
    chapter.check(
        "after 10 steps, Keras' momentum 0.99", computed: kerasRunning, byHand: 1 - 0.99.toPower(10),
        derivation: "1 − 0.99¹⁰",
        tolerance: .tight)
    chapter.check(
        "after 10 steps, PyTorch's momentum 0.1", computed: pytorchRunning, byHand: 1 - 0.9.toPower(10),
        derivation: "1 − 0.9¹⁰",
        tolerance: .tight)
}

extension Double {
    /// self^n by repeated multiplication (n ≥ 0), for the by-hand values above.
    func toPower(_ n: Int) -> Double { (0..<n).reduce(1) { product, _ in product * self } }
}
