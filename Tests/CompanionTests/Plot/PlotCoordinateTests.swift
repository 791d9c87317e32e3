import Testing

@testable import DLPresentation

/// A 640 × 440 figure without notes or colour bar has its plot area at
/// x 80…616 (640 − 24) and y 48…380 (440 − 60): 536 × 332 pixels.
@Suite("Plot coordinates")
struct PlotCoordinateTests {
    @Test("the layout of a 640 × 440 figure")
    func layout() {
        let layout = PlotLayout(width: 640, height: 440, noteCount: 0, colourBar: false)
        #expect(layout.left == 80 && layout.right == 616 && layout.top == 48 && layout.bottom == 380)
        // Two notes take 2 × 16 pixels from the bottom; a colour bar 76 from the right.
        let crowded = PlotLayout(width: 640, height: 440, noteCount: 2, colourBar: true)
        #expect(crowded.bottom == 348 && crowded.right == 540)
    }

    @Test("linear axes: (2.5, 0.25) on 0…10 × 0…1 lands at (214, 297)")
    func linearPoint() throws {
        var plot = Plot(title: "one point", x: Axis("x", range: 0...10), y: Axis("y", range: 0...1))
        plot.scatter(x: [2.5], y: [0.25])
        let circles = try parsedSVG(plot.svg()).all("circle", class: "point")
        #expect(circles.count == 1)
        // x: 80 + (2.5 / 10) · 536 = 80 + 134 = 214.
        // y: 380 − (0.25 / 1) · 332 = 380 − 83 = 297 (up is smaller y in SVG).
        #expect(circles.first?.attributes["cx"] == "214")
        #expect(circles.first?.attributes["cy"] == "297")
    }

    @Test("log axes: (0.1, 10) on 10⁻³…10¹ × 1…100 lands at (348, 214)")
    func logPoint() throws {
        var plot = Plot(title: "log point", x: .log("h", range: 1e-3...1e1), y: .log("error", range: 1...100))
        plot.scatter(x: [0.1], y: [10])
        let circles = try parsedSVG(plot.svg()).all("circle", class: "point")
        // x: log₁₀ 0.1 = −1 is 2 of the 4 decades from −3 to 1: 80 + ½ · 536 = 348.
        // y: log₁₀ 10 = 1 is half way from 0 to 2: 380 − ½ · 332 = 214.
        #expect(circles.first?.attributes["cx"] == "348")
        #expect(circles.first?.attributes["cy"] == "214")
    }

    @Test("AxisMapping on linear and log scales, ends and clamping")
    func mapping() {
        let linear = AxisMapping(scale: .linear, range: -1...3, start: 100, end: 500)
        // (0.5 − (−1)) / 4 = 0.375 of 400 pixels: 100 + 150 = 250.
        expectClose(linear.pixel(0.5), 250)
        expectClose(linear.pixel(-1), 100)
        expectClose(linear.pixel(3), 500)
        // A vertical axis runs from bottom (start) to top (end).
        let vertical = AxisMapping(scale: .log, range: 1e-4...1, start: 300, end: 100)
        // log₁₀ 10⁻³ = −3 is ¼ of the way from −4 to 0: 300 − 50 = 250.
        expectClose(vertical.pixel(1e-3), 250, absolute: 1e-9)
        // 10³⁰⁰ is far off the axis: clamped to 10⁵ pixels beyond the end, finite.
        #expect(linear.pixel(1e300) == 500 + 1e5)
        #expect(vertical.pixel(0).isFinite)
    }

    @Test("automatic ranges pad the data by 4 % of its span")
    func padding() throws {
        // x data 0…10: padded by 0.4 to −0.4…10.4; y data 0…1 to −0.04…1.04.
        // The point (0, 0) sits at 80 + 0.4/10.8 · 536 and 380 − 0.04/1.08 · 332.
        var plot = Plot(title: "padding", x: "x", y: "y")
        plot.scatter(x: [0, 10], y: [0, 1])
        let first = try parsedSVG(plot.svg()).all("circle", class: "point")[0]
        expectClose(Double(first.attributes["cx"]!)!, 80 + 0.4 / 10.8 * 536, absolute: 0.005, relative: 0)
        expectClose(Double(first.attributes["cy"]!)!, 380 - 0.04 / 1.08 * 332, absolute: 0.005, relative: 0)
    }
}

@Suite("Plot aspect and legend placement")
struct PlotAspectTests {
    @Test("equal aspect: one unit is as many pixels across as up")
    func equalAspect() throws {
        var plot = Plot(title: "circle", x: Axis("x", range: -1...1), y: Axis("y", range: -1...1))
        plot.equalAspect = true
        plot.scatter(x: [0, 1, 0], y: [0, 0, 1])
        let circles = try parsedSVG(plot.svg()).all("circle", class: "point")
        let pixels = circles.map { (Double($0.attributes["cx"]!)!, Double($0.attributes["cy"]!)!) }
        // The plot area is 536 × 332: y has more units per pixel (2/332 > 2/536), so
        // y keeps −1…1 and x widens to span 536 · 2/332 about 0: one unit is
        // 332/2 = 166 pixels both ways.
        expectClose(pixels[1].0 - pixels[0].0, 166, absolute: 0.01, relative: 0)
        expectClose(pixels[0].1 - pixels[2].1, 166, absolute: 0.01, relative: 0)
        // (0, 0) stays in the centre (348, 214).
        #expect(circles[0].attributes["cx"] == "348" && circles[0].attributes["cy"] == "214")
    }

    @Test("the legend goes to the first corner free of data")
    func bestLegend() throws {
        // A line rising from bottom left to top right leaves the top-left and
        // bottom-right corners free; the top left is preferred of those.
        let rising = Plot.lines(title: "up", x: "x", y: "y", [Series("up", x: [0, 1], y: [0, 1])])
        let box = try parsedSVG(rising.svg()).elements.drop { $0.classes != "legend" }.dropFirst().first!
        // Top-left box: x = 80 + 10, y = 48 + 10.
        #expect(box.attributes["x"] == "90" && box.attributes["y"] == "58")
        var fixed = rising
        fixed.legend = .bottomRight
        let fixedBox = try parsedSVG(fixed.svg()).elements.drop { $0.classes != "legend" }.dropFirst().first!
        // Bottom right: x = 616 − 10 − (44 + 7.2 · 2) = 547.6 (7.2 = 0.6 em of 12 px a
        // character), y = 380 − 10 − (8 + 18).
        #expect(fixedBox.attributes["x"] == "547.6" && fixedBox.attributes["y"] == "344")
    }
}
