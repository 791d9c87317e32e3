import DLMath
import DLPresentation

/// The worked 3x3 example of this chapter (Strang): A x = b with x = [1, 1, 2].
let strangMatrix: Matrix = [[2, 1, 1], [4, -6, 0], [-2, 7, 2]]

func determinant(_ chapter: inout Chapter) {
    chapter.section("The determinant")
    chapter.say(
        "The determinant is the factor by which a square matrix scales areas (volumes in 3D), with a sign for flipped orientation. It is zero exactly when the matrix squashes space into a lower dimension. We compute it from the LU decomposition P A = L U: elimination with partial pivoting leaves the pivots on the diagonal of U."
    )
    chapter.formula("2x2: det [[a, b], [c, d]] = a d − b c\ndet A = sign(P) · Πₖ uₖₖ     (from P A = L U)")
    chapter.check(
        "det [[4, 3], [6, 3]]", computed: Matrix([[4, 3], [6, 3]]).determinant, byHand: -6,
        derivation: "4·3 − 3·6")
    let lu = strangMatrix.luDecomposition
    chapter.show("A", strangMatrix)
    chapter.show("L", lu.lower)
    chapter.show("U", lu.upper)
    chapter.say("Partial pivoting swapped rows 0 and 1 (the larger pivot 4), so sign(P) = −1:")
    chapter.check(
        "P A (rows 1, 0, 2 of A)", computed: lu.permutationMatrix * strangMatrix,
        byHand: [[4, -6, 0], [2, 1, 1], [-2, 7, 2]], derivation: "one swap: rows 0 and 1 exchanged")
    chapter.check(
        "L U = P A", computed: lu.lower * lu.upper, byHand: [[4, -6, 0], [2, 1, 1], [-2, 7, 2]],
        derivation:
            "L = [[1, 0, 0], [½, 1, 0], [−½, 1, 1]], U = [[4, −6, 0], [0, 4, 1], [0, 0, 1]]: rows [4, −6, 0], ½·[4, −6, 0] + [0, 4, 1], −½·[4, −6, 0] + [0, 4, 1] + [0, 0, 1]"
    )
    chapter.check(
        "det A = −(4 · 4 · 1)", computed: strangMatrix.determinant, byHand: -16,
        derivation: "cofactors: 2·(−12) − 1·8 + 1·16")
    let b: Matrix = [[1, 2, 0], [0, 1, 3], [1, 0, 1]]
    chapter.check(
        "det(A B) = det A · det B", computed: (strangMatrix * b).determinant,
        byHand: -16 * 7, derivation: "det B = 1·(1 − 0) − 2·(0 − 3) + 0 = 7; −16 · 7")
}

func inverse(_ chapter: inout Chapter) {
    chapter.section("The inverse")
    chapter.say(
        "The inverse undoes a matrix: A⁻¹ A = I. It exists exactly when det A ≠ 0. We compute it by solving A X = I with the LU factors, one column of I at a time."
    )
    chapter.formula("A⁻¹ A = A A⁻¹ = I      [[a, b], [c, d]]⁻¹ = (1 / (a d − b c)) [[d, −b], [−c, a]]")
    let a: Matrix = [[4, 3], [6, 3]]
    do {
        let inverse = try a.inverse()
        chapter.check(
            "[[4, 3], [6, 3]]⁻¹", computed: inverse, byHand: [[-0.5, 0.5], [1, -2.0 / 3]],
            derivation: "(1/−6) [[3, −3], [−6, 4]]")
        let strangInverse = try strangMatrix.inverse()
        chapter.check(
            "A⁻¹ of the 3x3 A", computed: strangInverse,
            byHand: [[0.75, -0.3125, -0.375], [0.5, -0.375, -0.25], [-1, 1, 1]],
            derivation: "adj(A) / det A = [[−12, 5, 6], [−8, 6, 4], [16, −16, −16]] / (−16)")
        chapter.check(
            "A A⁻¹ = I", computed: strangMatrix * strangInverse, byHand: .identity(3),
            derivation: "I₃")
    } catch {
        chapter.check("the inverses exist", holds: false, detail: "\(error)")
    }
}

func solvingLinearSystems(_ chapter: inout Chapter) {
    chapter.section("Solving A x = b")
    chapter.say(
        "To solve A x = b, factor P A = L U once, then solve two triangular systems: L y = P b from the top down, U x = y from the bottom up. It is cheaper and more accurate than forming A⁻¹ b."
    )
    chapter.formula("A x = b  ⇔  L y = P b,  U x = y")
    let b: [Double] = [5, -2, 9]
    chapter.show("b", b)
    do {
        let x = try strangMatrix.solve(b)
        chapter.check(
            "x", computed: x, byHand: [1, 1, 2],
            derivation: "A [1, 1, 2] = [2+1+2, 4−6+0, −2+7+4] = [5, −2, 9]")
        chapter.check(
            "the residual ‖A x − b‖₂", computed: zip(strangMatrix * x, b).map { $0 - $1 }.norm(),
            byHand: 0, derivation: "exact solution")
    } catch {
        chapter.check("A x = b is solvable", holds: false, detail: "\(error)")
    }
    chapter.say("A singular matrix has no unique solution; the solver says so and names the pivot that vanished:")
    let singular: Matrix = [[1, 2], [2, 4]]
    do {
        _ = try singular.solve([1, 2])
        chapter.check("[[1, 2], [2, 4]] is refused", holds: false, detail: "solve returned a solution")
    } catch {
        chapter.check(
            "[[1, 2], [2, 4]] is refused (row 1 = 2 · row 0)",
            holds: "\(error)" == "solve: matrix is singular (pivot 2 of 2 is 0)", detail: "\(error)")
    }
}

func rank(_ chapter: inout Chapter) {
    chapter.section("Rank")
    chapter.say(
        "The rank is the number of independent rows, which always equals the number of independent columns: the dimension of the space the matrix maps onto. We find it by Gaussian elimination: each column that still has an entry above the tolerance max(m, n) · ε · max|aᵢⱼ| gives one pivot."
    )
    chapter.formula("rank A = number of pivots = dim(column space) = dim(row space)")
    let nineDigits: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    chapter.show("M", nineDigits)
    chapter.check(
        "rank M", computed: Double(nineDigits.rank()), byHand: 2,
        derivation: "row 2 = 2 · row 1 − row 0, rows 0 and 1 independent")
    chapter.check(
        "rank of the outer product x yᵀ, x = [1, 2]ᵀ, y = [3, 4, 5]ᵀ (2x3)",
        computed: Double(Matrix.outer([1, 2], [3, 4, 5]).rank()),
        byHand: 1, derivation: "every row a multiple of [3, 4, 5]")
    chapter.check(
        "rank of the 3x3 A (determinant section)", computed: Double(strangMatrix.rank()), byHand: 3,
        derivation: "one per pivot 4, 4, 1, none of them 0 (det A = −16)")
    chapter.check(
        "rank Mᵀ = rank M", computed: Double(nineDigits.transposed.rank()), byHand: 2,
        derivation: "row rank = column rank")
}
