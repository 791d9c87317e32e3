// 2.11 Where the book is wrong: the gradient points uphill, ∇f = 0 is not a minimum, and the chain rule for a layer has shapes.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book's code is quoted exactly. The claims in quotation marks that are not code are the readings of deep-learning texts like the book that these slips come from, stated here to be checked, not quotations of the book's text."
    )
    chapter.say(
        "1. \"The gradient points in the direction in which the loss decreases fastest.\" It points the other way: ∇f is the direction of steepest ascent, and gradient descent steps along −∇f. For f(x, y) = x² + 3y² at (1, 1), ∇f = [2, 6] and f = 4; a step of 0.01 along ∇f raises f, along −∇f lowers it:"
    )
    let f: ([Double]) -> Double = { $0[0] * $0[0] + 3 * $0[1] * $0[1] }
    let point = [1.0, 1.0]
    let g = numericalGradient(of: f, at: point)
    chapter.check("∇f(1, 1)", computed: g, byHand: [2, 6], derivation: "[2x, 6y]", tolerance: .numerical)
    chapter.check(
        "f(p + 0.01 ∇f)", computed: f(zip(point, g).map { $0 + 0.01 * $1 }), byHand: 1.02 * 1.02 + 3 * 1.06 * 1.06,
        derivation: "1.02² + 3 · 1.06², above f = 4", tolerance: .numerical)
    chapter.check(
        "f(p − 0.01 ∇f)", computed: f(zip(point, g).map { $0 - 0.01 * $1 }), byHand: 0.98 * 0.98 + 3 * 0.94 * 0.94,
        derivation: "0.98² + 3 · 0.94², below f = 4", tolerance: .numerical)

    chapter.say(
        "2. \"Where the gradient is zero the loss is at its minimum.\" ∇f = 0 only makes a critical point: a minimum, a maximum or a saddle (section 2.7). f(x, y) = x² − y² has ∇f(0, 0) = 0 and the Hessian diag(2, −2): along y the origin is a maximum. In many dimensions saddles are the common case."
    )
    let saddle: ([Double]) -> Double = { $0[0] * $0[0] - $0[1] * $0[1] }
    chapter.check(
        "∇(x² − y²) at the origin", computed: numericalGradient(of: saddle, at: [0, 0]), byHand: [0, 0],
        derivation: "[2x, −2y] at (0, 0)", tolerance: .numerical)
    chapter.check(
        "f(0, 0.1) < f(0, 0) < f(0.1, 0): not a minimum", holds: saddle([0, 0.1]) < 0 && 0 < saddle([0.1, 0]),
        detail: "f(0, 0.1) = \(formatCompact(saddle([0, 0.1]))), f(0.1, 0) = \(formatCompact(saddle([0.1, 0])))")

    chapter.say(
        "3. The chain rule written for a layer as ∂L/∂W = ∂L/∂y · ∂y/∂W, a product of two numbers. For matrices the order and the transposes decide the shape: with x 1 x n and δ = ∂L/∂z 1 x m, ∂L/∂W = xᵀ δ is n x m, the shape of W; δ x and x δ do not even exist unless n = m. For the layer of section 2.10 (n = 2, m = 2) with δ = [1, 0] and x = [1, 2], xᵀ δ = [[1, 0], [2, 0]], while the other order δᵀ x = [[1, 2], [0, 0]] is its transpose: a different, wrong gradient that has the right shape only because W is square."
    )
    let x: Matrix = [[1, 2]], delta: Matrix = [[1, 0]]
    chapter.check("xᵀ δ", computed: x.transposed * delta, byHand: [[1, 0], [2, 0]], derivation: "[1, 2]ᵀ [1, 0]")
    chapter.check(
        "δᵀ x is the transpose, not the gradient", computed: delta.transposed * x, byHand: [[1, 2], [0, 0]],
        derivation: "[1, 0]ᵀ [1, 2]")
}
