/// A two-dimensional convolution layer (cross-correlation, as in every framework):
///
///     y[n, o, i, j] = b[o] + Σ_c Σ_ki Σ_kj W[o, c, ki, kj] · x[n, c, i·sh − ph + ki, j·sw − pw + kj]
///
/// with x read as zero outside the image. The kernel is not flipped: a
/// mathematician's convolution is the same sum with W[o, c, kh−1−ki, kw−1−kj],
/// and since the kernel is learned, either reading learns the same functions
/// (the learned kernel comes out flipped).
///
/// Layout: input m x (C·H·W), output m x (O·H_out·W_out), both channels first
/// (column c·H·W + i·W + j, see `ImageShape`); the layer is told the input
/// shape. Weights `weights` are O x (C·kh·kw), row o holding W[o, c, ki, kj] at
/// column (c·kh + ki)·kw + kj (PyTorch's OIHW order, flattened); bias 1 x O.
/// Output size per axis ⌊(n + 2p − k)/s⌋ + 1 (see `ConvolutionWindows`).
///
/// Forward through im2col and the one product kernel: with X̃ = im2col(x),
/// (m·P) x (C·kh·kw) for P = H_out·W_out windows, Ỹ = X̃ Wᵀ + b is (m·P) x O,
/// one row per window, and y is Ỹ with each example's P x O block transposed
/// to O x P (channels first).
///
/// Backward, for g = ∂L/∂y read back as G̃ ((m·P) x O, the layout of Ỹ):
///
///     ∂L/∂W = G̃ᵀ X̃             (O x C·kh·kw: the correlation of x with g; G̃ᵀ is written directly, not transposed)
///     ∂L/∂b = Σ rows of G̃       (1 x O: g summed over examples and positions)
///     ∂L/∂x = col2im(G̃ W)       (overlapping windows add up; for stride 1 this is the
///                                full convolution of g with the flipped kernel)
///
/// `parameters` is `[W, b]`; W is decayed, b is not. Parameter count O·C·kh·kw + O,
/// independent of the image size (parameter sharing).
public struct Conv2D: Layer {
    public static let kind = LayerKind.convolution

    /// The windows: input shape, kernel, stride, padding, output size.
    public let windows: ConvolutionWindows
    /// W, O x (C·kh·kw) (OIHW, flattened).
    public private(set) var weights: Matrix
    /// b, 1 x O.
    public private(set) var bias: Matrix
    /// ∂L/∂W from the last backward (zeros before).
    public private(set) var weightGradient: Matrix
    /// ∂L/∂b from the last backward (zeros before).
    public private(set) var biasGradient: Matrix
    /// im2col of the last forward's input, kept for backward.
    private var lastColumns: Matrix?

    /// A layer with given weights (O x C·kh·kw) and bias (1 x O) on images of `input`.
    /// Throws a `ShapeError` when the kernel does not fit or the weights do not match.
    public init(
        input: ImageShape, kernel: (height: Int, width: Int), stride: (height: Int, width: Int) = (1, 1),
        padding: (height: Int, width: Int) = (0, 0), weights: Matrix, bias: Matrix
    ) throws(ShapeError) {
        let windows = try ConvolutionWindows(
            input: input, kernel: kernel, stride: stride, padding: padding, operation: "Conv2D")
        guard weights.columns == windows.patchLength, bias.rows == 1, bias.columns == weights.rows, weights.rows >= 1
        else {
            throw ShapeError(
                "Conv2D",
                "weights \(weights.shapeDescription) and bias \(bias.shapeDescription) must be O x \(windows.patchLength) (C·kh·kw = \(input.channels)·\(kernel.height)·\(kernel.width)) and 1 x O"
            )
        }
        self.windows = windows
        self.weights = weights
        self.bias = bias
        self.weightGradient = Matrix(rows: weights.rows, columns: weights.columns)
        self.biasGradient = Matrix(rows: 1, columns: bias.columns)
    }

