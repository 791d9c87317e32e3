import DLMath
import Foundation

/// The exercises of chapter 2 (derivatives). The workbook and the solutions
/// each provide a type conforming to this protocol.
public protocol Chapter02Exercises {
    /// 2.1 The central difference (f(x + h) − f(x − h)) / (2h).
    static func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) throws -> Double
    /// 2.2 The gradient of the quadratic form xᵀAx: (A + Aᵀ) x.
    static func quadraticFormGradient(_ a: Matrix, at x: [Double]) throws -> [Double]
    /// 2.3 ∂L/∂W for y = tanh(x W + b) and upstream G = ∂L/∂y: xᵀ (G ⊙ (1 − y²)).
    static func tanhLayerWeightGradient(x: Matrix, weights w: Matrix, bias b: Matrix, upstream g: Matrix) throws
        -> Matrix
    /// 2.4 The chain rule (f ∘ g)'(x) = f'(g(x)) · g'(x).
    static func chainRule(
        outerDerivative fPrime: (Double) -> Double, inner g: (Double) -> Double,
        innerDerivative gPrime: (Double) -> Double, at x: Double
    ) throws -> Double
    /// 2.5 The spectral norm of a 2x2 Jacobian, ‖J‖₂ = √λ_max(JᵀJ): the most the map stretches a small step.
    static func jacobianSpectralNorm(_ j: Matrix) throws -> Double
    /// 2.6 What a critical point is, from its symmetric 2x2 Hessian.
    static func criticalPointKind(hessian h: Matrix) throws -> CriticalPointKind
}

/// What a critical point (∇f = 0) is, told by the eigenvalues of its Hessian.
public enum CriticalPointKind: String, Sendable, Equatable {
    /// every eigenvalue > 0
    case minimum
    /// every eigenvalue < 0
    case maximum
    /// eigenvalues of both signs
    case saddle
    /// some eigenvalue is 0: the second-derivative test cannot tell
    case undecided
}

/// The checks and hints of chapter 2, run against any conforming answers.
public enum Chapter02Checks {
    static let file = "Exercises/Workbook/Chapter02.swift"

