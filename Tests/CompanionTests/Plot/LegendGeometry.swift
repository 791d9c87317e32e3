import Foundation

/// The geometric check that a legend covers no data, on a parsed SVG as a
/// reader's browser would draw it: for every legend box (the first `rect` of
/// a `g class="legend"`), every data mark of the same panel (the same
/// `g class="panel"`, or the whole figure) is tested against the box clipped
/// to the mark's own plot area (the `clipPath` rectangle of its group; what
/// is clipped away cannot be covered):
///
/// - lines and paths (`polyline` in a `series` or `path` group) and contour
///   lines (`path class="contour"`, M/L segments): a segment crosses the box
///   widened by 1 px (half the 2-px stroke), tested by Liang–Barsky clipping
///   written out here, not the module's;
/// - dots (`circle` of class `point`, `lone-point`, `path-start`, `path-end`,
///   `marker`, and the steps of a `path-steps` path, "M x y h0" each): the
///   centre lies in the box widened by the radius;
/// - bars and heat-map cells (`rect` of class `bar`, `cell`): the rectangle
///   shares more than half a pixel each way with the box.
///
/// Returns one line per overlap found (empty: the legend covers nothing).
func legendOverlaps(_ svg: ParsedSVG) -> [String] {
    typealias Box = (left: Double, top: Double, right: Double, bottom: Double)
    func number(_ element: ParsedSVG.Element, _ key: String) -> Double { Double(element.attributes[key] ?? "") ?? 0 }
    func rectangle(_ element: ParsedSVG.Element) -> Box {
        let x = number(element, "x"), y = number(element, "y")
        return (x, y, x + number(element, "width"), y + number(element, "height"))
    }
    func intersection(_ a: Box, _ b: Box) -> Box? {
        let box = (max(a.left, b.left), max(a.top, b.top), min(a.right, b.right), min(a.bottom, b.bottom))
        return box.0 < box.2 && box.1 < box.3 ? box : nil
    }
    func widened(_ box: Box, _ by: Double) -> Box { (box.left - by, box.top - by, box.right + by, box.bottom + by) }
    /// Whether the segment a–b meets `box`: the t ∈ [0, 1] with a + t (b − a) inside all four edges form a non-empty interval.
    func crosses(_ a: (Double, Double), _ b: (Double, Double), _ box: Box) -> Bool {
        var low = 0.0, high = 1.0
        let dx = b.0 - a.0, dy = b.1 - a.1
        for (p, q) in [(-dx, a.0 - box.left), (dx, box.right - a.0), (-dy, a.1 - box.top), (dy, box.bottom - a.1)] {
            if p == 0 { if q < 0 { return false }; continue }
            let t = q / p
            if p < 0 { low = max(low, t) } else { high = min(high, t) }
            if low > high { return false }
        }
        return true
    }
    func contourSegments(_ d: String) -> [((Double, Double), (Double, Double))] {
        // "M x y L x y L x y M …": each M starts a polyline whose consecutive points are segments.
        d.split(separator: "M").flatMap { polyline -> [((Double, Double), (Double, Double))] in
            let numbers = polyline.replacingOccurrences(of: "L", with: " ").split(separator: " ").compactMap {
                Double($0)
            }
            let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
            return Array(zip(points, points.dropFirst()))
        }
    }
    let elements = svg.elements
    var clipRectangles: [String: Box] = [:]
    for (index, element) in elements.enumerated() where element.name == "rect" {
        if let clip = element.parent, elements[clip].name == "clipPath", let id = elements[clip].attributes["id"] {
            clipRectangles[id] = rectangle(elements[index])
        }
    }
    func panel(of index: Int) -> Int? { svg.ancestors(of: index).first { elements[$0].classes == "panel" } }
    func clip(of index: Int) -> Box? {
        for ancestor in svg.ancestors(of: index) {
            if let reference = elements[ancestor].attributes["clip-path"] {
                return clipRectangles[String(reference.dropFirst("url(#".count).dropLast())]
            }
        }
        return nil
    }
    let dotClasses: Set<String> = ["point", "lone-point", "path-start", "path-end", "marker"]
    var overlaps: [String] = []
    for (legendIndex, legend) in elements.enumerated() where legend.name == "g" && legend.classes == "legend" {
        guard
            let boxIndex = elements.indices.first(where: {
                $0 > legendIndex && elements[$0].name == "rect" && elements[$0].parent == legendIndex
            })
        else { continue }
        let box = rectangle(elements[boxIndex]), legendPanel = panel(of: legendIndex)
        for (index, element) in elements.enumerated() where panel(of: index) == legendPanel {
            guard let area = clip(of: index), let visible = intersection(box, area) else { continue }
            let owner = element.parent.map { elements[$0] }
            let what = "\(element.name) class '\(element.classes)' of '\(owner?.attributes["data-name"] ?? "")'"
            switch element.name {
            case "polyline" where owner?.classes == "series" || owner?.classes == "path":
                let points = ParsedSVG.points(of: element)
                if zip(points, points.dropFirst()).contains(where: { crosses($0, $1, widened(visible, 1)) })
                    || points.contains(where: { crosses($0, $0, widened(visible, 1)) })
                {
                    overlaps.append("legend covers the \(what)")
                }
            case "path" where element.classes == "path-steps":
                // "M x y h0" per step: a dot of radius half the stroke width.
                let numbers = (element.attributes["d"] ?? "").replacingOccurrences(of: "M", with: " ")
                    .replacingOccurrences(of: "h0", with: " ")
                    .split(separator: " ").compactMap { Double($0) }
                let radius = number(element, "stroke-width") / 2
                let dots = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
                if dots.contains(where: { crosses($0, $0, widened(visible, radius)) }) {
                    overlaps.append("legend covers a step of the path '\(owner?.attributes["data-name"] ?? "")'")
                }
            case "path" where element.classes == "contour":
                if contourSegments(element.attributes["d"] ?? "").contains(where: {
                    crosses($0.0, $0.1, widened(visible, 1))
                }) {
                    overlaps.append("legend covers the contour at level \(element.attributes["data-level"] ?? "?")")
                }
            case "circle" where dotClasses.contains(element.classes):
                let centre = (number(element, "cx"), number(element, "cy"))
                if crosses(centre, centre, widened(visible, number(element, "r"))) {
                    overlaps.append("legend covers the \(what) at \(centre)")
                }
            case "rect" where element.classes == "bar" || element.classes == "cell":
                if let shared = intersection(rectangle(element), visible), shared.right - shared.left > 0.5,
                    shared.bottom - shared.top > 0.5
                {
                    overlaps.append("legend covers the \(what)")
                }
            default: break
            }
        }
    }
    return overlaps
}

