// Chapter 8 · Backpropagation. Run: swift run ch08
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 8, title: "Backpropagation")

// MARK: 8.1 The chain rule on a computational graph

chapter.section("The chain rule on a computational graph")
chapter.say(
    "Write f = (a·b + c)·d as a graph of small steps: e = a·b, s = e + c, f = s·d. Each step knows its local derivatives; the chain rule multiplies them along the path from f back to each input."
)
chapter.formula(
    """
    ∂f/∂s = d          ∂f/∂d = s
    ∂f/∂c = ∂f/∂s · ∂s/∂c = d · 1
    ∂f/∂a = ∂f/∂s · ∂s/∂e · ∂e/∂a = d · 1 · b
    ∂f/∂b = d · 1 · a
    """)
let (a0, b0, c0, d0) = (2.0, -3.0, 10.0, -2.0)
chapter.say("At a = 2, b = −3, c = 10, d = −2: e = −6, s = 4, f = −8.")
let a = Value(a0, label: "a"), b = Value(b0, label: "b"), c = Value(c0, label: "c"), d = Value(d0, label: "d")
let e = (a * b).labelled("e")
let s = (e + c).labelled("s")
let f = (s * d).labelled("f")
f.backward()
chapter.check("f", computed: f.data, byHand: -8, derivation: "(2·(−3) + 10)·(−2)")
chapter.check("∂f/∂a = d·b", computed: a.gradient, byHand: d0 * b0, derivation: "(−2)·(−3)")
chapter.check("∂f/∂b = d·a", computed: b.gradient, byHand: d0 * a0, derivation: "(−2)·2")
chapter.check("∂f/∂c = d", computed: c.gradient, byHand: d0)
chapter.check("∂f/∂d = a·b + c", computed: d.gradient, byHand: a0 * b0 + c0, derivation: "−6 + 10")
chapter.say("The graph after the backward pass (each node's value and ∂f/∂node):")
chapter.block(f.graphDescription())

// MARK: 8.2 The scalar engine on a neuron

chapter.section("A tiny autodiff engine: a neuron")
chapter.say(
    "Every operation of the engine records its inputs and sets its own backward rule beside its forward rule. backward() visits the nodes in reverse topological order, so a node's gradient is complete before it is passed on. A neuron o = tanh(x₁w₁ + x₂w₂ + b):"
)
chapter.formula("∂o/∂wᵢ = (1 − o²)·xᵢ,   ∂o/∂xᵢ = (1 − o²)·wᵢ,   ∂o/∂b = 1 − o²")
let x1 = Value(2, label: "x1"), x2 = Value(0, label: "x2")
let w1 = Value(-3, label: "w1"), w2 = Value(1, label: "w2")
// b is chosen so that n = x₁w₁ + x₂w₂ + b = atanh(1/√2) ≈ 0.8814: o = 1/√2 and 1 − o² = ½.
let neuronBias = Value(6 + atanh(1 / 2.0.squareRoot()), label: "b")
let n = (x1 * w1 + x2 * w2 + neuronBias).labelled("n")
let o = n.tanh().labelled("o")
o.backward()
chapter.block(o.graphDescription())
chapter.check("o = tanh(n) = 1/√2", computed: o.data, byHand: 1 / 2.0.squareRoot())
chapter.check("∂o/∂w1 = (1 − o²)·x1", computed: w1.gradient, byHand: 1, derivation: "½·2")
chapter.check("∂o/∂x1 = (1 − o²)·w1", computed: x1.gradient, byHand: -1.5, derivation: "½·(−3)")
chapter.check("∂o/∂w2 = (1 − o²)·x2", computed: w2.gradient, byHand: 0, derivation: "½·0")
chapter.check("∂o/∂x2 = (1 − o²)·w2", computed: x2.gradient, byHand: 0.5, derivation: "½·1")

// MARK: 8.3 A value used twice

chapter.section("A value used twice")
chapter.say(
    "When a value feeds two operations, both paths contribute to its gradient (the multivariable chain rule), so backward rules add (+=) instead of assigning. For f = x·x + x, the multiplication contributes x + x and the addition 1."
)
chapter.formula("f(x) = x² + x,   f′(x) = 2x + 1")
let x = Value(3, label: "x")
let square = (x * x).labelled("x·x")
let reused = (square + x).labelled("f")
reused.backward()
chapter.block(reused.graphDescription())
chapter.check("f′(3)", computed: x.gradient, byHand: 7, derivation: "2·3 + 1")
chapter.check(
    "a + a: both operands are the same node, gradient 2",
    computed: {
        let v = Value(5)
        (v + v).backward()
        return v.gradient
    }(), byHand: 2)

// MARK: 8.4 A two-layer network by hand

