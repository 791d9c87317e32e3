import Foundation
import Testing

@testable import DLPresentation

@Suite("Plot SVG output")
struct PlotSVGTests {
    @Test("a line plot is well-formed and holds its title, labels, series and legend")
    func linePlot() throws {
        let xs = (0..<20).map(Double.init)
        var plot = Plot(title: "Loss <train & test>", x: "epoch", y: "loss \"MSE\"")
        plot.line("train", x: xs, y: xs.map { 1 / (1 + $0) })
        plot.line("test", x: xs, y: xs.map { 1.2 / (1 + $0) }, dashed: true)
        let svg = try parsedSVG(plot.svg())
        // The escaped title and labels come back as written.
        #expect(svg.texts(class: "title") == ["Loss <train & test>"])
        #expect(svg.texts(class: "x-label") == ["epoch"])
        #expect(svg.texts(class: "y-label") == ["loss \"MSE\""])
        let groups = svg.all("g", class: "series")
        #expect(groups.map { $0.attributes["data-name"] } == ["train", "test"])
        let polylines = svg.all("polyline")
        #expect(polylines.count == 2)
        #expect(polylines.map { ParsedSVG.points(of: $0).count } == [20, 20])
        #expect(svg.texts(class: "legend-label") == ["train", "test"])
        // Okabe–Ito blue then orange.
        #expect(polylines.map { $0.attributes["stroke"] } == ["#0072B2", "#E69F00"])
        #expect(svg.elements.first?.name == "svg")
    }

    @Test("a scatter plot draws one circle per point, coloured by class")
    func scatter() throws {
        let plot = Plot.scatter(
            title: "Two classes", x: "x₁", y: "x₂", xValues: [0, 1, 2, 3, 4], yValues: [1, 0, 1, 0, 1],
            classes: [0, 1, 1, 0, 1], classNames: ["negative", "positive"])
        let svg = try parsedSVG(plot.svg())
        let circles = svg.all("circle", class: "point")
        #expect(circles.count == 5)
        #expect(circles.map { $0.attributes["fill"]! } == ["#0072B2", "#E69F00", "#E69F00", "#0072B2", "#E69F00"])
        #expect(svg.texts(class: "legend-label") == ["negative", "positive"])
    }

    @Test("a histogram with a density: bar areas sum to 1, curve on top")
    func histogram() throws {
        // Values 0.5, 1.5, 1.5, 2.5 in 3 bins over 0.5…2.5 (width 2/3):
        // counts 1, 2, 1; densities count / (4 · 2/3) = 0.375, 0.75, 0.375.
        let plot = Plot.histogram(title: "Samples", x: "x", [0.5, 1.5, 1.5, 2.5], bins: 3, density: { _ in 0.5 })
        let svg = try parsedSVG(plot.svg())
        let bars = svg.all("rect", class: "bar")
        #expect(bars.count == 3)
        let heights = bars.map { Double($0.attributes["height"]!)! }
        // The y axis runs 0 … 0.75 · 1.04 = 0.78 over 332 pixels.
        expectClose(heights, [0.375, 0.75, 0.375].map { $0 / 0.78 * 332 }, absolute: 0.01, relative: 0)
        #expect(svg.all("g", class: "series").first?.attributes["data-name"] == "density")
        #expect(svg.texts(class: "y-label") == ["density"])
    }

    @Test("a contour plot: cells, contour lines, a colour bar and a path with its ends")
    func contourWithPath() throws {
        let path = Series("descent", x: [1.5, 0.75, 0.375, 0], y: [1.5, 0.75, 0.375, 0])
        let plot = Plot.contour(title: "x² + y²", x: "x", y: "y", xRange: -2...2, yRange: -2...2, paths: [path]) {
            x, y in
            x * x + y * y
        }
        let svg = try parsedSVG(plot.svg())
        #expect(!svg.all("rect", class: "cell").isEmpty)
        let contours = svg.all("path", class: "contour")
        // Values range 0…8: nice levels every 1 → 1, 2, …, 7 strictly inside.
        #expect(contours.map { $0.attributes["data-level"]! } == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(svg.all("rect", class: "colour-bar").count == 1)
        #expect(svg.all("circle", class: "path-start").count == 1 && svg.all("circle", class: "path-end").count == 1)
        // The path ends at (0, 0), the centre of the square plot area 80…540 × 48…380
        // (the colour bar takes 76 pixels): (310, 214).
        let end = svg.all("circle", class: "path-end")[0]
        #expect(end.attributes["cx"] == "310" && end.attributes["cy"] == "214")
    }

    @Test("marching squares: the level-1 contour of x² + y² lies on the unit circle")
    func contourOnCircle() throws {
        let grid = try FunctionGrid(x: -2...2, y: -2...2, columns: 40, rows: 40) { x, y in x * x + y * y }
        let segments = MarchingSquares.segments(of: grid, level: 1)
        #expect(!segments.isEmpty)
        // Grid index i ↔ x = −2 + i/10. Linear interpolation on cells of side 0.1
        // stays within 0.01 of the circle.
        for segment in segments {
            for (i, j) in [segment.start, segment.end] {
                let x = -2 + i / 10, y = -2 + j / 10
                expectClose((x * x + y * y).squareRoot(), 1, absolute: 0.01, relative: 0)
            }
        }
    }

    @Test("contour lines are chained: the level-1 contour of x² + y² is one closed line")
    func chainedContour() throws {
        var plot = Plot(title: "circle", x: "x", y: "y")
        plot.function(x: -2...2, y: -2...2, style: .contours, levels: [1]) { x, y in x * x + y * y }
        let d = try #require(parsedSVG(plot.svg()).all("path", class: "contour").first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 1, "the circle is broken into \(d.filter { $0 == "M" }.count) pieces")
        let numbers = d.dropFirst().replacingOccurrences(of: "L", with: " ").split(separator: " ").map { Double($0)! }
        // 60 × 60 cells of side 4/60: the circle crosses about 4 · 2 · 15 = 120 cells, one point each.
        #expect(numbers.count / 2 > 100)
        #expect(numbers[0] == numbers[numbers.count - 2] && numbers[1] == numbers[numbers.count - 1])
    }

    @Test("text is escaped and forbidden control characters dropped")
    func escaping() throws {
        var plot = Plot(title: "a < b && c > 'd' \u{1}", x: "x&y", y: "<y>")
        plot.line("σ\u{0}", x: [0, 1], y: [0, 1])
        let text = try plot.svg()
        let svg = try parsedSVG(text)
        #expect(svg.texts(class: "title") == ["a < b && c > 'd' "])
        #expect(svg.texts(class: "legend-label") == ["σ"])
        #expect(text.contains("&amp;&amp;"))
    }
}
