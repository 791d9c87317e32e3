// 12.4 Pooling and its backward pass as routing; 12.5 batch normalisation,
// forward and backward, and what it does to a deep network's activations.
import DLMath
import DLPresentation

func poolingSection(_ chapter: inout Chapter) {
    chapter.section("Pooling, and its backward pass as routing")
    chapter.formula(
        """
        max pool:      y[c, i, j] = max over the window of x          ∂L/∂x = g at the window's argmax, 0 elsewhere
        average pool:  y[c, i, j] = mean over the window of x         ∂L/∂x = g / (kh·kw) at every pixel of the window
        """)
    let grid = ImageShape(channels: 1, height: 4, width: 4)
    let x: Matrix = [[1, 2, 5, 0, 3, 6, 7, 1, 0, 9, 2, 2, 4, 4, 8, 0]]
    var maxPool = (try? MaxPool2D(input: grid, window: (2, 2)))!
    var averagePool = (try? AveragePool2D(input: grid, window: (2, 2)))!
    chapter.show("x", Matrix(rows: 4, columns: 4, elements: x.elements))
    let maxima = maxPool.forward(x), means = averagePool.forward(x)
    chapter.check(
        "2x2 max pool", computed: maxima, byHand: [[6, 7, 9, 8]],
        derivation: "max{1,2,3,6}, max{5,0,7,1}, max{0,9,4,4}, max{2,2,8,0}",
        tolerance: .tight)
    chapter.check(
        "2x2 average pool", computed: means, byHand: [[12.0 / 4, 13.0 / 4, 17.0 / 4, 12.0 / 4]],
        derivation: "12/4, 13/4, 17/4, 12/4", tolerance: .tight)
    let g: Matrix = [[10, 20, 30, 40]]
    let routed = maxPool.backward(g)
    chapter.show("∂L/∂x of max pool for g = [10 20; 30 40]", Matrix(rows: 4, columns: 4, elements: routed.elements))
    chapter.check(
        "each g lands on its window's maximum (6, 7, 9, 8), nothing elsewhere",
        computed: [routed[0, 5], routed[0, 6], routed[0, 9], routed[0, 14], routed.sum],
        byHand: [10, 20, 30, 40, 100], derivation: "[g₀₀, g₀₁, g₁₀, g₁₁, Σg]", tolerance: .tight)
    let spread = averagePool.backward(g)
    chapter.check(
        "average pool gives each pixel a quarter of its window's g", computed: [spread[0, 0], spread[0, 15]],
        byHand: [10.0 / 4, 40.0 / 4], derivation: "[10/4, 40/4]", tolerance: .tight)
    var tie = (try? MaxPool2D(input: ImageShape(channels: 1, height: 2, width: 2), window: (2, 2)))!
    _ = tie.forward([[3, 3, 1, 3]])
    chapter.say(
        "Ties: in the window [3 3; 1 3] three pixels are the max. The max is not differentiable there; this "
            + "package, like PyTorch's CPU kernel, gives the whole gradient to the first in row-major order.")
    chapter.check(
        "a tie routes g = 5 to the first maximum only", computed: tie.backward([[5]]), byHand: [[5, 0, 0, 0]],
        derivation: "window position (0, 0)", tolerance: .tight)
    chapter.say(
        "Max pooling commutes with ReLU (both are monotone: max(relu(a), relu(b)) = relu(max(a, b))), so the "
            + "network of 12.6 pools first and applies ReLU to a quarter of the values: the same function, less work.")
}

/// The standard deviation of every column of `activations` pooled: √(mean of (x − column mean)²).
func spread(_ activations: Matrix) -> Double {
    let mean = activations.mean(along: .rows)
    let centred = activations - Matrix(rows: activations.rows, columns: 1, repeating: 1) * mean
    return (centred .* centred).mean.squareRoot()
}