chapter.section("The backward pass of a two-layer network, by hand")
chapter.say(
    "x (1 x 2) → Dense(2 → 2) → tanh → Dense(2 → 1) → ŷ, with the squared error L = ½(ŷ − t)². Going backward, each step multiplies by a local derivative:"
)
chapter.formula(
    """
    δ₂ = ∂L/∂ŷ = ŷ − t
    ∂L/∂W₂ = a₁ᵀ δ₂,          ∂L/∂b₂ = δ₂
    ∂L/∂a₁ = δ₂ W₂ᵀ
    δ₁ = ∂L/∂z₁ = ∂L/∂a₁ ⊙ (1 − a₁²)      (tanh′ = 1 − tanh²)
    ∂L/∂W₁ = xᵀ δ₁,           ∂L/∂b₁ = δ₁,        ∂L/∂x = δ₁ W₁ᵀ
    """)
let input: Matrix = [[1, 2]], target = 1.0
let (w11, w12, w21, w22) = (0.1, -0.2, 0.3, 0.4)
let (b11, b12) = (0.0, -0.1)
let (v1, v2, c2) = (0.5, -0.6, 0.2)
var twoLayer = Sequential([
    Dense(weights: [[w11, w12], [w21, w22]], bias: [[b11, b12]]), ActivationLayer(.tanh),
    Dense(weights: [[v1], [v2]], bias: [[c2]])
])
// By hand, one scalar at a time: z₁ = [0.1 + 0.6 + 0, −0.2 + 0.8 − 0.1] = [0.7, 0.5].
let z = [1 * w11 + 2 * w21 + b11, 1 * w12 + 2 * w22 + b12]
let hidden = z.map { tanh($0) }
let prediction = hidden[0] * v1 + hidden[1] * v2 + c2
let delta2 = prediction - target
let delta1 = [delta2 * v1 * (1 - hidden[0] * hidden[0]), delta2 * v2 * (1 - hidden[1] * hidden[1])]
let byHand: [Matrix] = [
    [[1 * delta1[0], 1 * delta1[1]], [2 * delta1[0], 2 * delta1[1]]],  // xᵀ δ₁
    [[delta1[0], delta1[1]]],  // δ₁
    [[hidden[0] * delta2], [hidden[1] * delta2]],  // a₁ᵀ δ₂
    [[delta2]]  // δ₂
]
let inputByHand: Matrix = [[delta1[0] * w11 + delta1[1] * w12, delta1[0] * w21 + delta1[1] * w22]]
chapter.say("Everything needed to redo it by hand:")
chapter.show("x", input)
chapter.show("W₁", [[w11, w12], [w21, w22]])
chapter.show("b₁", [[b11, b12]])
chapter.show("W₂", [[v1], [v2]])
chapter.show("b₂", c2)
chapter.show("t", target)
chapter.show("z₁ = x W₁ + b₁", z)
chapter.show("a₁ = tanh(z₁)", hidden)
chapter.show("ŷ", prediction)
chapter.show("δ₂ = ŷ − t", delta2)
chapter.show("δ₁", delta1)

// Way 1: the layers' hand-written backward passes.
let output = twoLayer.forward(input)
let inputGradient = twoLayer.backward(output - target)
let names = ["∂L/∂W₁", "∂L/∂b₁", "∂L/∂W₂", "∂L/∂b₂"]
for (index, name) in names.enumerated() {
    chapter.check(
        "\(name): layer backward = by hand", computed: twoLayer.parameterGradients[index], byHand: byHand[index],
        tolerance: .tight)
}
chapter.check("∂L/∂x: layer backward = by hand", computed: inputGradient, byHand: inputByHand, tolerance: .tight)

// Way 2: the scalar engine on the same network.
let scalarOutputs: [[Value]]
let scalarInputs = ScalarNetwork.leaves(input, label: "x")
do {
    let scalar = try ScalarNetwork(twoLayer)
    scalarOutputs = scalar.forward(scalarInputs)
    let loss = 0.5 * (scalarOutputs[0][0] - target).power(2)
    loss.backward()
    for (index, name) in names.enumerated() {
        chapter.check(
            "\(name): engine = by hand", computed: scalar.parameterGradients()[index], byHand: byHand[index],
            tolerance: .tight)
    }
    chapter.check(
        "∂L/∂x: engine = by hand", computed: ScalarNetwork.gradients(scalarInputs), byHand: inputByHand,
        tolerance: .tight)
} catch {
    chapter.check("the engine rebuilds the network", holds: false, detail: "\(error)")
}

