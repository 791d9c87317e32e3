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
public struct MaxPool2D: PoolingLayer {
    /// `MaxPool2D`, in descriptions and errors.
    public static let name = "MaxPool2D"
    public static let kind = LayerKind.maxPooling

    /// The windows: input shape, window, stride, output size (padding 0).
    public let windows: ConvolutionWindows
    /// For each output element of the last forward, the input column its max came from (per example).
    private var lastArgmax: [Int]?

    /// Max pooling with a kh x kw window and the given stride (default: the window, non-overlapping) on images of `input`.
    public init(input: ImageShape, window: (height: Int, width: Int), stride: (height: Int, width: Int)? = nil)
        throws(ShapeError)
    {
        windows = try ConvolutionWindows(input: input, kernel: window, stride: stride ?? window, operation: Self.name)
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
}
