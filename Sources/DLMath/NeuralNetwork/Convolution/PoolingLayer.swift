/// What max and average pooling share: kh x kw windows moving by the stride
/// over each channel of channels-first images (no padding), no parameters,
/// and one saved form, `{"input": shape, "window": [kh, kw], "stride": [sh, sw]}`.
///
/// H_out = ⌊(H − kh)/sh⌋ + 1 and W_out = ⌊(W − kw)/sw⌋ + 1; a layer maps
/// m x (C·H·W) to m x (C·H_out·W_out). A conforming type gives its name, its
/// windows, its initialiser and its forward and backward passes; the rest is here.
public protocol PoolingLayer: Layer {
    /// The name in descriptions and errors (`MaxPool2D`).
    static var name: String { get }
    /// The windows: input shape, window, stride, output size (padding 0).
    var windows: ConvolutionWindows { get }
    /// Pooling with a kh x kw window and the given stride (nil: the window) on images of `input`.
    init(input: ImageShape, window: (height: Int, width: Int), stride: (height: Int, width: Int)?) throws(ShapeError)
}

/// The keys of a pooling layer's saved form.
private enum PoolingCodingKeys: String, CodingKey {
    case input, window, stride
}

extension PoolingLayer {
    /// The shape of one output image, C x H_out x W_out.
    public var outputShape: ImageShape {
        ImageShape(channels: windows.input.channels, height: windows.outputHeight, width: windows.outputWidth)
    }

    /// None.
    public var parameters: [Matrix] {
        get { [] }
        set { requireSameShapes(newValue, as: [], layer: Self.name) }
    }

    /// None.
    public var parameterGradients: [Matrix] { [] }

    /// C·H_out·W_out, for inputs of C·H·W columns (else a shape error).
    public func outputColumns(forInputColumns inputColumns: Int) throws(ShapeError) -> Int {
        guard inputColumns == windows.input.count else {
            throw ShapeError(
                description, "takes \(windows.input.count) input columns (\(windows.input)), got \(inputColumns)")
        }
        return outputShape.count
    }

    /// `MaxPool2D(16x8x8 → 16x4x4, 2x2, stride 2x2)`.
    public var description: String {
        "\(Self.name)(\(windows.input) → \(outputShape), \(windows.kernelHeight)x\(windows.kernelWidth), "
            + "stride \(windows.strideHeight)x\(windows.strideWidth))"
    }

    /// Reads the input shape, `[kh, kw]` and `[sh, sw]`; a window that does not fit the image is a decoding error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PoolingCodingKeys.self)
        let input = try container.decode(ImageShape.self, forKey: .input)
        let window = try container.decode([Int].self, forKey: .window)
        let stride = try container.decode([Int].self, forKey: .stride)
        guard window.count == 2, stride.count == 2 else {
            throw DecodingError.dataCorruptedError(
                forKey: .window, in: container,
                debugDescription: "pooling: window and stride need two entries each (height, width)")
        }
        do {
            try self.init(input: input, window: (window[0], window[1]), stride: (stride[0], stride[1]))
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .window, in: container, debugDescription: error.description)
        }
    }

    /// Writes the input shape, `[kh, kw]` and `[sh, sw]`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PoolingCodingKeys.self)
        try container.encode(windows.input, forKey: .input)
        try container.encode([windows.kernelHeight, windows.kernelWidth], forKey: .window)
        try container.encode([windows.strideHeight, windows.strideWidth], forKey: .stride)
    }
}
