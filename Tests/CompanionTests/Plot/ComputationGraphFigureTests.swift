import DLMath
import Foundation
import Testing

@testable import DLPresentation

/// The computational graph figure: one box per value with its value and
/// gradient, one circle per operation, columns by depth.
@Suite("Computational graph figures")
struct ComputationGraphFigureTests {
    @Test("d = a·b + a: four boxes with values and gradients by hand, two operations, columns by depth")
    func smallGraph() throws {
        let a = Value(2, label: "a"), b = Value(3, label: "b")
        let c = (a * b).labelled("c")
        let d = (c + a).labelled("d")
        d.backward()
        let svg = try parsedSVG(ComputationGraphFigure(title: "d = a·b + a", output: d).svg())
        #expect(svg.texts(class: "title") == ["d = a·b + a"])
        // By hand: c = 6, d = 8; ∂d/∂c = 1, ∂d/∂a = b + 1 = 4 (two uses), ∂d/∂b = a = 2.
        let labels = svg.texts(class: "node-label"), values = svg.texts(class: "node-value"),
            gradients = svg.texts(class: "node-gradient")
        let byLabel = Dictionary(uniqueKeysWithValues: zip(labels, zip(values, gradients)))
        #expect(byLabel["a"]! == ("value 2", "grad 4") && byLabel["b"]! == ("value 3", "grad 2"))
        #expect(byLabel["c"]! == ("value 6", "grad 1") && byLabel["d"]! == ("value 8", "grad 1"))
        #expect(svg.texts(class: "operation-label").sorted() == ["+", "×"])
        // Operand edges a → ×, b → ×, c → +, a → + (a used twice), and one out of each operation: 4 + 2.
        #expect(svg.all("line", class: "edge").count == 6)
        // Columns: a and b at depth 0 (x = 24), c at 1 (24 + 190), d at 2 (24 + 380).
        let boxes = svg.elements.indices.filter {
            svg.elements[$0].name == "rect"
                && svg.elements[$0].parent.map { svg.elements[$0].classes == "node" } == true
        }
        let x = boxes.map { svg.elements[$0].attributes["x"]! }
        #expect(Set(x) == ["24", "214", "404"])
    }
}
