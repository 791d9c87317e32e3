/// Average pooling: the mean of each kh x kw window of each channel, windows
/// moving by the stride (no padding):
///
///     y[n, c, i, j] = (1/(kh·kw)) Σ over ki < kh, kj < kw of x[n, c, i·sh + ki, j·sw + kj]
///
/// Layout as `MaxPool2D` (channels first, see `ImageShape`).
///
/// Backward spreads: y is linear in x with weight 1/(kh·kw) on each pixel of
/// the window, so every pixel of window (i, j) receives g[i, j]/(kh·kw);
/// where windows overlap the parts add up. (It is a convolution with a
/// constant kernel per channel, without mixing channels.)
///
/// No parameters. `Codable`: the input shape, window and stride.
public struct AveragePool2D: PoolingLayer {
    /// `AveragePool2D`, in descriptions and errors.
    public static let name = "AveragePool2D"
    public static let kind = LayerKind.averagePooling

    /// The windows: input shape, window, stride, output size (padding 0).
    public let windows: ConvolutionWindows
    /// The number of examples of the last forward.
    private var lastExamples: Int?

    /// Average pooling with a kh x kw window and the given stride (default: the window) on images of `input`.
    public init(input: ImageShape, window: (height: Int, width: Int), stride: (height: Int, width: Int)? = nil)
        throws(ShapeError)
    {
        windows = try ConvolutionWindows(
            input: input, kernel: window, stride: stride ?? window, operation: Self.name)
    }

    /// The window means.
    public mutating func forward(_ input: Matrix) -> Matrix {
        lastExamples = input.rows
        return callAsFunction(input)
    }

    /// The window means (inference).
    public func callAsFunction(_ input: Matrix) -> Matrix {
        requireImageColumns(input, windows.input, "AveragePool2D.forward")
        let shape = windows.input, out = outputShape
        let scale = 1 / Double(windows.kernelArea)
        var values = [Double](repeating: 0, count: input.rows * out.count)
        for n in 0..<input.rows {
            for c in 0..<shape.channels {
                for i in 0..<out.height {
                    for j in 0..<out.width {
                        var sum = 0.0
                        for ki in 0..<windows.kernelHeight {
                            for kj in 0..<windows.kernelWidth {
                                sum +=
                                    input.elements[
                                        n * shape.count
                                            + shape.column(
                                                channel: c, row: i * windows.strideHeight + ki,
                                                column: j * windows.strideWidth + kj)]
                            }
                        }
                        values[n * out.count + out.column(channel: c, row: i, column: j)] = sum * scale
                    }
                }
            }
        }
        return Matrix(rows: input.rows, columns: out.count, elements: values)
    }

    /// ∂L/∂x: each window's gradient divided by kh·kw and added to each of its pixels.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let examples = lastExamples else { preconditionFailure("AveragePool2D.backward called before forward") }
        let shape = windows.input, out = outputShape
        requireShape(
            outputGradient.rows == examples && outputGradient.columns == out.count,
            ShapeError(
                "AveragePool2D.backward",
                "gradient \(outputGradient.shapeDescription), expected \(examples)x\(out.count)"))
        let scale = 1 / Double(windows.kernelArea)
        var gradient = [Double](repeating: 0, count: examples * shape.count)
        for n in 0..<examples {
            for c in 0..<shape.channels {
                for i in 0..<out.height {
                    for j in 0..<out.width {
                        let part =
                            outputGradient.elements[n * out.count + out.column(channel: c, row: i, column: j)] * scale
                        for ki in 0..<windows.kernelHeight {
                            for kj in 0..<windows.kernelWidth {
                                gradient[
                                    n * shape.count
                                        + shape.column(
                                            channel: c, row: i * windows.strideHeight + ki,
                                            column: j * windows.strideWidth + kj)] += part
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: examples, columns: shape.count, elements: gradient)
    }
}
