/// Max pooling: the largest value of each kh x kw window of each channel,
/// windows moving by the stride (no padding):
///
///     y[n, c, i, j] = max over ki < kh, kj < kw of x[n, c, i·sh + ki, j·sw + kj]
///
/// Layout: input m x (C·H·W), output m x (C·H_out·W_out), channels first
/// (see `ImageShape`), H_out = ⌊(H − kh)/sh⌋ + 1 and likewise W_out.
///
/// Backward routes: the max is locally the identity on its argmax and
/// constant in the others, so ∂L/∂x[argmax of window] receives g of that
/// window and every other pixel of the window 0. Where windows overlap
/// (stride below the window) a pixel that is the argmax of several windows
/// receives the sum of their gradients.
///
/// Ties: when several pixels of a window share the maximum, the first in
/// row-major order within the window (smallest ki, then smallest kj) is the
/// argmax and takes the whole gradient, as PyTorch's CPU kernel does. (The
/// max is not differentiable there; any convex split of g is a subgradient.)
///
/// No parameters. `Codable`: the input shape, window and stride.
public struct MaxPool2D: Layer {
    public static let kind = LayerKind.maxPooling

    /// The windows: input shape, window, stride, output size (padding 0).
    public let windows: ConvolutionWindows
    /// For each output element of the last forward, the input column its max came from (per example).
    private var lastArgmax: [Int]?

    /// Max pooling with a kh x kw window and the given stride (default: the window, non-overlapping) on images of `input`.
    public init(input: ImageShape, window: (height: Int, width: Int), stride: (height: Int, width: Int)? = nil)
        throws(ShapeError)
    {
        windows = try ConvolutionWindows(input: input, kernel: window, stride: stride ?? window, operation: "MaxPool2D")
    }

    /// The shape of one output image, C x H_out x W_out.
    public var outputShape: ImageShape {
        ImageShape(channels: windows.input.channels, height: windows.outputHeight, width: windows.outputWidth)
    }

    /// The window maxima; remembers where each came from.
    public mutating func forward(_ input: Matrix) -> Matrix {
        let (output, argmax) = pool(input)
        lastArgmax = argmax
        return output
    }

    /// The window maxima (inference).
    public func callAsFunction(_ input: Matrix) -> Matrix { pool(input).output }

    private func pool(_ input: Matrix) -> (output: Matrix, argmax: [Int]) {
        requireImageColumns(input, windows.input, "MaxPool2D.forward")
        let shape = windows.input, out = outputShape
        var values = [Double](repeating: 0, count: input.rows * out.count)
        var argmax = [Int](repeating: 0, count: input.rows * out.count)
        let (kh, kw, sh, sw) = (windows.kernelHeight, windows.kernelWidth, windows.strideHeight, windows.strideWidth)
        input.elements.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { maxima in
                argmax.withUnsafeMutableBufferPointer { positions in
                    var index = 0  // n·out.count + out.column(c, i, j), in this loop order
                    for n in 0..<input.rows {
                        let image = n * shape.count
                        for c in 0..<shape.channels {
                            let plane = c * shape.pixelsPerChannel
                            for i in 0..<out.height {
                                for j in 0..<out.width {
                                    var bestColumn = plane + (i * sh) * shape.width + j * sw
                                    var best = x[image + bestColumn]
                                    for ki in 0..<kh {
                                        let row = plane + (i * sh + ki) * shape.width + j * sw
                                        for kj in 0..<kw where x[image + row + kj] > best {
                                            (best, bestColumn) = (x[image + row + kj], row + kj)
                                        }
                                    }
                                    maxima[index] = best
                                    positions[index] = bestColumn
                                    index += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Matrix(rows: input.rows, columns: out.count, elements: values), argmax)
    }

    /// ∂L/∂x: each window's gradient routed to its argmax (summed where windows overlap).
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let argmax = lastArgmax else { preconditionFailure("MaxPool2D.backward called before forward") }
        let out = outputShape.count, examples = argmax.count / max(out, 1)
        requireShape(
            outputGradient.rows == examples && outputGradient.columns == out,
            ShapeError("MaxPool2D.backward", "gradient \(outputGradient.shapeDescription), expected \(examples)x\(out)")
        )
        let width = windows.input.count
        var gradient = [Double](repeating: 0, count: examples * width)
        outputGradient.elements.withUnsafeBufferPointer { g in
            gradient.withUnsafeMutableBufferPointer { target in
                for n in 0..<examples {
                    for k in 0..<out { target[n * width + argmax[n * out + k]] += g[n * out + k] }
                }
            }
        }
        return Matrix(rows: examples, columns: windows.input.count, elements: gradient)
    }

    /// None.
    public var parameters: [Matrix] {
        get { [] }
        set { requireSameShapes(newValue, as: [], layer: "MaxPool2D") }
    }

    /// None.
    public var parameterGradients: [Matrix] { [] }

    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns == windows.input.count else {
            throw ShapeError(
                description, "takes \(windows.input.count) input columns (\(windows.input)), got \(inputColumns)")
        }
        return outputShape.count
    }

    /// `MaxPool2D(16x8x8 → 16x4x4, 2x2, stride 2)`.
    public var description: String {
        "MaxPool2D(\(windows.input) → \(outputShape), \(windows.kernelHeight)x\(windows.kernelWidth), stride \(windows.strideHeight)x\(windows.strideWidth))"
    }

    private enum CodingKeys: String, CodingKey {
        case input, window, stride
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let (input, window, stride) = try decodePoolingConfiguration(container, CodingKeys.input, .window, .stride)
        do {
            try self.init(input: input, window: window, stride: stride)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .window, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodePoolingConfiguration(windows, into: &container, .input, .window, .stride)
    }
}

/// Reads a pooling layer's input shape, window and stride (two entries each) from `container`.
func decodePoolingConfiguration<Key: CodingKey>(
    _ container: KeyedDecodingContainer<Key>, _ inputKey: Key, _ windowKey: Key,
    _ strideKey: Key
) throws -> (ImageShape, (height: Int, width: Int), (height: Int, width: Int)) {
    let input = try container.decode(ImageShape.self, forKey: inputKey)
    let window = try container.decode([Int].self, forKey: windowKey)
    let stride = try container.decode([Int].self, forKey: strideKey)
    guard window.count == 2, stride.count == 2 else {
        throw DecodingError.dataCorruptedError(
            forKey: windowKey, in: container,
            debugDescription: "pooling: window and stride need two entries each (height, width)")
    }
    return (input, (window[0], window[1]), (stride[0], stride[1]))
}

/// Writes a pooling layer's configuration as `decodePoolingConfiguration` reads it:
/// the input shape, `[kh, kw]` and `[sh, sw]`.
func encodePoolingConfiguration<Key: CodingKey>(
    _ windows: ConvolutionWindows, into container: inout KeyedEncodingContainer<Key>,
    _ inputKey: Key, _ windowKey: Key, _ strideKey: Key
) throws {
    try container.encode(windows.input, forKey: inputKey)
    try container.encode([windows.kernelHeight, windows.kernelWidth], forKey: windowKey)
    try container.encode([windows.strideHeight, windows.strideWidth], forKey: strideKey)
}
