import Foundation

/// A colour for SVG, as `#RRGGBB`.
public struct PlotColor: Sendable, Equatable, CustomStringConvertible {
    public let red: Int, green: Int, blue: Int

    /// `PlotColor(0x0072B2)`.
    public init(_ hex: Int) {
        self.red = (hex >> 16) & 0xFF
        self.green = (hex >> 8) & 0xFF
        self.blue = hex & 0xFF
    }

    public init(red: Int, green: Int, blue: Int) {
        self.red = min(max(red, 0), 255)
        self.green = min(max(green, 0), 255)
        self.blue = min(max(blue, 0), 255)
    }

    /// Relative luminance (WCAG 2): each channel c = component / 255 made
    /// linear, c / 12.92 for c ≤ 0.04045 else ((c + 0.055) / 1.055)^2.4, then
    /// L = 0.2126 R + 0.7152 G + 0.0722 B; 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func linear(_ component: Int) -> Double {
            let c = Double(component) / 255
            return c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever contrasts more with this colour as a
    /// background. Contrast ratios are (L + 0.05) / 0.05 against black and
    /// 1.05 / (L + 0.05) against white; they are equal at L = √(1.05 · 0.05) − 0.05
    /// ≈ 0.179, so black above that luminance, white at or below it.
    public var readableText: PlotColor {
        relativeLuminance > (1.05 * 0.05).squareRoot() - 0.05 ? PlotColor(0x000000) : PlotColor(0xFFFFFF)
    }

    /// The colour mixed with white: each channel c + t (255 − c), t ∈ [0, 1]
    /// (0: unchanged, 1: white), for a light band under a curve of this colour.
    public func lightened(_ t: Double) -> PlotColor {
        func mix(_ c: Int) -> Int { Int((Double(c) + min(max(t, 0), 1) * Double(255 - c)).rounded()) }
        return PlotColor(red: mix(red), green: mix(green), blue: mix(blue))
    }

    /// `#0072B2`.
    public var description: String {
        "#"
            + [red, green, blue].map { component in
                let digits = String(component, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
    }
}

/// The colours of the figures. Series and classes take the Okabe–Ito
/// palette in order (Okabe & Ito 2008: distinguishable with every common
/// colour-vision deficiency); values of a function of two variables go
/// through viridis (dark purple → yellow, even in lightness, readable in
/// grey and by colour-blind readers).
public enum Palette {
    /// All eight Okabe–Ito colours, ordered so the first ones are the most
    /// distinct from each other and from white: blue, orange, bluish green,
    /// reddish purple, black, then the colours that pair with an earlier one
    /// (vermillion ~ orange, sky blue ~ blue) and yellow, the faintest on white.
    public static let categorical: [PlotColor] = [
        PlotColor(0x0072B2), PlotColor(0xE69F00), PlotColor(0x009E73), PlotColor(0xCC79A7),
        PlotColor(0x000000), PlotColor(0xD55E00), PlotColor(0x56B4E9), PlotColor(0xF0E442)
    ]

    /// The `index`-th categorical colour (cycling after eight).
    public static func color(_ index: Int) -> PlotColor {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// The neutral grey of heat-map cells that have no colour (a 0 on a log
    /// scale, NaN): light, so it reads as empty beside viridis's dark end.
    public static let missing = PlotColor(0xDDDDDD)

    /// Ten evenly spaced samples of viridis, t = 0, 1/9, …, 1.
    static let viridisAnchors: [PlotColor] = [
        PlotColor(0x440154), PlotColor(0x482878), PlotColor(0x3E4A89), PlotColor(0x31688E), PlotColor(0x26828E),
        PlotColor(0x1F9E89), PlotColor(0x35B779), PlotColor(0x6DCD59), PlotColor(0xB4DE2C), PlotColor(0xFDE725)
    ]

    /// Viridis at t ∈ [0, 1] (clamped), linearly interpolated between the anchors.
    public static func viridis(_ t: Double) -> PlotColor {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(viridisAnchors.count - 1)
        let index = min(Int(position), viridisAnchors.count - 2)
        let fraction = position - Double(index)
        let a = viridisAnchors[index], b = viridisAnchors[index + 1]
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * fraction).rounded()) }
        return PlotColor(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
}
