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

    /// The maxima and argmaxima of every window. Four neighbouring windows of a
    /// row are compared at once, one SIMD lane each, with selects instead of
    /// branches (which pixel wins is data: a mispredicted branch per pixel cost
    /// more than the comparisons); each lane makes the same comparisons in the
    /// same order as the scalar loop that finishes the row, so ties and NaN
    /// are decided alike (strictly greater wins; a NaN never does).
    private func pool(_ input: Matrix) -> (output: Matrix, argmax: [Int]) {
        requireImageColumns(input, windows.input, "MaxPool2D.forward")
        let shape = windows.input, out = outputShape
        let count = input.rows * out.count
        var values = [Double](repeating: 0, count: count)
        var argmax = [Int](repeating: 0, count: count)
        let (kh, kw, sh, sw) = (windows.kernelHeight, windows.kernelWidth, windows.strideHeight, windows.strideWidth)
        let lanes = SIMD4<Int64>(0, 1, 2, 3) &* Int64(sw)
        input.elements.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { maxima in
                argmax.withUnsafeMutableBufferPointer { positions in
                    var index = 0  // n·out.count + out.column(c, i, j), in this loop order
                    for n in 0..<input.rows {
                        let image = x.baseAddress! + n * shape.count
                        for c in 0..<shape.channels {
                            let plane = c * shape.pixelsPerChannel
                            for i in 0..<out.height {
                                var j = 0
                                while j + 4 <= out.width {
                                    let first = plane + (i * sh) * shape.width + j * sw
                                    var bestColumn = SIMD4<Int64>(repeating: Int64(first)) &+ lanes
                                    var best = SIMD4<Double>(
                                        image[first], image[first + sw], image[first + 2 * sw], image[first + 3 * sw])
                                    for ki in 0..<kh {
                                        let row = plane + (i * sh + ki) * shape.width + j * sw
                                        for kj in 0..<kw {
                                            let column = row + kj
                                            let value = SIMD4<Double>(
                                                image[column], image[column + sw], image[column + 2 * sw],
                                                image[column + 3 * sw])
                                            let greater = value .> best
                                            best.replace(with: value, where: greater)
                                            bestColumn.replace(
                                                with: SIMD4<Int64>(repeating: Int64(column)) &+ lanes, where: greater)
                                        }
                                    }
                                    for lane in 0..<4 {
                                        maxima[index + lane] = best[lane]
                                        positions[index + lane] = Int(bestColumn[lane])
                                    }
                                    index += 4
                                    j += 4
                                }
                                while j < out.width {
                                    var bestColumn = plane + (i * sh) * shape.width + j * sw
                                    var best = image[bestColumn]
                                    for ki in 0..<kh {
                                        let row = plane + (i * sh + ki) * shape.width + j * sw
                                        for kj in 0..<kw where image[row + kj] > best {
                                            (best, bestColumn) = (image[row + kj], row + kj)
                                        }
                                    }
                                    maxima[index] = best
                                    positions[index] = bestColumn
                                    index += 1
                                    j += 1
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