/// Every legend entry of a figure as (label, colour of its mark): the mark is
/// the last element before the label's `text` in the legend group, and its
/// colour its `stroke` (a line) or else its `fill`.
func legendColours(_ svg: ParsedSVG) -> [(label: String, colour: String)] {
    var entries: [(String, String)] = []
    for (legendIndex, legend) in svg.elements.enumerated() where legend.name == "g" && legend.classes == "legend" {
        var colour = ""
        for index in svg.elements.indices where index > legendIndex && svg.elements[index].parent == legendIndex {
            let element = svg.elements[index]
            if element.name == "text" {
                entries.append((element.text, colour))
            } else if element.attributes["stroke"] != "#CCCCCC" {  // not the box
                colour =
                    element.name == "line"
                    ? element.attributes["stroke"] ?? ""
                    : element.attributes["fill"] ?? element.attributes["stroke"] ?? ""
            }
        }
    }
    return entries
}

/// Labels that have more than one colour across `figures` (one chapter's):
/// "label: #0072B2 in a, #E69F00 in b".
func inconsistentColours(_ figures: [String: ParsedSVG]) -> [String] {
    var seen: [String: [(colour: String, figure: String)]] = [:]
    for (name, svg) in figures.sorted(by: { $0.key < $1.key }) {
        for (label, colour) in legendColours(svg) { seen[label, default: []].append((colour, name)) }
    }
    return seen.sorted { $0.key < $1.key }.compactMap { label, uses in
        Set(uses.map(\.colour)).count > 1
            ? "\(label): " + uses.map { "\($0.colour) in \($0.figure)" }.joined(separator: ", ") : nil
    }
}