    /// `outputChannels` filters of size kh x kw on images of `input`, W drawn by
    /// `initializer` with fan-in C·kh·kw and fan-out O·kh·kw (as PyTorch and
    /// Keras count them; default He normal, for ReLU), b = 0.
    public init(
        input: ImageShape, outputChannels: Int, kernel: (height: Int, width: Int),
        stride: (height: Int, width: Int) = (1, 1), padding: (height: Int, width: Int) = (0, 0),
        initializer: WeightInitializer = .heNormal, generator: inout SeededGenerator
    ) throws(ShapeError) {
        guard outputChannels >= 1 else {
            throw ShapeError("Conv2D", "output channels must be >= 1, got \(outputChannels)")
        }
        let area = kernel.height * kernel.width
        let drawn = initializer.matrix(fanIn: input.channels * area, fanOut: outputChannels * area, using: &generator)
        // drawn is (C·kh·kw) x (O·kh·kw); its first O columns, read as O rows, have the right variance.
        let weights = Matrix(rows: outputChannels, columns: input.channels * area) { o, k in drawn[k, o] }
        try self.init(
            input: input, kernel: kernel, stride: stride, padding: padding,
            weights: weights, bias: Matrix(rows: 1, columns: outputChannels))
    }

    /// O, the number of filters.
    public var outputChannels: Int { weights.rows }
    /// The shape of one output image, O x H_out x W_out.
    public var outputShape: ImageShape {
        ImageShape(channels: outputChannels, height: windows.outputHeight, width: windows.outputWidth)
    }

    /// y = conv(x, W) + b (see the type); remembers im2col(x).
    public mutating func forward(_ input: Matrix) -> Matrix {
        let columns = windows.im2col(input)
        lastColumns = columns
        return channelsFirst(columns.timesTransposed(weights))
    }

    /// The same without remembering anything (inference).
    public func callAsFunction(_ input: Matrix) -> Matrix {
        channelsFirst(windows.im2col(input).timesTransposed(weights))
    }

