import DLMath
import DLPresentation

func matricesAndProducts(_ chapter: inout Chapter) {
    chapter.section("Matrices and the matrix product")
    chapter.say(
        "An m x n matrix has m rows and n columns. The product A B (A is m x k, B is k x n) takes the dot product of each row of A with each column of B; the inner dimensions must agree. Every product in this book goes through one kernel."
    )
    chapter.formula("(A B)ᵢⱼ = Σₖ Aᵢₖ Bₖⱼ        (m x k) · (k x n) → (m x n)")
    let a: Matrix = [[1, 2], [3, 4]]
    let b: Matrix = [[5, 6], [7, 8]]
    chapter.show("A", a)
    chapter.show("B", b)
    chapter.check(
        "A B", computed: a * b, byHand: [[19, 22], [43, 50]],
        derivation: "[[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]]")
    chapter.check(
        "B A (the order matters)", computed: b * a, byHand: [[23, 34], [31, 46]],
        derivation: "[[5·1+6·3, 5·2+6·4], [7·1+8·3, 7·2+8·4]]")
    chapter.say("A matrix times a vector combines the columns of the matrix, weighted by the vector's entries:")
    chapter.formula("A x = x₁ a₁ + x₂ a₂ + … (aⱼ the columns of A)")
    chapter.check("A [1, −1]", computed: a * [1, -1], byHand: [-1, -1], derivation: "1·[1, 3] − 1·[2, 4]")
    let c: Matrix = [[1, 0, 2], [0, 1, -1]]
    chapter.check(
        "shapes: (2x2) · (2x3) → 2x3", holds: (a * c).shapeDescription == "2x3",
        detail: "A C is \((a * c).shapeDescription)")
}

func transposeAndIdentity(_ chapter: inout Chapter) {
    chapter.section("Transpose and identity")
    chapter.say(
        "The transpose flips a matrix over its diagonal: rows become columns. The identity I has ones on the diagonal and leaves every vector and matrix unchanged."
    )
    chapter.formula("(Aᵀ)ᵢⱼ = Aⱼᵢ      (A B)ᵀ = Bᵀ Aᵀ      I A = A I = A")
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]
    chapter.show("A", a)
    chapter.check("Aᵀ", computed: a.transposed, byHand: [[1, 4], [2, 5], [3, 6]], derivation: "rows as columns")
    let b: Matrix = [[1, 0], [2, 1], [0, -1]]
    chapter.check(
        "(A B)ᵀ", computed: (a * b).transposed, byHand: [[5, 14], [-1, -1]],
        derivation: "A B = [[1+4+0, 0+2−3], [4+10+0, 0+5−6]] = [[5, −1], [14, −1]], transposed")
    chapter.check(
        "Bᵀ Aᵀ (the same matrix)", computed: b.transposed * a.transposed, byHand: [[5, 14], [-1, -1]],
        derivation: "[[1, 2, 0], [0, 1, −1]] [[1, 4], [2, 5], [3, 6]] = [[1+4+0, 4+10+0], [0+2−3, 0+5−6]]")
    chapter.check("I₂ A = A", computed: Matrix.identity(2) * a, byHand: a, derivation: "ones on the diagonal")
    chapter.check("A I₃ = A", computed: a * Matrix.identity(3), byHand: a, derivation: "ones on the diagonal")
}
