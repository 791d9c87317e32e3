import DLMath
import DLPresentation
import Foundation

func chainRule(_ chapter: inout Chapter) {
    chapter.section("The chain rule")
    chapter.say(
        "The derivative of a composition is the product of the derivatives, each taken at the right point. Backpropagation is this rule applied layer by layer, from the loss back to the inputs."
    )
    chapter.formula("(f ∘ g)'(x) = f'(g(x)) · g'(x)          d/dx sin(x²) = cos(x²) · 2x")
    let x = 1.5
    chapter.check(
        "d/dx sin(x²) at x = 1.5", computed: centralDifference(of: { sin($0 * $0) }, at: x),
        byHand: cos(2.25) * 3, derivation: "cos(2.25) · 2·1.5", tolerance: .numerical)
    chapter.say(
        "For vector functions the derivatives are Jacobians, and the product is a matrix product. Compose g = polar coordinates (r, θ) ↦ (u, v) = (r cos θ, r sin θ) with f(u, v) = u² v: then f(g(r, θ)) = r³ cos²θ sin θ."
    )
    chapter.formula(
        """
        J_{f∘g}(x) = J_f(g(x)) · J_g(x)
        J_f = [2uv, u²],  J_g = [[cos θ, −r sin θ], [sin θ, r cos θ]]
        ∂/∂r = 3r² cos²θ sin θ,   ∂/∂θ = r³ (cos³θ − 2 cos θ sin²θ)
        """)
    let (r, theta) = (2.0, Double.pi / 6)
    let g: ([Double]) -> [Double] = { [$0[0] * cos($0[1]), $0[0] * sin($0[1])] }
    let f: ([Double]) -> Double = { $0[0] * $0[0] * $0[1] }
    let (u, v) = (r * cos(theta), r * sin(theta))
    let jf = Matrix(row: [2 * u * v, u * u])
    let jg = numericalJacobian(of: g, at: [r, theta])
    let chained = (jf * jg).elements
    let s3 = 3.0.squareRoot()
    // cos 30° = √3/2, sin 30° = 1/2: ∂/∂r = 3·4·(3/4)·(1/2) = 4.5;
    // ∂/∂θ = 8 ((3√3/8) − 2 (√3/2)(1/4)) = 8 (3√3/8 − √3/4) = 3√3 − 2√3 = √3.
    chapter.check(
        "J_f · J_g at (2, π/6)", computed: chained, byHand: [4.5, s3],
        derivation: "[3·4·¾·½, 8(3√3/8 − √3/4)]", tolerance: .numerical)
    chapter.check(
        "gradient of the composition, numerically", computed: numericalGradient(of: { f(g($0)) }, at: [r, theta]),
        byHand: [4.5, s3], derivation: "[4.5, √3]", tolerance: .numerical)
}
