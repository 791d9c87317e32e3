import DLMath

/// A computational graph drawn as micrograd draws it: every value a box with
/// its label, its value and its gradient; every operation a circle naming it
/// (`+`, `*`, `tanh`, …) between its operands and its result, with an arrow
/// from each operand into the circle and one from the circle into the result.
///
///     let o = (x1 * w1 + x2 * w2 + b).tanh()
///     o.backward()
///     chapter.figure(ComputationGraphFigure(title: "A neuron", output: o), name: "neuron-graph")
///
/// Layout, left to right by depth: leaves (inputs, parameters, constants) at
/// depth 0, a result at 1 + the deepest of its operands. In a column, boxes
/// go in topological order in the first column, and each later box as near
/// as it can to the mean height of its operands (at least `rowHeight` apart).
public struct ComputationGraphFigure: Sendable {
    /// One value of the graph, as read from the `Value` node.
    struct Node: Sendable {
        let label: String
        let value: Double
        let gradient: Double
        /// The operation that produced it; nil for a leaf.
        let operation: String?
        /// Indices of the operands in `nodes`.
        let inputs: [Int]
    }

    public var title: String
    public var notes: [String] = []
    let nodes: [Node]

    /// The graph that computed `output` (read once: values and gradients as they are now, after `backward()`).
    public init(title: String, output: Value) {
        self.title = title
        let order = output.topologicalOrder()
        var index: [ObjectIdentifier: Int] = [:]
        for (k, node) in order.enumerated() { index[ObjectIdentifier(node)] = k }
        nodes = order.map { node in
            let leaf = node.operation == "input" || node.operation == "constant"
            return Node(
                label: node.label, value: node.data, gradient: node.gradient, operation: leaf ? nil : node.operation,
                inputs: node.inputs.map { index[ObjectIdentifier($0)]! })
        }
    }

    static let boxWidth = 112.0, boxHeight = 48.0, rowHeight = 60.0
    /// Pixels from one column of boxes to the next (the operation circle sits in the gap).
    static let columnStep = 190.0
    static let operationRadius = 15.0
    static let margin = 24.0, header = 52.0

    /// Each node's column and the centre height of its box. A result's
    /// column is 1 + its deepest operand's; a leaf sits one column before its
    /// first use. Heights come in two passes: first with the leaves in
    /// topological order, then with each leaf wanted at its first user's height.
    func layout() -> (columns: [Int], centres: [Double]) {
        var depth = [Int](repeating: 0, count: nodes.count)
        for (k, node) in nodes.enumerated() where !node.inputs.isEmpty {
            depth[k] = 1 + node.inputs.map { depth[$0] }.max()!  // inputs come first in topological order
        }
        var firstUser = [Int?](repeating: nil, count: nodes.count)
        for (k, node) in nodes.enumerated() {
            for input in node.inputs where firstUser[input] == nil { firstUser[input] = k }
        }
        for k in nodes.indices where nodes[k].inputs.isEmpty {
            if let user = firstUser[k] { depth[k] = depth[user] - 1 }
        }
        func place(leafWish: (Int) -> Double) -> [Double] {
            var centre = [Double](repeating: 0, count: nodes.count)
            for column in 0...(depth.max() ?? 0) {
                let wanted = nodes.indices.filter { depth[$0] == column }.map { k -> (Int, Double) in
                    let inputs = nodes[k].inputs
                    return (
                        k, inputs.isEmpty ? leafWish(k) : inputs.map { centre[$0] }.reduce(0, +) / Double(inputs.count)
                    )
                }.sorted { $0.1 < $1.1 }
                var lowest = -Double.infinity
                for (k, y) in wanted {
                    centre[k] = max(y, lowest + Self.rowHeight)
                    lowest = centre[k]
                }
            }
            return centre
        }
        let first = place { Double($0) * Self.rowHeight }
        let centre = place { k in firstUser[k].map { first[$0] } ?? first[k] }
        let top = centre.min() ?? 0
        return (depth, centre.map { $0 - top + Self.header + Self.boxHeight / 2 })
    }