func batchNormSection(_ chapter: inout Chapter) {
    chapter.section("Batch normalisation, forward and backward")
    chapter.formula(
        """
        μ = (1/N) Σₖ xₖ,   σ² = (1/N) Σₖ (xₖ − μ)²,   x̂ₖ = (xₖ − μ)/√(σ² + ε),   yₖ = γ x̂ₖ + β      (N values of one feature, ε = 1e-5)
        ∂L/∂β = Σₖ gₖ,   ∂L/∂γ = Σₖ gₖ x̂ₖ,   ∂L/∂x̂ₖ = γ gₖ
        ∂x̂ₖ/∂xⱼ = (δₖⱼ − 1/N − x̂ₖ x̂ⱼ/N) / √(σ² + ε)        (from ∂μ/∂xⱼ = 1/N and ∂σ²/∂xⱼ = 2(xⱼ − μ)/N)
        ∂L/∂xⱼ = Σₖ ∂L/∂x̂ₖ ∂x̂ₖ/∂xⱼ = γ/(N √(σ² + ε)) · (N gⱼ − Σₖ gₖ − x̂ⱼ Σₖ gₖ x̂ₖ)
        evaluation: running μ and σ², updated by r ← 0.9 r + 0.1 (batch value), σ² unbiased (N/(N − 1)), as PyTorch
        """)
    chapter.say(
        "The Jacobian of x̂ is not diagonal: every value moves μ and σ, so each xⱼ reaches every output. The "
            + "gradient removes from g its mean and its component along x̂, then rescales: a normalised layer passes back "
            + "no gradient that would only shift or stretch the batch.")
    var layer = BatchNorm(features: 1)
    layer.parameters = [[[2]], [[0.5]]]
    let y = layer.forward([[1], [2], [3]])
    let g: Matrix = [[1], [0], [0]]
    let dx = layer.backward(g)
    let root = (2.0 / 3 + 1e-5).squareRoot()
    chapter.say(
        "By hand, x = 1, 2, 3 with γ = 2, β = 0.5: μ = 2, σ² = 2/3, x̂ = −1/√(2/3 + ε), 0, 1/√(2/3 + ε). "
            + "For g = (1, 0, 0): Σg = 1, Σ g x̂ = x̂₁ = −1/√(2/3 + ε).")
    chapter.check(
        "y₁ = γ x̂₁ + β", computed: y[0, 0], byHand: 0.5 - 2 / root, derivation: "0.5 − 2/√(2/3 + 10⁻⁵)",
        tolerance: .tight)
    chapter.check(
        "∂L/∂x = γ/(3√(σ²+ε)) (3g − Σg − x̂ Σgx̂)", computed: dx.elements,
        byHand: [
            2 / (3 * root) * (3 - 1 - (-1 / root) * (-1 / root)), 2 / (3 * root) * (0 - 1 - 0),
            2 / (3 * root) * (0 - 1 - (1 / root) * (-1 / root))
        ],
        derivation: "γ/(3√(σ²+ε)) · (3 − 1 − x̂₁², −1, −1 − x̂₃x̂₁)",
        tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))
    chapter.check(
        "the three gradients sum to 0 (a shift of every x changes nothing)", computed: dx.sum, byHand: 0,
        derivation: "N Σg − N Σg − Σx̂ · Σgx̂, with Σx̂ = 0", tolerance: Tolerance(absolute: 1e-12, relative: 0))

    chapter.say(
        "What it does in a deep network: 12 layers Dense(100 → 100) → ReLU, weights N(0, 0.05²) (a third of He's "
            + "σ = √(2/100) ≈ 0.14), 256 random inputs. Without normalisation each layer multiplies the spread by about "
            + "0.05·√(100/2) ≈ 0.35; with BatchNorm before each ReLU every layer starts again from mean 0 and spread 1:"
    )
    var generator = SeededGenerator(seed: 1205)
    let input = generator.normalMatrix(rows: 256, columns: 100)
    var plain: [any Layer] = [], normalised: [any Layer] = []
    for _ in 0..<12 {
        let dense = Dense(
            weights: generator.normalMatrix(rows: 100, columns: 100, standardDeviation: 0.05),
            bias: Matrix(rows: 1, columns: 100))
        plain += [dense, ActivationLayer(.relu)]
        normalised += [dense, BatchNorm(features: 100), ActivationLayer(.relu)]
    }
    var plainNetwork = Sequential(plain), normalisedNetwork = Sequential(normalised)
    let plainTrace = plainNetwork.forwardTrace(input), normalisedTrace = normalisedNetwork.forwardTrace(input)
    let plainSpreads = stride(from: 1, to: plainTrace.count, by: 2).map { spread(plainTrace[$0]) }
    let normalisedSpreads = stride(from: 2, to: normalisedTrace.count, by: 3).map { spread(normalisedTrace[$0]) }
    var table = TextTable(["layer", "spread without", "with BatchNorm"], alignments: [.right, .right, .right])
    for (index, (a, b)) in zip(plainSpreads, normalisedSpreads).enumerated() where index % 2 == 1 || index == 0 {
        table.append([String(index + 1), formatScientific(a), formatFixed(b, decimals: 3)])
    }
    chapter.table(table)
    drawBatchNormFigure(chapter, without: plainSpreads, with: normalisedSpreads)
    chapter.check(
        "without normalisation the spread falls by over 1000× in 12 layers",
        holds: plainSpreads.last! < plainSpreads.first! / 1000,
        detail: "\(formatScientific(plainSpreads.first!)) → \(formatScientific(plainSpreads.last!))")
    // A standardised value passed through ReLU: E[relu(z)²] = ½, E[relu(z)] = 1/√(2π), so the spread is √(½ − 1/(2π)) ≈ 0.584.
    chapter.check(
        "with BatchNorm the last ReLU's spread is that of relu(z), z ~ N(0, 1)", computed: normalisedSpreads.last!,
        byHand: (0.5 - 1 / (2 * Double.pi)).squareRoot(), derivation: "√(½ − 1/(2π))",
        tolerance: Tolerance(absolute: 0.02, relative: 0))
}
