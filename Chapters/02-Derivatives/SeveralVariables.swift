import DLMath
import DLPresentation
import Foundation

/// The function of this part: f(x, y) = x² y + sin(x y).
func surface(_ p: [Double]) -> Double {
    p[0] * p[0] * p[1] + sin(p[0] * p[1])
}

/// The point (1, 2) at which the examples differentiate.
let point: [Double] = [1, 2]

func partialDerivatives(_ chapter: inout Chapter) {
    chapter.section("Partial derivatives")
    chapter.say(
        "A function of several variables has one derivative per variable: hold the others fixed and differentiate as usual. We take f(x, y) = x² y + sin(x y) at (x, y) = (1, 2)."
    )
    chapter.formula(
        "∂f/∂x = lim_{h→0} (f(x + h, y) − f(x, y)) / h\n∂f/∂x = 2xy + y cos(xy)      ∂f/∂y = x² + x cos(xy)")
    let dx = centralDifference(of: { surface([$0, point[1]]) }, at: point[0])
    let dy = centralDifference(of: { surface([point[0], $0]) }, at: point[1])
    chapter.check(
        "∂f/∂x at (1, 2)", computed: dx, byHand: 4 + 2 * cos(2.0),
        derivation: "2·1·2 + 2 cos 2", tolerance: .numerical)
    chapter.check(
        "∂f/∂y at (1, 2)", computed: dy, byHand: 1 + cos(2.0),
        derivation: "1² + 1·cos 2", tolerance: .numerical)
}

func gradient(_ chapter: inout Chapter) {
    chapter.section("The gradient")
    chapter.say(
        "The gradient collects the partial derivatives in a vector. It points where f rises fastest, and the slope along any unit direction u is the dot product ∇f · u. Gradient descent steps against it."
    )
    chapter.formula("∇f = [∂f/∂x₁, …, ∂f/∂xₙ]      D_u f = ∇f · u      max over ‖u‖ = 1 of D_u f = ‖∇f‖")
    let byHand = [4 + 2 * cos(2.0), 1 + cos(2.0)]
    let numerical = numericalGradient(of: surface, at: point)
    chapter.show("∇f(1, 2)", numerical)
    chapter.check(
        "∇f(1, 2)", computed: numerical, byHand: byHand, derivation: "[4 + 2 cos 2, 1 + cos 2]",
        tolerance: .numerical)
    let u: [Double] = [0.6, 0.8]
    let slope = centralDifference(of: { t in surface([point[0] + t * u[0], point[1] + t * u[1]]) }, at: 0)
    chapter.check(
        "slope along u = [0.6, 0.8] equals ∇f · u", computed: slope, byHand: byHand.dot(u),
        derivation: "0.6 (4 + 2 cos 2) + 0.8 (1 + cos 2)", tolerance: .numerical)
    let steepest = byHand.map { $0 / byHand.norm() }
    let steepestSlope = centralDifference(
        of: { t in surface([point[0] + t * steepest[0], point[1] + t * steepest[1]]) }, at: 0)
    chapter.check(
        "slope along ∇f/‖∇f‖ is ‖∇f‖ (the steepest)", computed: steepestSlope, byHand: byHand.norm(),
        derivation: "‖[4 + 2 cos 2, 1 + cos 2]‖₂", tolerance: .numerical)
}

func jacobian(_ chapter: inout Chapter) {
    chapter.section("The Jacobian")
    chapter.say(
        "A function from ℝⁿ to ℝᵐ has an m x n matrix of partial derivatives, the Jacobian: row i is the gradient of output i. It is the best linear approximation f(x + d) ≈ f(x) + J d. Example: polar coordinates (r, θ) ↦ (r cos θ, r sin θ); its determinant r is the area factor of the map (why dA = r dr dθ)."
    )
    chapter.formula("Jᵢⱼ = ∂fᵢ/∂xⱼ      J_polar = [[cos θ, −r sin θ], [sin θ, r cos θ]]      det J = r")
    let (r, theta) = (2.0, Double.pi / 6)
    let polar: ([Double]) -> [Double] = { [$0[0] * cos($0[1]), $0[0] * sin($0[1])] }
    let numerical = numericalJacobian(of: polar, at: [r, theta])
    chapter.show("J at (r, θ) = (2, π/6)", numerical)
    let s3 = 3.0.squareRoot()
    chapter.check(
        "J at (2, π/6)", computed: numerical, byHand: [[s3 / 2, -1], [0.5, s3]],
        derivation: "[[cos 30°, −2 sin 30°], [sin 30°, 2 cos 30°]]", tolerance: .numerical)
    chapter.check(
        "det J = r", computed: numerical.determinant, byHand: r,
        derivation: "r cos²θ + r sin²θ", tolerance: .numerical)
    let d: [Double] = [1e-3, -2e-3]
    let moved = polar([r + d[0], theta + d[1]])
    let linear = zip(polar([r, theta]), numerical * d).map { $0 + $1 }
    chapter.check(
        "f(x + d) ≈ f(x) + J d for d = [1e-3, −2e-3]", computed: moved, byHand: linear,
        derivation: "f(x) + J d, off by O(‖d‖²)", tolerance: Tolerance(absolute: 1e-5, relative: 0))
}

func hessian(_ chapter: inout Chapter) {
    chapter.section("The Hessian")
    chapter.say(
        "The second derivatives of f: ℝⁿ → ℝ form the Hessian, symmetric when f is smooth (the order of differentiation does not matter). It describes curvature: f(x + d) ≈ f(x) + ∇f·d + ½ dᵀ H d. At a critical point (∇f = 0) the linear term vanishes and the eigenvalues of H tell a minimum (all > 0) from a maximum (all < 0) and a saddle (both signs), next section; at the point (1, 2) below ∇f ≠ 0, so its eigenvalues only say how f bends there."
    )
    chapter.formula(
        """
        Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ = Hⱼᵢ
        f = x² y + sin(xy):  f_xx = 2y − y² sin(xy),  f_xy = 2x + cos(xy) − xy sin(xy),  f_yy = −x² sin(xy)
        """)
    let numerical = numericalHessian(of: surface, at: point)
    let s = sin(2.0), c = cos(2.0)
    let byHand: Matrix = [[4 - 4 * s, 2 + c - 2 * s], [2 + c - 2 * s, -s]]
    chapter.show("H at (1, 2)", numerical)
    chapter.check(
        "H at (1, 2)", computed: numerical, byHand: byHand,
        derivation: "[[4 − 4 sin 2, 2 + cos 2 − 2 sin 2], [·, −sin 2]]", tolerance: .numerical)
    chapter.check(
        "H is symmetric", holds: numerical.isSymmetric(),
        detail: "H[0, 1] = H[1, 0] = \(formatCompact(numerical[0, 1]))")
    if let eigen = try? byHand.symmetricEigen() {
        chapter.check(
            "H at (1, 2) has eigenvalues of both signs: f bends up along one eigenvector, down along the other (not a saddle: ∇f ≠ 0 here)",
            holds: eigen.eigenvalues[0] < 0 && eigen.eigenvalues[1] > 0,
            detail: "λ = \(arrayText(eigen.eigenvalues))")
    }
}
