/// The convolution of `Conv2D` by its definition, seven nested loops (example,
/// output channel, output row, output column, input channel, kernel row,
/// kernel column), with no im2col and no matrix product:
///
///     y[n, o, i, j] = b[o] + Σ_c Σ_ki Σ_kj W[o, c, ki, kj] · x[n, c, i·sh − ph + ki, j·sw − pw + kj]
///
/// The reference that `Conv2D`'s im2col path is tested against and timed
/// against in chapter 12; layouts as `Conv2D` (images channels first, W as
/// O x (C·kh·kw) in OIHW order, b as 1 x O). Not used for training.
public func directConvolution(_ images: Matrix, windows: ConvolutionWindows, weights: Matrix, bias: Matrix) -> Matrix {
    requireImageColumns(images, windows.input, "directConvolution")
    requireShape(
        weights.columns == windows.patchLength && bias.rows == 1 && bias.columns == weights.rows,
        ShapeError(
            "directConvolution",
            "weights \(weights.shapeDescription) and bias \(bias.shapeDescription) do not fit \(windows.input) with a \(windows.kernelHeight)x\(windows.kernelWidth) kernel"
        ))
    let shape = windows.input
    let (kh, kw) = (windows.kernelHeight, windows.kernelWidth)
    let out = ImageShape(channels: weights.rows, height: windows.outputHeight, width: windows.outputWidth)
    var result = [Double](repeating: 0, count: images.rows * out.count)
    images.elements.withUnsafeBufferPointer { x in
        weights.elements.withUnsafeBufferPointer { w in
            for n in 0..<images.rows {
                for o in 0..<out.channels {
                    for i in 0..<out.height {
                        for j in 0..<out.width {
                            var sum = bias.elements[o]
                            for c in 0..<shape.channels {
                                for ki in 0..<kh {
                                    let row = i * windows.strideHeight - windows.paddingHeight + ki
                                    guard row >= 0 && row < shape.height else { continue }
                                    for kj in 0..<kw {
                                        let column = j * windows.strideWidth - windows.paddingWidth + kj
                                        guard column >= 0 && column < shape.width else { continue }
                                        sum +=
                                            w[o * windows.patchLength + (c * kh + ki) * kw + kj]
                                            * x[n * shape.count + shape.column(channel: c, row: row, column: column)]
                                    }
                                }
                            }
                            result[n * out.count + out.column(channel: o, row: i, column: j)] = sum
                        }
                    }
                }
            }
        }
    }
    return Matrix(rows: images.rows, columns: out.count, elements: result)
}