    /// `−0.5`, `0.7071`: four significant digits, the minus sign U+2212.
    static func number(_ x: Double) -> String {
        formatCompact(x, significantDigits: 4).replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// The figure as a standalone SVG file.
    public func svg() throws -> String { try render().svg }

    /// Draws the graph. Throws `PlotError` for an empty graph (it never is: the output is a node).
    public func render() throws -> RenderedFigure {
        guard !nodes.isEmpty else { throw PlotError.emptyData("the graph '\(title)' has no nodes") }
        let (columns, centres) = layout()
        func left(_ k: Int) -> Double { Self.margin + Self.columnStep * Double(columns[k]) }
        let width = Self.margin * 2 + Self.columnStep * Double(columns.max()!) + Self.boxWidth
        let noteLines = Plot.wrappedNotes(notes, width: max(width, 400))
        let graphBottom = (centres.max() ?? 0) + Self.boxHeight / 2 + Self.margin
        let height = graphBottom + PlotLayout.noteLineHeight * Double(noteLines.count)
        var document = SVGDocument(width: max(width, 400), height: height)
        document.element(
            "rect",
            [
                "x": "0", "y": "0", "width": SVGDocument.number(max(width, 400)), "height": SVGDocument.number(height),
                "fill": "#FFFFFF"
            ])
        document.element(
            "text",
            [
                "class": "title", "x": SVGDocument.number(max(width, 400) / 2), "y": "30", "text-anchor": "middle",
                "font-size": SVGDocument.number(PlotLayout.titleFontSize), "font-weight": "bold", "fill": "#222222"
            ],
            text: title)
        document.define(
            "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#666666\"/></marker>")
        func line(_ from: (Double, Double), _ to: (Double, Double), _ className: String) {
            document.element(
                "line",
                [
                    "class": className, "x1": SVGDocument.number(from.0), "y1": SVGDocument.number(from.1),
                    "x2": SVGDocument.number(to.0), "y2": SVGDocument.number(to.1), "stroke": "#666666",
                    "stroke-width": "1.2", "marker-end": "url(#arrow)"
                ])
        }
        // Edges first, under the boxes: operand → operation circle → result.
        for (k, node) in nodes.enumerated() {
            guard let operation = node.operation else { continue }
            let circle = (left(k) - Self.operationRadius - 22, centres[k])
            for input in node.inputs {
                let start = (left(input) + Self.boxWidth, centres[input])
                let dx = circle.0 - start.0, dy = circle.1 - start.1, length = (dx * dx + dy * dy).squareRoot()
                line(
                    start,
                    (circle.0 - dx / length * Self.operationRadius, circle.1 - dy / length * Self.operationRadius),
                    "edge")
            }
            line((circle.0 + Self.operationRadius, circle.1), (left(k), centres[k]), "edge")
            document.element(
                "circle",
                [
                    "class": "operation", "cx": SVGDocument.number(circle.0), "cy": SVGDocument.number(circle.1),
                    "r": SVGDocument.number(Self.operationRadius), "fill": "#F2F2F2", "stroke": "#666666"
                ])
            document.element(
                "text",
                [
                    "class": "operation-label", "x": SVGDocument.number(circle.0),
                    "y": SVGDocument.number(circle.1 + 4),
                    "text-anchor": "middle", "font-size": operation.count > 2 ? "10" : "13", "fill": "#222222"
                ],
                text: operation == "*" ? "×" : operation == "-" ? "\u{2212}" : operation)
        }
        for (k, node) in nodes.enumerated() {
            let x = left(k), top = centres[k] - Self.boxHeight / 2
            document.open("g", ["class": "node", "data-label": node.label])
            document.element(
                "rect",
                [
                    "x": SVGDocument.number(x), "y": SVGDocument.number(top),
                    "width": SVGDocument.number(Self.boxWidth),
                    "height": SVGDocument.number(Self.boxHeight), "rx": "4",
                    "fill": node.operation == nil ? "#E8F1F8" : "#FFFFFF", "stroke": "#0072B2"
                ])
            let lines = [
                (node.label.isEmpty ? "·" : node.label, "bold"), ("value " + Self.number(node.value), "normal"),
                ("grad " + Self.number(node.gradient), "normal")
            ]
            for (row, (text, weight)) in lines.enumerated() {
                document.element(
                    "text",
                    [
                        "class": row == 0 ? "node-label" : row == 1 ? "node-value" : "node-gradient",
                        "x": SVGDocument.number(x + 8), "y": SVGDocument.number(top + 14 + 14 * Double(row)),
                        "font-size": "11", "font-weight": weight, "fill": "#222222"
                    ], text: text)
            }
            document.close("g")
        }
        for (index, note) in noteLines.enumerated() {
            document.element(
                "text",
                [
                    "class": "note", "x": SVGDocument.number(note.x),
                    "y": SVGDocument.number(graphBottom + 4 + PlotLayout.noteLineHeight * Double(index)),
                    "font-size": SVGDocument.number(PlotLayout.noteFontSize), "fill": "#555555"
                ], text: note.text)
        }
        return RenderedFigure(svg: document.text, notes: notes)
    }
}
