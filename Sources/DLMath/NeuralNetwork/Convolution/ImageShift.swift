/// Every image of a batch moved by (`down`, `right`) pixels, the pixels moved
/// in from outside set to 0 (channels first, see `ImageShape`):
///
///     shifted[n, c, i, j] = x[n, c, i − down, j − right]   (0 where i − down or j − right is outside the image)
///
/// The data augmentation of chapter 12: a digit moved by one pixel is still
/// the same digit, so the shifted copies are new training examples with the
/// same labels.
public func shiftedImages(_ images: Matrix, shape: ImageShape, down: Int, right: Int) -> Matrix {
    requireImageColumns(images, shape, "shiftedImages")
    var result = [Double](repeating: 0, count: images.count)
    for n in 0..<images.rows {
        for c in 0..<shape.channels {
            for i in 0..<shape.height where i - down >= 0 && i - down < shape.height {
                for j in 0..<shape.width where j - right >= 0 && j - right < shape.width {
                    result[n * shape.count + shape.column(channel: c, row: i, column: j)] =
                        images.elements[n * shape.count + shape.column(channel: c, row: i - down, column: j - right)]
                }
            }
        }
    }
    return Matrix(rows: images.rows, columns: images.columns, elements: result)
}