    public static func exercises<Answers: Chapter02Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "2.1", title: "The central difference",
                task: "Return (f(x + h) − f(x − h)) / (2h), the central-difference estimate of f'(x).",
                file: file, function: "centralDifference(_:at:step:)",
                hints: [
                    "Evaluate f on both sides of x, one step h away, and divide the difference by the distance 2h between the two points.",
                    "The two points are x + h and x − h, so the distance between them is 2h, not h."
                ],
                check: {
                    // A parabola has f''' = 0, so the central difference is exact:
                    // (3.5² − 2.5²) / 1 = (12.25 − 6.25) / 1 = 6 = 2·3.
                    try expect(
                        try Answers.centralDifference({ $0 * $0 }, at: 3, step: 0.5), equals: 6,
                        "central difference of x² at 3, h = 0.5")
                    // x³ at 1, h = 0.1: (1.331 − 0.729) / 0.2 = 3.01 = 3x² + h² (a forward
                    // difference would give (1.331 − 1) / 0.1 = 3.31).
                    try expect(
                        try Answers.centralDifference({ $0 * $0 * $0 }, at: 1, step: 0.1), equals: 3.01,
                        "central difference of x³ at 1, h = 0.1")
                    // sin at 0 with a small step: cos 0 = 1, error about h²/6 ≈ 2e-11.
                    try expect(
                        try Answers.centralDifference(sin, at: 0, step: 1e-5), equals: 1,
                        "central difference of sin at 0, h = 1e-5", tolerance: .numerical)
                }),
            Exercise(
                id: "2.2", title: "The gradient of xᵀAx",
                task: "Return ∇ₓ(xᵀAx) = (A + Aᵀ) x for a square matrix A (not necessarily symmetric).",
                file: file, function: "quadraticFormGradient(_:at:)",
                hints: [
                    "xᵀAx = Σᵢⱼ xᵢ aᵢⱼ xⱼ. Differentiate by xₖ: x appears twice, once as xᵢ and once as xⱼ.",
                    "∂/∂xₖ = Σⱼ aₖⱼ xⱼ + Σᵢ aᵢₖ xᵢ, which is row k of A x plus row k of Aᵀ x.",
                    "Row k of A x plus row k of Aᵀ x is row k of (A + Aᵀ) x: for a symmetric A that is 2 A x, but A need not be symmetric."
                ],
                check: {
                    // A = [[1, 2], [0, 3]], x = [1, −1]: A + Aᵀ = [[2, 2], [2, 6]], times x = [0, −4].
                    try expect(
                        try Answers.quadraticFormGradient([[1, 2], [0, 3]], at: [1, -1]), equals: [0, -4],
                        "gradient of xᵀAx, A = [[1, 2], [0, 3]], x = [1, -1]")
                    // Symmetric A = [[2, 1], [1, 2]], x = [1, 2]: 2 A x = 2 [4, 5] = [8, 10].
                    try expect(
                        try Answers.quadraticFormGradient([[2, 1], [1, 2]], at: [1, 2]), equals: [8, 10],
                        "gradient of xᵀAx, A = [[2, 1], [1, 2]], x = [1, 2]")
                    // The shift A = [[0, 1, 0], [0, 0, 1], [0, 0, 0]]: xᵀAx = x₀x₁ + x₁x₂, so at
                    // x = [1, 2, 3] the gradient is [x₁, x₀ + x₂, x₁] = [2, 4, 2] (not 2Ax = [4, 6, 0]).
                    try expect(
                        try Answers.quadraticFormGradient([[0, 1, 0], [0, 0, 1], [0, 0, 0]], at: [1, 2, 3]),
                        equals: [2, 4, 2], "gradient of x₀x₁ + x₁x₂ at [1, 2, 3]")
                }),
            Exercise(
                id: "2.3", title: "The weight gradient of a tanh layer",
                task: "For z = x W + b, y = tanh(z) and G = ∂L/∂y, return ∂L/∂W = xᵀ (G ⊙ (1 − y²)), the shape of W.",
                file: file, function: "tanhLayerWeightGradient(x:weights:bias:upstream:)",
                hints: [
                    "Three steps: the forward pass Y = tanh(X W + b) entry by entry; the gradient at the pre-activation, δ = G ⊙ (1 − Y ⊙ Y); then Xᵀ δ.",
                    "Check the shapes: Xᵀ is n x m and δ is m x k, so Xᵀ δ is n x k, the shape of W. Matrix has an element-wise product operator for ⊙."
                ],
                check: {
                    // z = [1·0.5 + 2·0 − 0.5, 1·(−0.5) + 2·0.25 + 0] = [0, 0], tanh'(0) = 1, so
                    // δ = G = [1, 1] and xᵀ δ = [[1, 1], [2, 2]].
                    try expect(
                        try Answers.tanhLayerWeightGradient(
                            x: [[1, 2]], weights: [[0.5, -0.5], [0, 0.25]],
                            bias: [[-0.5, 0]], upstream: [[1, 1]]),
                        equals: [[1, 1], [2, 2]], "one example with z = 0")
                    // tanh(ln 2) = (2 − 1/2) / (2 + 1/2) = 0.6, so tanh'(ln 2) = 1 − 0.36 = 0.64.
                    // x = [[1, 1]], W = [[ln 2], [0]], b = [[0]], G = [[1]]: z = ln 2, xᵀ δ = [[0.64], [0.64]].
                    try expect(
                        try Answers.tanhLayerWeightGradient(
                            x: [[1, 1]], weights: [[log(2)], [0]],
                            bias: [[0]], upstream: [[1]]),
                        equals: [[0.64], [0.64]], "one example with z = ln 2")
                    // Two examples, z = 0 for both: xᵀ G = I G = G = [[2], [3]].
                    try expect(
                        try Answers.tanhLayerWeightGradient(
                            x: [[1, 0], [0, 1]], weights: [[0], [0]],
                            bias: [[0]], upstream: [[2], [3]]),
                        equals: [[2], [3]], "a batch of two, W = 0")
                }),
            Exercise(
                id: "2.4", title: "The chain rule",
                task: "Given f', g and g', return (f ∘ g)'(x) = f'(g(x)) · g'(x).",
                file: file, function: "chainRule(outerDerivative:inner:innerDerivative:at:)",
                hints: [
                    "The outer derivative is taken at the inner value g(x), not at x.",
                    "(f ∘ g)′(x) = f′(g(x)) · g′(x): evaluate g first, hand its value to f′, multiply by g′ at x."
                ],
                check: {
                    // f = sin, g = x²: (sin(x²))' = cos(x²) · 2x; at x = 1: 2 cos 1.
                    try expect(
                        try Answers.chainRule(
                            outerDerivative: cos, inner: { $0 * $0 }, innerDerivative: { 2 * $0 }, at: 1),
                        equals: 2 * cos(1.0), "d/dx sin(x²) at 1")
                    // f = exp, g = 3x + 1: 3 e^(3x+1); at x = 0: 3e.
                    try expect(
                        try Answers.chainRule(
                            outerDerivative: exp, inner: { 3 * $0 + 1 }, innerDerivative: { _ in 3 }, at: 0),
                        equals: 3 * exp(1.0), "d/dx exp(3x + 1) at 0")
                    // f = u³, g = sin x: 3 sin²x cos x; at π/6: 3 · (1/4) · (√3/2) = 3√3/8.
                    try expect(
                        try Answers.chainRule(
                            outerDerivative: { 3 * $0 * $0 }, inner: sin, innerDerivative: cos, at: Double.pi / 6),
                        equals: 3 * 3.0.squareRoot() / 8, "d/dx sin³x at π/6")
                }),
            Exercise(
                id: "2.5", title: "The spectral norm of a Jacobian",
                task:
                    "Return ‖J‖₂ = max ‖J d‖₂ / ‖d‖₂ for a 2x2 Jacobian J: √(the larger eigenvalue of JᵀJ). A small step d moves f(x) by about J d, so this is the most f can stretch it.",
                file: file, function: "jacobianSpectralNorm(_:)",
                hints: [
                    "JᵀJ = [[p, q], [q, r]] is symmetric: p = J₀₀² + J₁₀², q = J₀₀J₀₁ + J₁₀J₁₁, r = J₀₁² + J₁₁².",
                    "Its larger eigenvalue is (p + r)/2 + √(((p − r)/2)² + q²); the answer is the square root of that eigenvalue."
                ],
                check: {
                    // By hand: the polar map at r = 2, θ = 0 has J = [[1, 0], [0, 2]] (∂/∂θ stretched by r): ‖J‖₂ = 2.
                    try expect(
                        try Answers.jacobianSpectralNorm([[1, 0], [0, 2]]), equals: 2,
                        "jacobianSpectralNorm([[1, 0], [0, 2]])")
                    // J = [[3, 0], [4, 5]]: JᵀJ = [[25, 20], [20, 25]], λ_max = 45, ‖J‖₂ = 3√5.
                    try expect(
                        try Answers.jacobianSpectralNorm([[3, 0], [4, 5]]), equals: 3 * 5.0.squareRoot(),
                        "jacobianSpectralNorm([[3, 0], [4, 5]])")
                    // A shear [[1, 1], [0, 1]]: JᵀJ = [[1, 1], [1, 2]], λ_max = (3 + √5)/2, ‖J‖₂ = (1 + √5)/2, the golden ratio.
                    try expect(
                        try Answers.jacobianSpectralNorm([[1, 1], [0, 1]]), equals: (1 + 5.0.squareRoot()) / 2,
                        "jacobianSpectralNorm([[1, 1], [0, 1]])")
                }),
            Exercise(
                id: "2.6", title: "Minimum, maximum or saddle",
                task:
                    "At a critical point (∇f = 0) with symmetric 2x2 Hessian H, return .minimum if both eigenvalues are > 0, .maximum if both are < 0, .saddle if their signs differ, .undecided if one is 0.",
                file: file, function: "criticalPointKind(hessian:)",
                hints: [
                    "You need only the signs: det H = λ₁λ₂ and tr H = λ₁ + λ₂.",
                    "det < 0: signs differ (saddle). det = 0: undecided. det > 0: same signs, and tr H tells which."
                ],
                check: {
                    func expectKind(_ h: Matrix, _ expected: CriticalPointKind) throws {
                        let got = try Answers.criticalPointKind(hessian: h)
                        try expect(
                            got == expected,
                            "criticalPointKind(hessian: \(h.rowArrays)): expected .\(expected.rawValue), got .\(got.rawValue)"
                        )
                    }
                    // f = x² + 3y²: H = diag(2, 6), both > 0.
                    try expectKind([[2, 0], [0, 6]], .minimum)
                    // f = −x² − xy − y²: H = [[−2, −1], [−1, −2]], λ = −1, −3 (det 3 > 0, tr −4 < 0).
                    try expectKind([[-2, -1], [-1, -2]], .maximum)
                    // f = x y: H = [[0, 1], [1, 0]], λ = ±1 (det −1): a saddle, though the diagonal is all 0.
                    try expectKind([[0, 1], [1, 0]], .saddle)
                    // f = x² + 4xy + y²: H = [[2, 4], [4, 2]], λ = 6, −2: a saddle with a positive diagonal.
                    try expectKind([[2, 4], [4, 2]], .saddle)
                    // f = x² + 2xy + y² = (x + y)²: H = [[2, 2], [2, 2]], λ = 4, 0: the test cannot tell.
                    try expectKind([[2, 2], [2, 2]], .undecided)
                })
        ]
    }
}
