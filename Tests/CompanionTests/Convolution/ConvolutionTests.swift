import DLMath
import Foundation
import Testing

/// Conv2D, im2col and the layout convention, against values worked by hand and the seven-loop convolution.
@Suite("Convolution")
struct ConvolutionTests {
    static let one = ImageShape(channels: 1, height: 3, width: 3)

    @Test("a 3x3 image with a 2x2 kernel, worked by hand")
    func handWorked() throws {
        // x = [[1, 2, 3],      W = [[1, 2],     b = 1, stride 1, no padding → 2x2 output:
        //      [4, 5, 6],           [3, 4]]
        //      [7, 8, 9]]
        // y00 = 1·1 + 2·2 + 3·4 + 4·5 + 1 = 1 + 4 + 12 + 20 + 1 = 38
        // y01 = 1·2 + 2·3 + 3·5 + 4·6 + 1 = 2 + 6 + 15 + 24 + 1 = 48
        // y10 = 1·4 + 2·5 + 3·7 + 4·8 + 1 = 4 + 10 + 21 + 32 + 1 = 68
        // y11 = 1·5 + 2·6 + 3·8 + 4·9 + 1 = 5 + 12 + 24 + 36 + 1 = 78
        var layer = try Conv2D(input: Self.one, kernel: (2, 2), weights: [[1, 2, 3, 4]], bias: [[1]])
        #expect(layer.forward([[1, 2, 3, 4, 5, 6, 7, 8, 9]]) == [[38, 48, 68, 78]])
        // With padding 1 the top-left window sees only x00 under W11: 1·4 + 1 = 5; the output is 4x4.
        var padded = try Conv2D(input: Self.one, kernel: (2, 2), padding: (1, 1), weights: [[1, 2, 3, 4]], bias: [[1]])
        let y = padded.forward([[1, 2, 3, 4, 5, 6, 7, 8, 9]])
        #expect(y.columns == 16 && y[0, 0] == 5)
        // Bottom-right window sees only x22 under W00: 9·1 + 1 = 10.
        #expect(y[0, 15] == 10)
    }

