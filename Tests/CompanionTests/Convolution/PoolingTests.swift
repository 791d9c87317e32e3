import DLMath
import Foundation
import Testing

/// Max and average pooling: by hand, routing on ties, gradient checks.
@Suite("Pooling")
struct PoolingTests {
    static let grid = ImageShape(channels: 1, height: 4, width: 4)

    @Test("2x2 max and average pooling of a 4x4 image, by hand")
    func byHand() throws {
        // x = [[1, 2,  5, 0],     max of each 2x2 block: [[6, 7],   mean: [[(1+2+3+6)/4, (5+0+7+1)/4],   = [[3, 3.25],
        //      [3, 6,  7, 1],                             [9, 8]]          [(0+9+4+4)/4, (2+2+8+0)/4]]      [4.25, 3]]
        //      [0, 9,  2, 2],
        //      [4, 4,  8, 0]]
        let x: Matrix = [[1, 2, 5, 0, 3, 6, 7, 1, 0, 9, 2, 2, 4, 4, 8, 0]]
        var maxPool = try MaxPool2D(input: Self.grid, window: (2, 2))
        var averagePool = try AveragePool2D(input: Self.grid, window: (2, 2))
        #expect(maxPool.forward(x) == [[6, 7, 9, 8]])
        #expect(averagePool.forward(x) == [[3, 3.25, 4.25, 3]])
        // Backward of g = [[10, 20], [30, 40]]: max routes each to its argmax (6 at column 5, 7 at 6, 9 at 9, 8 at 14);
        // average gives every pixel of a block its g/4.
        let g: Matrix = [[10, 20, 30, 40]]
        #expect(maxPool.backward(g) == [[0, 0, 0, 0, 0, 10, 20, 0, 0, 30, 0, 0, 0, 0, 40, 0]])
        #expect(averagePool.backward(g) == [[2.5, 2.5, 5, 5, 2.5, 2.5, 5, 5, 7.5, 7.5, 10, 10, 7.5, 7.5, 10, 10]])
    }

    @Test("ties: the first maximum in row-major order of the window takes the whole gradient")
    func ties() throws {
        // One 2x2 window [[3, 3], [1, 3]]: three pixels share the max 3; the first (row 0, column 0) gets g = 5.
        var pool = try MaxPool2D(input: ImageShape(channels: 1, height: 2, width: 2), window: (2, 2))
        #expect(pool.forward([[3, 3, 1, 3]]) == [[3]])
        #expect(pool.backward([[5]]) == [[5, 0, 0, 0]])
        // Overlapping windows (3x1 image, window 2, stride 1) over [1, 4, 2]: both windows pick the 4, which gets 2 + 7.
        var overlapping = try MaxPool2D(
            input: ImageShape(channels: 1, height: 1, width: 3), window: (1, 2), stride: (1, 1))
        #expect(overlapping.forward([[1, 4, 2]]) == [[4, 4]])
        #expect(overlapping.backward([[2, 7]]) == [[0, 9, 0]])
    }

    @Test("four windows at a time decide ties and NaN as one window at a time: first strict maximum wins")
    func lanesAndTies() throws {
        // 2 x 10 image, 2x2 windows: 5 windows in a row (4 in lanes, 1 after), with ties, NaN, −∞.
        let image: [Double] = [
            3, 3, .nan, 1, -.infinity, -.infinity, 2, 2, 0, .nan,
            1, 3, 5, .nan, -.infinity, -1, 2, 7, .nan, 0
        ]
        var pool = try MaxPool2D(input: ImageShape(channels: 1, height: 2, width: 10), window: (2, 2))
        let maxima = pool.forward(Matrix(rows: 1, columns: 20, elements: image))
        // By hand, one window at a time (strictly greater replaces; NaN never does, nor is it replaced):
        // [3, 3 | 1, 3] → 3 at 0; [nan, 1 | 5, nan] → nan at 2; [−∞, −∞ | −∞, −1] → −1 at 15;
        // [2, 2 | 2, 7] → 7 at 17; [0, nan | nan, 0] → 0 at 8.
        #expect(maxima[0, 0] == 3 && maxima[0, 1].isNaN && maxima[0, 2] == -1 && maxima[0, 3] == 7)
        #expect(maxima[0, 4] == 0)
        let routed = pool.backward([[1, 2, 3, 4, 5]])
        var expected = [Double](repeating: 0, count: 20)
        for (column, value) in [(0, 1.0), (2, 2), (15, 3), (17, 4), (8, 5)] { expected[column] = value }
        #expect(routed.elements == expected)
    }

    /// (input shape, window, stride): odd sizes, several channels, overlapping and not.
    static let configurations: [(ImageShape, (Int, Int), (Int, Int))] = [
        (ImageShape(channels: 2, height: 5, width: 7), (2, 2), (2, 2)),
        (ImageShape(channels: 3, height: 5, width: 5), (3, 3), (1, 1)),
        (ImageShape(channels: 2, height: 6, width: 7), (3, 2), (2, 1))
    ]

    @Test("gradient checks of both pools, at 1e-7 or better")
    func gradientChecks() throws {
        var generator = SeededGenerator(seed: 125)
        for (shape, window, stride) in Self.configurations {
            // Distinct values (a shuffled grid) so that no finite-difference step changes an argmax.
            let x = Matrix(
                rows: 2, columns: shape.count,
                elements: generator.shuffled((0..<(2 * shape.count)).map { Double($0) * 0.1 }))
            let maxPool = try MaxPool2D(input: shape, window: window, stride: stride)
            let averagePool = try AveragePool2D(input: shape, window: window, stride: stride)
            let target = generator.normalMatrix(rows: 2, columns: maxPool.outputShape.count)
            for result in layerGradientChecks(
                maxPool, input: x, loss: { halfSquaredError($0, target) }, lossGradient: { $0 - target },
                tolerance: 1e-7)
                + layerGradientChecks(
                    averagePool, input: x, loss: { halfSquaredError($0, target) }, lossGradient: { $0 - target },
                    tolerance: 1e-7)
            {
                #expect(result.passed, "\(result)")
            }
        }
    }

    @Test("a window larger than the image is a clear shape error")
    func shapeError() {
        do {
            _ = try MaxPool2D(input: ImageShape(channels: 1, height: 3, width: 3), window: (4, 4))
            Issue.record("accepted")
        } catch {
            #expect(error.operation == "MaxPool2D" && error.detail.contains("height 3"), "\(error)")
        }
    }
}

/// The augmentation of chapter 12.
@Suite("Image shifts")
struct ImageShiftTests {
    @Test("a one-pixel shift moves every pixel and fills the edge with 0, channel by channel")
    func shifts() {
        // Two channels of 2x3: [[1, 2, 3], [4, 5, 6]] and [[7, 8, 9], [10, 11, 12]].
        let shape = ImageShape(channels: 2, height: 2, width: 3)
        let x = Matrix(row: (1...12).map(Double.init))
        // Down by one: row 0 becomes 0, row 1 the old row 0.
        #expect(shiftedImages(x, shape: shape, down: 1, right: 0) == [[0, 0, 0, 1, 2, 3, 0, 0, 0, 7, 8, 9]])
        // Left by one (right = −1): column j takes column j + 1, the last column 0.
        #expect(shiftedImages(x, shape: shape, down: 0, right: -1) == [[2, 3, 0, 5, 6, 0, 8, 9, 0, 11, 12, 0]])
    }
}
