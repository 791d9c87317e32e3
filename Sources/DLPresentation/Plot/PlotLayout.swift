/// Where the parts of a figure go, in pixels from the top-left corner. The
/// plot area is the rectangle the axes enclose:
///
///     left   = marginLeft
///     right  = width − marginRight − (colourBarWidth if a heat map is shown)
///              − (legend width + legendGap if the legend is outside, right)
///     top    = marginTop
///     bottom = height − marginBottom − noteLineHeight · (number of notes)
///
/// The title sits centred above the plot area, the x label under the tick
/// labels, the y label turned up along the left edge, notes under it all
/// (`height` holds one line per note; a note wrapped onto more lines makes
/// the SVG taller, see `Plot.render()`). An outside legend stands right of
/// the plot area and its colour bar, its top level with the plot area's.
public struct PlotLayout: Sendable {
    public static let marginLeft = 80.0
    public static let marginRight = 24.0
    public static let marginTop = 48.0
    public static let marginBottom = 60.0
    public static let noteLineHeight = 16.0
    public static let colourBarWidth = 76.0
    public static let legendGap = 10.0

    public static let titleFontSize = 18.0
    public static let labelFontSize = 14.0
    public static let tickFontSize = 12.0
    public static let noteFontSize = 11.0

    public let width: Double
    public let height: Double
    public let left: Double
    public let right: Double
    public let top: Double
    public let bottom: Double
    /// The left edge of a legend outside the plot area (0 when there is none).
    public let outsideLegendLeft: Double

    /// `outsideLegendWidth` > 0 reserves that many pixels (plus `legendGap`) right of the plot area.
    public init(width: Double, height: Double, noteCount: Int, colourBar: Bool, outsideLegendWidth: Double = 0) {
        self.width = width
        self.height = height
        left = PlotLayout.marginLeft
        let legendRoom = outsideLegendWidth > 0 ? outsideLegendWidth + PlotLayout.legendGap : 0
        right = width - PlotLayout.marginRight - (colourBar ? PlotLayout.colourBarWidth : 0) - legendRoom
        top = PlotLayout.marginTop
        bottom = height - PlotLayout.marginBottom - PlotLayout.noteLineHeight * Double(noteCount)
        outsideLegendLeft = outsideLegendWidth > 0 ? width - PlotLayout.marginRight - outsideLegendWidth : 0
    }

    public var plotWidth: Double { right - left }
    public var plotHeight: Double { bottom - top }

    /// Ranges with equal data units per pixel on both axes: the range with
    /// fewer units per pixel is widened about its centre to match the other.
    public static func equalized(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>, width: Double, height: Double)
        -> (ClosedRange<Double>, ClosedRange<Double>)
    {
        let xPerPixel = (x.upperBound - x.lowerBound) / width, yPerPixel = (y.upperBound - y.lowerBound) / height
        func widened(_ range: ClosedRange<Double>, to span: Double) -> ClosedRange<Double> {
            let centre = (range.lowerBound + range.upperBound) / 2
            return (centre - span / 2)...(centre + span / 2)
        }
        if xPerPixel < yPerPixel { return (widened(x, to: yPerPixel * width), y) }
        return (x, widened(y, to: xPerPixel * height))
    }
}