    /// Stores ∂L/∂W = G̃ᵀ X̃ and ∂L/∂b = Σ rows of G̃; returns ∂L/∂x = col2im(G̃ W).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        let perWindow = storeParameterGradients(outputGradient)
        return windows.col2im(perWindow * weights)
    }

    /// Stores ∂L/∂W = G̃ᵀ X̃ and ∂L/∂b = Σ rows of G̃, without ∂L/∂x (no G̃ W, no
    /// col2im): the backward pass of a network's first layer, whose input is the data.
    public mutating func backwardToParameters(_ outputGradient: Matrix) {
        _ = storeParameterGradients(outputGradient)
    }

    /// ∂L/∂W and ∂L/∂b stored as `backward` stores them; returns G̃, one row per window.
    private mutating func storeParameterGradients(_ outputGradient: Matrix) -> Matrix {
        guard let columns = lastColumns else { preconditionFailure("Conv2D.backward called before forward") }
        let examples = columns.rows / windows.windowCount
        requireShape(
            outputGradient.rows == examples && outputGradient.columns == outputShape.count,
            ShapeError(
                "Conv2D.backward",
                "gradient \(outputGradient.shapeDescription), expected \(examples)x\(outputShape.count)"))
        let (perWindow, perChannel, channelSums) = windowsFirst(outputGradient)
        weightGradient = perChannel * columns
        biasGradient = channelSums
        return perWindow
    }

    /// (m·P) x O, one row per window → m x (O·P), channels first, with b[o] added to channel o.
    /// Every entry is written once (no zero fill): one example's O x P block at a time, row by row.
    private func channelsFirst(_ perWindow: Matrix) -> Matrix {
        let p = windows.windowCount, o = outputChannels
        let examples = perWindow.rows / p
        let out = [Double](unsafeUninitializedCapacity: perWindow.count) { target, initialised in
            perWindow.elements.withUnsafeBufferPointer { source in
                bias.elements.withUnsafeBufferPointer { b in
                    guard var write = target.baseAddress, let read = source.baseAddress else { return }
                    for n in 0..<examples {
                        let block = read + n &* p &* o
                        for channel in 0..<o {
                            let column = block + channel, offset = b[channel]
                            for position in 0..<p { (write + position).initialize(to: column[position &* o] + offset) }
                            write += p
                        }
                    }
                }
            }
            initialised = perWindow.count
        }
        return Matrix(rows: examples, columns: o * p, elements: out)
    }

    /// m x (O·P), channels first → G̃, (m·P) x O, one row per window, G̃ᵀ, O x (m·P), and the
    /// sums of G̃'s columns, 1 x O (each added up from 0 in the order of G̃'s rows, as `sum(along:)` does).
    /// Every entry is written once (no zero fill); G̃ᵀ is made of contiguous runs of P.
    private func windowsFirst(_ images: Matrix) -> (perWindow: Matrix, perChannel: Matrix, channelSums: Matrix) {
        let p = windows.windowCount, o = outputChannels
        let columns = images.rows * p
        var sums = [Double](repeating: 0, count: o)
        let rowsOfWindows = [Double](unsafeUninitializedCapacity: images.count) { target, initialised in
            images.elements.withUnsafeBufferPointer { source in
                sums.withUnsafeMutableBufferPointer { sum in
                    guard var write = target.baseAddress, let read = source.baseAddress else { return }
                    for n in 0..<images.rows {
                        let block = read + n &* o &* p
                        for position in 0..<p {
                            let row = block + position
                            for channel in 0..<o {
                                let value = row[channel &* p]
                                (write + channel).initialize(to: value)
                                sum[channel] += value
                            }
                            write += o
                        }
                    }
                }
            }
            initialised = images.count
        }
        let rowsOfChannels = [Double](unsafeUninitializedCapacity: images.count) { target, initialised in
            images.elements.withUnsafeBufferPointer { source in
                guard let write = target.baseAddress, let read = source.baseAddress else { return }
                for n in 0..<images.rows {
                    for channel in 0..<o {
                        (write + channel &* columns + n &* p).initialize(from: read + (n &* o + channel) &* p, count: p)
                    }
                }
            }
            initialised = images.count
        }
        return (
            Matrix(rows: columns, columns: o, elements: rowsOfWindows),
            Matrix(rows: o, columns: columns, elements: rowsOfChannels),
            Matrix(rows: 1, columns: o, elements: sums)
        )
    }

    /// `[W, b]`.
    public var parameters: [Matrix] {
        get { [weights, bias] }
        set {
            requireSameShapes(newValue, as: [weights, bias], layer: "Conv2D")
            weights = newValue[0]
            bias = newValue[1]
        }
    }

    /// `[true, false]`: W is decayed, b is not.
    public var weightDecayMask: [Bool] { [true, false] }

    /// `[∂L/∂W, ∂L/∂b]`.
    public var parameterGradients: [Matrix] { [weightGradient, biasGradient] }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns == windows.input.count else {
            throw ShapeError(
                description, "takes \(windows.input.count) input columns (\(windows.input)), got \(inputColumns)")
        }
        return outputShape.count
    }

    /// `Conv2D(1x8x8 → 16x8x8, 3x3, stride 1, padding 1)`.
    public var description: String {
        let stride =
            windows.strideHeight == windows.strideWidth
            ? "\(windows.strideHeight)" : "\(windows.strideHeight)x\(windows.strideWidth)"
        let padding =
            windows.paddingHeight == windows.paddingWidth
            ? "\(windows.paddingHeight)" : "\(windows.paddingHeight)x\(windows.paddingWidth)"
        return
            "Conv2D(\(windows.input) → \(outputShape), \(windows.kernelHeight)x\(windows.kernelWidth), stride \(stride), padding \(padding))"
    }

    // Codable: the configuration, the weights and the bias.
    private enum CodingKeys: String, CodingKey {
        case input, kernel, stride, padding, weights, bias
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let input = try container.decode(ImageShape.self, forKey: .input)
        let kernel = try container.decode([Int].self, forKey: .kernel)
        let stride = try container.decode([Int].self, forKey: .stride)
        let padding = try container.decode([Int].self, forKey: .padding)
        let weights = try container.decode(Matrix.self, forKey: .weights)
        let bias = try container.decode(Matrix.self, forKey: .bias)
        guard kernel.count == 2, stride.count == 2, padding.count == 2 else {
            throw DecodingError.dataCorruptedError(
                forKey: .kernel, in: container,
                debugDescription: "Conv2D: kernel, stride and padding need two entries each (height, width)")
        }
        do {
            try self.init(
                input: input, kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]),
                padding: (padding[0], padding[1]), weights: weights, bias: bias)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .bias, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(windows.input, forKey: .input)
        try container.encode([windows.kernelHeight, windows.kernelWidth], forKey: .kernel)
        try container.encode([windows.strideHeight, windows.strideWidth], forKey: .stride)
        try container.encode([windows.paddingHeight, windows.paddingWidth], forKey: .padding)
        try container.encode(weights, forKey: .weights)
        try container.encode(bias, forKey: .bias)
    }
}
