import DLMath
import DLPresentation

func broadcastingInALayer(_ chapter: inout Chapter) {
    chapter.section("Broadcasting in a layer: x W + b")
    chapter.say(
        "A dense layer with n inputs and m outputs holds a weight matrix W (n x m) and a bias b (1 x m). A batch X of k examples, one per row (k x n), gives X W (k x m); the bias row is then added to every row. That row-wise addition is broadcasting: b behaves like the k x m matrix 1 b whose rows are all b. A word on conventions: in formulas a vector is a column (A x, p pᵀ, x yᵀ), but a batch stores one example per row, so one example x is a 1 x n row here and the layer computes x W; for the column x the same layer is Wᵀ x + bᵀ."
    )
    chapter.formula("Y = X W + b      Yᵢⱼ = Σₗ Xᵢₗ Wₗⱼ + bⱼ      (k x n)(n x m) + (1 x m) → (k x m)")
    let x: Matrix = [[1, 2], [0, -1], [3, 1]]
    let w: Matrix = [[1, 0, -1], [2, 1, 0]]
    let b: Matrix = [[0.5, -1, 2]]
    chapter.show("X (3 examples, 2 inputs)", x)
    chapter.show("W (2 inputs, 3 outputs)", w)
    chapter.show("b", b)
    let y = x * w + b
    chapter.check(
        "Y = X W + b", computed: y, byHand: [[5.5, 1, 1], [-1.5, -2, 2], [5.5, 0, -1]],
        derivation: "X W = [[5, 2, −1], [−2, −1, 0], [5, 1, −3]], plus b on each row")
    let ones = Matrix(column: [1, 1, 1])
    chapter.check(
        "the outer product 1 b: b copied onto every row", computed: ones * b,
        byHand: [[0.5, -1, 2], [0.5, -1, 2], [0.5, -1, 2]], derivation: "1 (3x1) times b (1x3)")
    chapter.check(
        "broadcasting = adding 1 b", computed: x * w + ones * b, byHand: [[5.5, 1, 1], [-1.5, -2, 2], [5.5, 0, -1]],
        derivation: "the Y above")
    chapter.say(
        "Broadcasting here goes one way only: a 1 x m row over the rows of a k x m matrix. NumPy also stretches a k x 1 column over columns, and both at once: a (k,) vector plus a (k, 1) column gives a k x k matrix. The book's data line does exactly that by accident (section 1.17). This module refuses any other pair of shapes with an error naming both."
    )
    chapter.say(
        "Going backwards, the gradient of a bias that was broadcast over k rows is the sum over those rows (every row used b once):"
    )
    chapter.formula("∂L/∂b = Σᵢ ∂L/∂Yᵢ  (sum along the rows)")
    let upstream: Matrix = [[1, 0, 2], [1, 1, 0], [-1, 0, 1]]
    chapter.check(
        "sum along rows of ∂L/∂Y", computed: upstream.sum(along: .rows), byHand: [[1, 1, 3]],
        derivation: "[1+1−1, 0+1+0, 2+0+1]")
}