    @Test("the im2col matrix of a 1x3x3 image for a 2x2 kernel, written out")
    func im2colByHand() throws {
        let windows = try ConvolutionWindows(input: Self.one, kernel: (2, 2))
        // One row per window (row-major over the 2x2 windows), the window's pixels in row-major order.
        #expect(
            windows.im2col([[1, 2, 3, 4, 5, 6, 7, 8, 9]]) == [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]])
        // col2im adds back: the centre pixel 5 is read by all four windows, corners by one.
        let back = windows.col2im(Matrix(rows: 4, columns: 4, repeating: 1))
        #expect(back == [[1, 2, 1, 2, 4, 2, 1, 2, 1]])
    }

    @Test("the layout: column c·H·W + i·W + j is pixel (i, j) of channel c")
    func layoutPinned() throws {
        let shape = ImageShape(channels: 2, height: 2, width: 3)
        // Channel 1, row 1, column 2: 1·6 + 1·3 + 2 = 11.
        #expect(shape.column(channel: 1, row: 1, column: 2) == 11)
        var image = Matrix(rows: 1, columns: 12)
        image[0, 11] = 1
        // A 1x1 convolution with W = [[0, 1], [1, 0]]: output channel 0 copies input channel 1, channel 1 copies channel 0.
        var swap = try Conv2D(input: shape, kernel: (1, 1), weights: [[0, 1], [1, 0]], bias: [[0, 0]])
        let y = swap.forward(image)
        // The 1 moves to channel 0, row 1, column 2: 0·6 + 1·3 + 2 = 5.
        #expect(y.elements.firstIndex(of: 1) == 5 && y.sum == 1)
        // The weights' OIHW order: for 2 input channels and a 2x2 kernel, column (c·2 + ki)·2 + kj;
        // W[0, 1, 1, 0] (channel 1, kernel row 1, column 0) is column (1·2 + 1)·2 + 0 = 6.
        var probe = Matrix(rows: 1, columns: 8)
        probe[0, 6] = 1
        var picker = try Conv2D(
            input: ImageShape(channels: 2, height: 2, width: 2), kernel: (2, 2), weights: probe, bias: [[0]])
        var input = Matrix(rows: 1, columns: 8)
        input[0, 4 + 2] = 7  // channel 1, row 1, column 0
        #expect(picker.forward(input) == [[7]])
    }

    @Test("output size ⌊(n + 2p − k)/s⌋ + 1 and a clear error below 1")
    func outputSizes() throws {
        // (8 + 2 − 3)/1 + 1 = 8,  (7 + 2 − 3)/2 + 1 = 4,  (5 − 3)/2 + 1 = 2,  (8 − 2)/2 + 1 = 4
        #expect(try ConvolutionWindows.outputSize(8, kernel: 3, stride: 1, padding: 1) == 8)
        #expect(try ConvolutionWindows.outputSize(7, kernel: 3, stride: 2, padding: 1) == 4)
        #expect(try ConvolutionWindows.outputSize(5, kernel: 3, stride: 2, padding: 0) == 2)
        #expect(try ConvolutionWindows.outputSize(8, kernel: 2, stride: 2, padding: 0) == 4)
        #expect(throws: ShapeError.self) { try ConvolutionWindows.outputSize(2, kernel: 5, stride: 1, padding: 1) }
        do {
            _ = try Conv2D(
                input: ImageShape(channels: 1, height: 2, width: 8), kernel: (5, 3),
                weights: Matrix(rows: 1, columns: 15),
                bias: [[0]])
            Issue.record("a 5-high kernel on a 2-high image was accepted")
        } catch {
            #expect(error.operation == "Conv2D")
            #expect(error.detail.contains("height 2") && error.detail.contains("(2 + 2·0 − 5)"), "\(error)")
        }
        #expect(throws: ShapeError.self) {
            try Conv2D(input: Self.one, kernel: (2, 2), weights: Matrix(rows: 2, columns: 5), bias: [[0, 0]])
        }
        let layer = try Conv2D(input: Self.one, kernel: (2, 2), weights: [[1, 2, 3, 4]], bias: [[1]])
        #expect(throws: ShapeError.self) { try layer.outputColumns(forInputColumns: 10) }
        #expect(try layer.outputColumns(forInputColumns: 9) == 4)
    }

    /// Shapes: (C, H, W, O, kernel, stride, padding), odd sizes, several channels, stride 1 and 2, padding 0 and 1.
    static let configurations: [(ImageShape, Int, (Int, Int), (Int, Int), (Int, Int))] = [
        (ImageShape(channels: 2, height: 5, width: 7), 3, (3, 3), (1, 1), (0, 0)),
        (ImageShape(channels: 3, height: 7, width: 6), 2, (3, 2), (2, 2), (1, 1)),
        (ImageShape(channels: 1, height: 6, width: 5), 4, (2, 2), (2, 1), (0, 1)),
        (ImageShape(channels: 2, height: 5, width: 5), 3, (3, 3), (2, 2), (1, 1)),
        (ImageShape(channels: 3, height: 4, width: 9), 1, (1, 3), (1, 2), (1, 0))
    ]

    @Test("im2col and the product agree with the seven-loop convolution on random shapes")
    func im2colAgreesWithLoops() throws {
        var generator = SeededGenerator(seed: 120)
        for (shape, outputs, kernel, stride, padding) in Self.configurations {
            var layer = try Conv2D(
                input: shape, outputChannels: outputs, kernel: kernel, stride: stride, padding: padding,
                generator: &generator)
            layer.parameters[1] = generator.normalMatrix(rows: 1, columns: outputs)
            let x = generator.normalMatrix(rows: 3, columns: shape.count)
            let loops = directConvolution(x, windows: layer.windows, weights: layer.weights, bias: layer.bias)
            let fast = layer.forward(x)
            #expect(fast.rows == loops.rows && fast.columns == loops.columns)
            #expect(
                zip(fast.elements, loops.elements).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }, "\(layer)")
        }
    }

    @Test("col2im is the adjoint of im2col: ⟨im2col(x), Y⟩ = ⟨x, col2im(Y)⟩")
    func adjoint() throws {
        var generator = SeededGenerator(seed: 121)
        for (shape, _, kernel, stride, padding) in Self.configurations {
            let windows = try ConvolutionWindows(input: shape, kernel: kernel, stride: stride, padding: padding)
            let x = generator.normalMatrix(rows: 2, columns: shape.count)
            let y = generator.normalMatrix(rows: 2 * windows.windowCount, columns: windows.patchLength)
            let left = windows.im2col(x).elements.dot(y.elements), right = x.elements.dot(windows.col2im(y).elements)
            #expect(abs(left - right) <= 1e-10 * max(1, abs(left)), "\(windows)")
        }
    }

    @Test("Conv2D gradient check: input, weights and bias, at 1e-7 or better")
    func gradientChecks() throws {
        var generator = SeededGenerator(seed: 122)
        for (shape, outputs, kernel, stride, padding) in Self.configurations {
            var layer = try Conv2D(
                input: shape, outputChannels: outputs, kernel: kernel, stride: stride, padding: padding,
                generator: &generator)
            layer.parameters[1] = generator.normalMatrix(rows: 1, columns: outputs)
            let x = generator.normalMatrix(rows: 2, columns: shape.count)
            let target = generator.normalMatrix(rows: 2, columns: layer.outputShape.count)
            for result in layerGradientChecks(
                layer, input: x, loss: { halfSquaredError($0, target) }, lossGradient: { $0 - target },
                tolerance: 1e-7)
            {
                #expect(result.passed, "\(result)")
            }
        }
    }

    @Test("backwardToParameters stores backward's ∂L/∂W and ∂L/∂b to the bit, on every configuration")
    func backwardToParameters() throws {
        var generator = SeededGenerator(seed: 123)
        for (shape, outputs, kernel, stride, padding) in Self.configurations {
            var full = try Conv2D(
                input: shape, outputChannels: outputs, kernel: kernel, stride: stride, padding: padding,
                generator: &generator)
            var short = full
            let x = generator.normalMatrix(rows: 3, columns: shape.count)
            let g = generator.normalMatrix(rows: 3, columns: full.outputShape.count)
            _ = full.forward(x)
            _ = short.forward(x)
            _ = full.backward(g)
            short.backwardToParameters(g)
            #expect(
                short.parameterGradients.map { $0.elements.map(\.bitPattern) }
                    == full.parameterGradients.map { $0.elements.map(\.bitPattern) }, "\(shape) \(kernel)")
            // and they are not the zeros a fresh layer holds: the call stored something.
            #expect(short.weightGradient.elements.contains { $0 != 0 })
        }
    }

    @Test("for stride 1, ∂L/∂x is the full convolution of g with the flipped kernel, channels swapped")
    func backwardIsFullConvolution() throws {
        var generator = SeededGenerator(seed: 123)
        let shape = ImageShape(channels: 2, height: 5, width: 6)
        var layer = try Conv2D(input: shape, outputChannels: 3, kernel: (3, 2), generator: &generator)
        let x = generator.normalMatrix(rows: 2, columns: shape.count)
        _ = layer.forward(x)
        let g = generator.normalMatrix(rows: 2, columns: layer.outputShape.count)
        let dx = layer.backward(g)
        // W'[c, o, ki, kj] = W[o, c, kh−1−ki, kw−1−kj], padding k − 1 per axis: a 3x5 gradient becomes 5x6 again.
        let flipped = Matrix(rows: 2, columns: 3 * 3 * 2) { c, column in
            let o = column / 6, ki = (column % 6) / 2, kj = column % 2
            return layer.weights[o, (c * 3 + (2 - ki)) * 2 + (1 - kj)]
        }
        let full = try ConvolutionWindows(input: layer.outputShape, kernel: (3, 2), padding: (2, 1))
        let expected = directConvolution(g, windows: full, weights: flipped, bias: Matrix(rows: 1, columns: 2))
        #expect(zip(dx.elements, expected.elements).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }

    @Test("parameter count O·C·kh·kw + O, independent of the image size")
    func parameterCount() throws {
        var generator = SeededGenerator(seed: 124)
        // 16 filters of 1x3x3 plus 16 biases: 16·9 + 16 = 160, on 8x8 or 28x28 images alike.
        let small = try Conv2D(
            input: ImageShape(channels: 1, height: 8, width: 8), outputChannels: 16, kernel: (3, 3),
            generator: &generator)
        let large = try Conv2D(
            input: ImageShape(channels: 1, height: 28, width: 28), outputChannels: 16, kernel: (3, 3),
            generator: &generator)
        #expect(small.parameterCount == 160 && large.parameterCount == 160)
    }
}
