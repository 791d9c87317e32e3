import DLMath
import DLPresentation
import Foundation

func quadraticFormGradient(_ chapter: inout Chapter) {
    chapter.section("The gradient of xᵀ A x")
    chapter.say(
        "Quadratic forms are the losses of linear regression and the local model of every smooth loss. Writing xᵀAx = Σᵢⱼ xᵢ aᵢⱼ xⱼ and differentiating by xₖ gives Σⱼ aₖⱼ xⱼ + Σᵢ xᵢ aᵢₖ: one term from each occurrence of x."
    )
    chapter.formula("∇ₓ (xᵀ A x) = (A + Aᵀ) x      = 2 A x when A is symmetric      Hessian = A + Aᵀ")
    let a: Matrix = [[1, 2], [0, 3]]
    let x: [Double] = [1, -1]
    let form: ([Double]) -> Double = { $0.dot(a * $0) }
    chapter.show("A", a)
    chapter.show("x", x)
    chapter.check("xᵀ A x", computed: form(x), byHand: 2, derivation: "1·1 + 2·1·(−1) + 0 + 3·(−1)² = 1 − 2 + 3")
    let analytic = (a + a.transposed) * x
    chapter.check("(A + Aᵀ) x", computed: analytic, byHand: [0, -4], derivation: "[[2, 2], [2, 6]] [1, −1]")
    let check = gradientCheck(analytic, of: form, at: x, name: "xᵀAx")
    chapter.check("gradient check against central differences", holds: check.passed, detail: check.description)
    chapter.check(
        "Hessian = A + Aᵀ", computed: numericalHessian(of: form, at: x), byHand: [[2, 2], [2, 6]],
        derivation: "constant, the same at every x", tolerance: .numerical)
    chapter.check(
        "the wrong guess 2 A x fails the check (A is not symmetric)",
        holds: !gradientCheck(2 * a * x, of: form, at: x, name: "2Ax").passed,
        detail: gradientCheck(2 * a * x, of: form, at: x, name: "2Ax").description)
}

func layerGradient(_ chapter: inout Chapter) {
    chapter.section("The gradient of a layer y = σ(x W + b)")
    chapter.say(
        "A dense layer computes z = x W + b and y = σ(z) element by element. Training needs ∂L/∂W for a loss L that depends on y; the backward pass receives G = ∂L/∂y from the layer above. By the chain rule through zᵢⱼ = Σₗ xᵢₗ Wₗⱼ + bⱼ: ∂L/∂Wₗⱼ = Σᵢ xᵢₗ Gᵢⱼ σ'(zᵢⱼ). Here σ = tanh, with σ'(z) = 1 − tanh²(z) (chapter 5 has the other activations)."
    )
    chapter.formula(
        """
        δ = G ⊙ σ'(z)        (the gradient at z, k x m)
        ∂L/∂W = xᵀ δ         (n x k)(k x m) → n x m, the shape of W
        ∂L/∂b = Σᵢ δᵢ        (sum along the rows, 1 x m)
        """)
    chapter.say(
        "By hand first: one example x = [1, 2], W = [[0.5, −0.5], [0, 0.25]], b = [−0.5, 0], so z = [0.5 + 0 − 0.5, −0.5 + 0.5 + 0] = [0, 0] and σ'(0) = 1. With L = y₁ + y₂ (G = [1, 1]), δ = [1, 1] and ∂L/∂W = xᵀ [1, 1] = [[1, 1], [2, 2]]."
    )
    let x: Matrix = [[1, 2]]
    let w: Matrix = [[0.5, -0.5], [0, 0.25]]
    let b: Matrix = [[-0.5, 0]]
    let g: Matrix = [[1, 1]]
    let z = x * w + b
    let delta = g .* (1 - z.map(tanh).map { $0 * $0 })
    chapter.check("z = x W + b", computed: z, byHand: [[0, 0]], derivation: "[0.5 − 0.5, −0.5 + 0.5]")
    chapter.check(
        "∂L/∂W = xᵀ δ", computed: x.transposed * delta, byHand: [[1, 1], [2, 2]], derivation: "[1, 2]ᵀ [1, 1]")
    chapter.check("∂L/∂b = δ", computed: delta.sum(along: .rows), byHand: [[1, 1]], derivation: "σ'(0) = 1")

    chapter.say(
        "Then a batch of 4 random examples, 3 inputs, 2 outputs, and a random G, checked against central differences of L(W) = Σᵢⱼ Gᵢⱼ σ(x W + b)ᵢⱼ:"
    )
    var generator = SeededGenerator(seed: 2)
    let xs = generator.normalMatrix(rows: 4, columns: 3)
    let ws = generator.normalMatrix(rows: 3, columns: 2)
    let bs = generator.normalMatrix(rows: 1, columns: 2)
    let gs = generator.normalMatrix(rows: 4, columns: 2)
    let loss: (Matrix, Matrix) -> Double = { w, b in (gs .* (xs * w + b).map(tanh)).sum }
    let ys = (xs * ws + bs).map(tanh)
    let deltas = gs .* (1 - ys .* ys)
    let weightCheck = gradientCheck(xs.transposed * deltas, of: { loss($0, bs) }, at: ws, name: "∂L/∂W")
    chapter.check("∂L/∂W = xᵀ (G ⊙ σ'(z)), shape 3x2", holds: weightCheck.passed, detail: weightCheck.description)
    let biasCheck = gradientCheck(deltas.sum(along: .rows), of: { loss(ws, $0) }, at: bs, name: "∂L/∂b")
    chapter.check("∂L/∂b = Σᵢ (G ⊙ σ'(z))ᵢ, shape 1x2", holds: biasCheck.passed, detail: biasCheck.description)
}