// Way 3: central differences on L as a function of each parameter.
func squaredError(_ y: Matrix) -> Double { 0.5 * (y[0, 0] - target) * (y[0, 0] - target) }
let checks = layerGradientChecks(twoLayer, input: input, loss: squaredError, lossGradient: { $0 - target })
for (result, name) in zip(checks, ["∂L/∂x"] + names) {
    chapter.check(
        "\(name): layer backward = central differences (largest error \(formatScientific(result.maximumError)))",
        holds: result.passed, detail: result.description)
}
chapter.say("The loss over two of the weights, with gradient descent on them driven by the backward pass:")
drawLossSurfaceFigures(chapter, network: twoLayer, input: input, target: target)
drawComputationGraphFigures(chapter, neuron: o, network: twoLayer, input: input, target: target)

// MARK: 8.5 Gradient checking every layer

chapter.section("Gradient checking")
chapter.say(
    "A gradient check compares each analytic derivative with a central difference (f(θ + h) − f(θ − h))/2h, h = 1e-5, whose error is O(h²) ≈ 1e-10. The error measured is |analytic − numerical| / max(1, |analytic|, |numerical|); below 1e-6 the backward pass is right. Every layer type on a seeded batch, loss ½ Σ (y − t)²:"
)
chapter.formula("error = |g − ĝ| / max(1, |g|, |ĝ|)   with ĝ = (L(θ + h) − L(θ − h)) / 2h")
var generator = SeededGenerator(seed: 8)
var candidates: [any Layer] = [Dense(inputs: 4, outputs: 3, initializer: .heNormal, generator: &generator)]
for activation in [
    Activation.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu(alpha: 1), .geluExact, .geluTanh, .softplus
] {
    candidates.append(ActivationLayer(activation))
}
candidates.append(
    Sequential([
        Dense(inputs: 4, outputs: 5, initializer: .heNormal, generator: &generator), ActivationLayer(.tanh),
        Dense(inputs: 5, outputs: 3, initializer: .xavierUniform, generator: &generator)
    ]))
var checkTable = TextTable(["layer", "checked", "largest error"], alignments: [.left, .right, .right])
var largestErrors: [Double] = []
var checkErrors: [(name: String, errors: [Double])] = []  // every check, for the figure
for candidate in candidates {
    // Inputs at least 0.1 away from 0, the kink of ReLU, leaky ReLU and ELU.
    let batchInput = generator.normalMatrix(rows: 3, columns: 4).map { abs($0) < 0.1 ? $0 + 0.2 : $0 }
    let columns = (try? candidate.outputColumns(forInputColumns: 4)) ?? 4
    let batchTarget = generator.normalMatrix(rows: 3, columns: columns)
    let results = layerGradientChecks(
        candidate, input: batchInput,
        loss: { y in
            let r = y - batchTarget; return 0.5 * (r .* r).sum
        },
        lossGradient: { $0 - batchTarget })
    let largest = results.map(\.maximumError).max() ?? 0
    largestErrors.append(largest)
    checkErrors.append((candidate.description, results.map(\.maximumError)))
    checkTable.append([candidate.description, "input + \(results.count - 1) parameters", formatScientific(largest)])
}
chapter.table(checkTable)
chapter.check(
    "every layer type passes (largest error below 1e-6)", holds: largestErrors.allSatisfy { $0 < 1e-6 },
    detail: "largest of all: \(formatScientific(largestErrors.max() ?? 0))")

drawGradientCheckFigure(chapter, layers: checkErrors)

// MARK: 8.6 Where the book is wrong

chapter.section("Where the book is wrong")
chapter.say(
    "\"Each neuron has one input and one output\" (chapter 7's errata) would make backpropagation a product of "
        + "scalars along a single path. In a network every hidden value feeds every neuron of the next layer, so its "
        + "gradient is a sum over all of them, ∂L/∂a₁ = δ₂ W₂ᵀ, and every input's gradient a sum over the hidden units, "
        + "∂L/∂x = δ₁ W₁ᵀ: the += of 8.3, not a chain of single products. In 8.4 each entry of ∂L/∂x has two terms:")
let paths = [delta1[0] * w11, delta1[1] * w12]
chapter.show("the two paths into ∂L/∂x₁, δ₁₁ W₁[1,1] and δ₁₂ W₁[1,2]", paths)
chapter.check(
    "∂L/∂x₁ is the sum of both paths, not either one", computed: inputGradient[0, 0], byHand: paths[0] + paths[1],
    derivation: "δ₁₁ · 0.1 + δ₁₂ · (−0.2)", tolerance: .tight)
chapter.check(
    "and neither path alone is the gradient", holds: paths.allSatisfy { abs($0 - inputGradient[0, 0]) > 1e-3 },
    detail:
        "paths \(arrayText(paths, significantDigits: 4)) against \(formatCompact(inputGradient[0, 0], significantDigits: 6))"
)

chapter.finish()
