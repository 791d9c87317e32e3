/// The windows a kernel of size kh x kw visits on a zero-padded image, moving
/// by a stride: the geometry shared by convolution and pooling, and im2col.
///
/// Output size per axis, for input n, kernel k, padding p (zeros added on
/// both sides), stride s:
///
///     n_out = ⌊(n + 2p − k) / s⌋ + 1
///
/// (8 + 2·1 − 3)/1 + 1 = 8 ("same" padding), (8 − 2)/2 + 1 = 4 (2x2 pooling).
/// Window (oi, oj) covers the padded rows oi·s … oi·s + k − 1, that is the
/// input rows oi·s − p + ki for ki = 0 … k − 1 (rows outside the image read 0).
///
/// im2col lays every window of every example out as one row:
///
///     row (n·H_out + oi)·W_out + oj,   column (c·kh + ki)·kw + kj
///     holds x[n, c, oi·sh − ph + ki, oj·sw − pw + kj]   (0 in the padding)
///
/// so that a convolution is one matrix product with the weights read as
/// O x (C·kh·kw) (their OIHW order, row-major). col2im is its adjoint: it adds
/// each entry of such a matrix back to the pixel it was read from, so that
/// pixels covered by several windows receive the sum of their parts
/// (⟨im2col(x), Y⟩ = ⟨x, col2im(Y)⟩ for all x, Y).
public struct ConvolutionWindows: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The shape of one input image.
    public let input: ImageShape
    /// Kernel height and width.
    public let kernelHeight: Int, kernelWidth: Int
    /// Stride per axis.
    public let strideHeight: Int, strideWidth: Int
    /// Zero padding per axis (added on both sides).
    public let paddingHeight: Int, paddingWidth: Int
    /// Output height and width, ⌊(n + 2p − k)/s⌋ + 1 per axis.
    public let outputHeight: Int, outputWidth: Int

    /// The windows of a kh x kw kernel on `input` with the given stride and
    /// padding; throws a `ShapeError` naming `operation` when the output would
    /// have fewer than one row or column, or the stride or kernel is below 1.
    public init(
        input: ImageShape, kernel: (height: Int, width: Int), stride: (height: Int, width: Int) = (1, 1),
        padding: (height: Int, width: Int) = (0, 0), operation: String = "ConvolutionWindows"
    ) throws(ShapeError) {
        guard kernel.height >= 1, kernel.width >= 1, stride.height >= 1, stride.width >= 1,
            padding.height >= 0, padding.width >= 0
        else {
            throw ShapeError(
                operation,
                "kernel \(kernel.height)x\(kernel.width) and stride \(stride.height)x\(stride.width) must be >= 1, padding \(padding.height)x\(padding.width) >= 0"
            )
        }
        let height = try ConvolutionWindows.outputSize(
            input.height, kernel: kernel.height, stride: stride.height,
            padding: padding.height, axis: "height", operation: operation)
        let width = try ConvolutionWindows.outputSize(
            input.width, kernel: kernel.width, stride: stride.width,
            padding: padding.width, axis: "width", operation: operation)
        self.input = input
        (kernelHeight, kernelWidth) = kernel
        (strideHeight, strideWidth) = stride
        (paddingHeight, paddingWidth) = padding
        (outputHeight, outputWidth) = (height, width)
    }

    /// n_out = ⌊(n + 2p − k)/s⌋ + 1; throws when it is below 1 (the kernel does not fit the padded input).
    public static func outputSize(
        _ n: Int, kernel k: Int, stride s: Int, padding p: Int,
        axis: String = "size", operation: String = "convolution"
    ) throws(ShapeError) -> Int {
        let padded = n + 2 * p
        guard padded >= k else {
            throw ShapeError(
                operation,
                "a \(k)-wide kernel does not fit the \(axis) \(n) padded by \(p) on each side (\(padded)): output size ⌊(\(n) + 2·\(p) − \(k))/\(s)⌋ + 1 is below 1"
            )
        }
        return (padded - k) / s + 1
    }

    /// H_out·W_out, the windows per channel and example.
    public var windowCount: Int { outputHeight * outputWidth }
    /// kh·kw, the pixels of one window of one channel.
    public var kernelArea: Int { kernelHeight * kernelWidth }
    /// C·kh·kw, the columns of the im2col matrix.
    public var patchLength: Int { input.channels * kernelArea }

    /// The im2col matrix of a batch (m x C·H·W): (m·H_out·W_out) x (C·kh·kw), one row per window (see the type).
    public func im2col(_ images: Matrix) -> Matrix {
        requireImageColumns(images, input, "im2col")
        let (c, h, w) = (input.channels, input.height, input.width)
        let patch = patchLength, windows = windowCount
        var columns = [Double](repeating: 0, count: images.rows * windows * patch)
        images.elements.withUnsafeBufferPointer { x in
            columns.withUnsafeMutableBufferPointer { out in
                guard let source = x.baseAddress, var row = out.baseAddress else { return }
                for n in 0..<images.rows {
                    let image = source + n &* input.count
                    for oi in 0..<outputHeight {
                        let top = oi &* strideHeight &- paddingHeight
                        let kiRange = validOffsets(start: top, kernel: kernelHeight, size: h)
                        for oj in 0..<outputWidth {
                            let left = oj &* strideWidth &- paddingWidth
                            let kjRange = validOffsets(start: left, kernel: kernelWidth, size: w)
                            for channel in 0..<c {
                                let plane = image + channel &* h &* w
                                for ki in kiRange {
                                    let pixels = plane + ((top &+ ki) &* w &+ left)
                                    let target = row + (channel &* kernelHeight &+ ki) &* kernelWidth
                                    for kj in kjRange { target[kj] = pixels[kj] }
                                }
                            }
                            row += patch
                        }
                    }
                }
            }
        }
        return Matrix(rows: images.rows * windows, columns: patch, elements: columns)
    }

    /// The adjoint of `im2col`: each entry of `columns` ((m·H_out·W_out) x (C·kh·kw))
    /// added to the pixel it was read from; entries from the padding are dropped.
    /// Returns m x C·H·W.
    public func col2im(_ columns: Matrix) -> Matrix {
        requireShape(
            columns.columns == patchLength && columns.rows % windowCount == 0,
            ShapeError(
                "col2im",
                "matrix \(columns.shapeDescription) is not (m·\(windowCount)) x \(patchLength) for windows of \(input)")
        )
        let examples = columns.rows / windowCount
        let (c, h, w) = (input.channels, input.height, input.width)
        let patch = patchLength
        var images = [Double](repeating: 0, count: examples * input.count)
        columns.elements.withUnsafeBufferPointer { cols in
            images.withUnsafeMutableBufferPointer { x in
                guard var row = cols.baseAddress, let target = x.baseAddress else { return }
                for n in 0..<examples {
                    let image = target + n &* input.count
                    for oi in 0..<outputHeight {
                        let top = oi &* strideHeight &- paddingHeight
                        let kiRange = validOffsets(start: top, kernel: kernelHeight, size: h)
                        for oj in 0..<outputWidth {
                            let left = oj &* strideWidth &- paddingWidth
                            let kjRange = validOffsets(start: left, kernel: kernelWidth, size: w)
                            for channel in 0..<c {
                                let plane = image + channel &* h &* w
                                for ki in kiRange {
                                    let pixels = plane + ((top &+ ki) &* w &+ left)
                                    let source = row + (channel &* kernelHeight &+ ki) &* kernelWidth
                                    for kj in kjRange { pixels[kj] += source[kj] }
                                }
                            }
                            row += patch
                        }
                    }
                }
            }
        }
        return Matrix(rows: examples, columns: input.count, elements: images)
    }

    /// The offsets k in 0..<kernel whose pixel start + k lies in 0..<size (a window
    /// starting at `start`, possibly in the padding): the loops of im2col and col2im
    /// visit exactly these, in increasing order, instead of testing every offset.
    private func validOffsets(start: Int, kernel: Int, size: Int) -> Range<Int> {
        let first = Swift.max(0, -start), end = Swift.min(kernel, size - start)
        return first < end ? first..<end : 0..<0
    }

    /// `3x3 stride 1x1 padding 1x1 on 1x8x8 → 8x8`.
    public var description: String {
        "\(kernelHeight)x\(kernelWidth) stride \(strideHeight)x\(strideWidth) padding \(paddingHeight)x\(paddingWidth) on \(input) → \(outputHeight)x\(outputWidth)"
    }
}
