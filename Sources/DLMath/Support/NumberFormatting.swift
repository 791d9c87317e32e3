import Foundation

/// A number written with up to `significantDigits` significant digits and no
/// trailing zeros: `0.5`, `3`, `-1.25e-08`, `0.333333`. NaN and infinities
/// print as `nan`, `inf`, `-inf`. The same digits on every platform.
public func formatCompact(_ x: Double, significantDigits: Int = 6) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e-4 && magnitude < 1e9 {
        var text = String(format: "%.\(significantDigits)g", x)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
    return formatScientific(x, significantDigits: significantDigits)
}

/// A number in scientific notation with `significantDigits` digits: `1.23e-08`.
public func formatScientific(_ x: Double, significantDigits: Int = 3) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.\(max(0, significantDigits - 1))e", x)
}

/// A number with exactly `decimals` digits after the point: `3.1416`.
public func formatFixed(_ x: Double, decimals: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    let text = String(format: "%.\(decimals)f", x)
    // "-0.000" reads as a sign error; print it as zero.
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
        return String(text.dropFirst())
    }
    return text
}
