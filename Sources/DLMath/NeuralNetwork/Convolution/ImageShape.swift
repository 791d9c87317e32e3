/// How a layer reads the columns of a batch of images: channels x height x
/// width, channels first (PyTorch's NCHW order for one example).
///
/// A batch of images is an ordinary `Matrix`, one example per row; pixel
/// (i, j) of channel c of example n sits at
///
///     row n,   column c·H·W + i·W + j
///
/// so an 8x8 grey image is one row of 64 columns read row by row, and a
/// 16-channel 4x4 feature map is 256 columns: channel 0's 16 pixels, then
/// channel 1's, and so on. Every convolution, pooling and per-channel
/// normalisation layer is told the shape of its input in this form.
public struct ImageShape: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// C, the number of channels.
    public let channels: Int
    /// H, the number of pixel rows.
    public let height: Int
    /// W, the number of pixel columns.
    public let width: Int

    /// The shape C x H x W (each at least 1).
    public init(channels: Int, height: Int, width: Int) {
        precondition(
            channels >= 1 && height >= 1 && width >= 1,
            "ImageShape: channels, height and width must be >= 1, got \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// H·W, the pixels of one channel.
    public var pixelsPerChannel: Int { height * width }

    /// C·H·W, the columns one example takes.
    public var count: Int { channels * height * width }

    /// The column of pixel (`row`, `column`) of `channel`: c·H·W + i·W + j.
    public func column(channel: Int, row: Int, column: Int) -> Int {
        (channel * height + row) * width + column
    }

    /// `1x8x8` (channels x height x width).
    public var description: String { "\(channels)x\(height)x\(width)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let channels = try container.decode(Int.self, forKey: .channels)
        let height = try container.decode(Int.self, forKey: .height)
        let width = try container.decode(Int.self, forKey: .width)
        guard channels >= 1 && height >= 1 && width >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .channels, in: container,
                debugDescription: "ImageShape: \(channels)x\(height)x\(width) has an axis below 1")
        }
        self.init(channels: channels, height: height, width: width)
    }

    private enum CodingKeys: String, CodingKey {
        case channels, height, width
    }
}

/// Requires that a batch has the columns of `shape`; stops with a message naming `operation` otherwise.
func requireImageColumns(_ input: Matrix, _ shape: ImageShape, _ operation: String) {
    requireShape(
        input.columns == shape.count,
        ShapeError(
            operation,
            "input \(input.shapeDescription) has \(input.columns) columns, images \(shape) take \(shape.count)"))
}
