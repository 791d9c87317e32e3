import DLMath
import DLPresentation
import Foundation

func vectorsAndDotProduct(_ chapter: inout Chapter) {
    chapter.section("Vectors and the dot product")
    chapter.say(
        "A vector is a list of n numbers, a point or an arrow in ℝⁿ. The dot product multiplies matching entries and adds them up; it measures how much two vectors point the same way."
    )
    chapter.formula("x · y = Σᵢ xᵢ yᵢ = ‖x‖₂ ‖y‖₂ cos θ")
    let x: [Double] = [1, 2, 3]
    let y: [Double] = [4, -5, 6]
    chapter.show("x", x)
    chapter.show("y", y)
    chapter.check("x · y", computed: x.dot(y), byHand: 12, derivation: "1·4 + 2·(−5) + 3·6 = 4 − 10 + 18")
    chapter.say("Perpendicular vectors have dot product 0 (cos 90° = 0):")
    chapter.check("[1, 2] · [−2, 1]", computed: [1, 2].dot([-2, 1]), byHand: 0, derivation: "1·(−2) + 2·1")
    let u: [Double] = [3, 4], v: [Double] = [4, 3]
    let cosine = u.dot(v) / (u.norm() * v.norm())
    chapter.check(
        "cos θ between [3, 4] and [4, 3]", computed: cosine, byHand: 24.0 / 25,
        derivation: "(12 + 12) / (5 · 5)")
}

func norms(_ chapter: inout Chapter) {
    chapter.section("Norms: the size of a vector")
    chapter.say(
        "A norm measures length. The L2 norm is the Euclidean length; L1 adds absolute values (the lasso penalty, Manhattan distance); the max norm takes the largest entry. For matrices the same sums over all entries give the entry-wise norms; the root of the sum of squares is the Frobenius norm ‖A‖_F. It is not ‖A‖₂: for a matrix that symbol means the spectral norm σ_max (section 1.13), and the two differ already for the identity."
    )
    chapter.formula("‖x‖₁ = Σᵢ |xᵢ|      ‖x‖₂ = √(Σᵢ xᵢ²)      ‖x‖∞ = maxᵢ |xᵢ|\n‖A‖_F = √(Σᵢⱼ aᵢⱼ²) = √(tr AᵀA)")
    let x: [Double] = [3, -4, 12]
    chapter.show("x", x)
    chapter.check("‖x‖₁", computed: x.norm(.l1), byHand: 19, derivation: "3 + 4 + 12")
    chapter.check("‖x‖₂", computed: x.norm(.l2), byHand: 13, derivation: "√(9 + 16 + 144) = √169")
    chapter.check("‖x‖∞", computed: x.norm(.max), byHand: 12, derivation: "max(3, 4, 12)")
    let (l1, l2, maximum) = (x.norm(.l1), x.norm(.l2), x.norm(.max))
    chapter.check(
        "‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ ≤ n ‖x‖∞", holds: maximum <= l2 && l2 <= l1 && l1 <= 3 * maximum,
        detail:
            "\(formatCompact(maximum)) ≤ \(formatCompact(l2)) ≤ \(formatCompact(l1)) ≤ \(formatCompact(3 * maximum))")
    let a: Matrix = [[1, -2], [-2, 4]]
    chapter.show("A", a)
    chapter.check("‖A‖_F", computed: a.frobeniusNorm, byHand: 5, derivation: "√(1 + 4 + 4 + 16) = √25")
    chapter.check(
        "‖A‖_F² = tr(AᵀA)", computed: (a.transposed * a).trace, byHand: 25,
        derivation: "AᵀA = [[5, −10], [−10, 20]], 5 + 20")
    chapter.check(
        "‖I₂‖_F = √2", computed: Matrix.identity(2).frobeniusNorm, byHand: 2.0.squareRoot(),
        derivation: "√(1 + 0 + 0 + 1)")
    chapter.check(
        "‖I₂‖₂ (spectral) = 1 ≠ ‖I₂‖_F", computed: Matrix.identity(2).spectralNorm, byHand: 1,
        derivation: "I x = x stretches nothing")
}
