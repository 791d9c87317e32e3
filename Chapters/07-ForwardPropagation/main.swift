// Chapter 7 · Forward propagation. Run: swift run ch07
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(number: 7, title: "Forward propagation")

// MARK: 7.1 A neuron

chapter.section("A neuron")
chapter.say(
    "A neuron weighs its inputs, adds a bias and applies an activation φ. A neuron is a dense layer with one output: its weights are a column."
)
chapter.formula("z = w · x + b = Σₖ wₖ xₖ + b,    a = φ(z)")
let neuronInput: Matrix = [[1, 2, 3]]
var neuron = Dense(weights: Matrix(column: [0.5, -1, 0.25]), bias: [[1]])
chapter.show("x", neuronInput)
chapter.show("w", [0.5, -1, 0.25])
chapter.show("b", 1.0)
let neuronZ = neuron.forward(neuronInput)
chapter.check(
    "z = w · x + b", computed: neuronZ[0, 0], byHand: 0.25,
    derivation: "0.5·1 − 1·2 + 0.25·3 + 1 = 0.5 − 2 + 0.75 + 1")
chapter.check("relu(z)", computed: Activation.relu(neuronZ)[0, 0], byHand: 0.25, derivation: "max(0.25, 0)")
chapter.check(
    "σ(z)", computed: Activation.sigmoid(neuronZ)[0, 0], byHand: 1 / (1 + exp(-0.25)),
    derivation: "1/(1 + e^−0.25)")

// MARK: 7.2 A dense layer

chapter.section("A dense layer")
chapter.say(
    "A layer of k neurons on n inputs stacks their weight columns into an n x k matrix W. A batch of m examples, one per row, goes through in one matrix product; the bias row is added to every row (broadcasting)."
)
chapter.formula("Y = X W + b        X: m x n,  W: n x k,  b: 1 x k,  Y: m x k")
let layerInput: Matrix = [[1, 2], [3, -1]]
var layer = Dense(weights: [[1, 0, -1], [2, 1, 0]], bias: [[0.5, -1, 2]])
chapter.show("X", layerInput)
chapter.show("W", layer.weights)
chapter.show("b", layer.bias)
chapter.check(
    "Y = X W + b", computed: layer.forward(layerInput), byHand: [[5.5, 1, 1], [1.5, -2, -1]],
    derivation: "[1+4+0.5, 0+2−1, −1+0+2; 3−2+0.5, 0−1−1, −3+0+2]")

// MARK: 7.3 An MLP forward pass

chapter.section("A multilayer perceptron, shape by shape")
chapter.say(
    "A multilayer perceptron alternates dense layers and activations. Follow the shapes: the batch dimension m never changes, the feature dimension becomes each layer's width."
)
chapter.formula("a₀ = X,   zₗ = aₗ₋₁ Wₗ + bₗ,   aₗ = φ(zₗ),   ŷ = z_L (no activation at the end)")
var generator = SeededGenerator(seed: 7)
var mlp = Sequential([
    Dense(inputs: 4, outputs: 8, initializer: .heNormal, generator: &generator), ActivationLayer(.relu),
    Dense(inputs: 8, outputs: 8, initializer: .heNormal, generator: &generator), ActivationLayer(.relu),
    Dense(inputs: 8, outputs: 3, initializer: .xavierUniform, generator: &generator)
])
let batch = generator.normalMatrix(rows: 5, columns: 4)
let trace = mlp.forwardTrace(batch)
var shapes = TextTable(["step", "computes", "shape"], alignments: [.left, .left, .right])
shapes.append(["input", "X", batch.shapeDescription])
for (index, (layer, output)) in zip(mlp.layers, trace).enumerated() {
    let name =
        index % 2 == 0
        ? "z\(index / 2 + 1) = a\(index / 2) W\(index / 2 + 1) + b\(index / 2 + 1)"
        : "a\(index / 2 + 1) = relu(z\(index / 2 + 1))"
    shapes.append([layer.description, name, output.shapeDescription])
}
chapter.table(shapes)
// The same pass written out entry by entry, in scalar arithmetic (no Matrix product, no Activation code).
let parameters = mlp.parameters
/// relu (when `activate`) of row r of `input` times `weights` plus `bias`, one sum at a time.
func scalarLayer(_ input: [[Double]], _ weights: Matrix, _ bias: Matrix, activate: Bool) -> [[Double]] {
    input.map { row in
        (0..<weights.columns).map { j in
            var sum = bias[0, j]
            for k in 0..<weights.rows { sum += row[k] * weights[k, j] }
            return activate ? max(0, sum) : sum
        }
    }
}
let batchRows = (0..<batch.rows).map { r in (0..<batch.columns).map { batch[r, $0] } }
let byHandOutput = scalarLayer(
    scalarLayer(
        scalarLayer(batchRows, parameters[0], parameters[1], activate: true),
        parameters[2], parameters[3], activate: true), parameters[4], parameters[5], activate: false)
chapter.check(
    "ŷ from the network = relu(relu(X W₁ + b₁) W₂ + b₂) W₃ + b₃, each entry a sum written out",
    computed: trace.last!, byHand: Matrix(byHandOutput), tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))
let chain = ([batch] + trace).map(\.shapeDescription)
chapter.check(
    "shapes chain 5x4 → 5x8 → 5x8 → 5x8 → 5x8 → 5x3 (the input, then after each of the 5 layers)",
    holds: chain == ["5x4", "5x8", "5x8", "5x8", "5x8", "5x3"], detail: chain.joined(separator: " → "))

// MARK: 7.4 Why a non-linearity (Nonlinearity.swift)

whyANonlinearity(&chapter)

// MARK: 7.4 Counting parameters

chapter.section("Counting parameters")
chapter.say(
    "A dense layer from n inputs to k outputs has n·k weights and k biases; activations have none. The classic digit classifier 784 → 128 → 64 → 10:"
)
chapter.formula("parameters(Dense n → k) = n·k + k")
let classifier = Sequential([
    Dense(inputs: 784, outputs: 128, generator: &generator), ActivationLayer(.relu),
    Dense(inputs: 128, outputs: 64, generator: &generator), ActivationLayer(.relu),
    Dense(inputs: 64, outputs: 10, generator: &generator)
])
var summary = TextTable(["layer", "output shape", "parameters"], alignments: [.left, .right, .right])
do {
    for row in try classifier.shapeReport(inputColumns: 784, batchSize: 32) {
        summary.append([row.layer, row.outputShape, String(row.parameterCount)])
    }
} catch {
    chapter.check("shape report", holds: false, detail: "\(error)")
}
summary.append(["total", "", String(classifier.parameterCount)])
chapter.table(summary)
chapter.check(
    "Dense(784 → 128)", computed: Double(classifier.layers[0].parameterCount), byHand: 100_480,
    derivation: "784·128 + 128")
chapter.check(
    "total", computed: Double(classifier.parameterCount), byHand: 109_386,
    derivation: "100,480 + (128·64 + 64) + (64·10 + 10) = 100,480 + 8,256 + 650")

// MARK: 7.5 Initialisation

chapter.section("Initialisation: Xavier and He")
chapter.say(
    "Before training the weights are random. Their variance decides whether a signal survives many layers. With zero bias, z = Σₖ wₖ aₖ over fan_in terms, so Var(z) = fan_in · Var(w) · E[a²]. Xavier (Glorot) keeps the variance for tanh-like units, He for ReLU, which zeroes half of its inputs: E[relu(z)²] = Var(z)/2."
)
chapter.formula(
    """
    Xavier uniform:  w ~ U(−a, a),  a = √(6/(fan_in + fan_out)),  Var = a²/3 = 2/(fan_in + fan_out)
    Xavier normal:   w ~ N(0, 2/(fan_in + fan_out))
    He normal:       w ~ N(0, 2/fan_in)
    He uniform:      w ~ U(−a, a),  a = √(6/fan_in),  Var = 2/fan_in
    """)
let (fanIn, fanOut) = (256, 128)
for initializer in [WeightInitializer.xavierUniform, .heNormal] {
    let weights = initializer.matrix(fanIn: fanIn, fanOut: fanOut, using: &generator)
    let n = Double(weights.count)
    let sampleVariance = (weights .* weights).sum / n
    let expected = initializer.variance(fanIn: fanIn, fanOut: fanOut)
    // The mean of n squares estimates the variance with standard error ≈ Var·√(2/n)
    // (normal) or Var·√(0.8/n) (uniform); allow 5 of them.
    let relativeError = 5 * ((initializer.uniformLimit(fanIn: fanIn, fanOut: fanOut) == nil ? 2 : 0.8) / n).squareRoot()
    chapter.check(
        "\(initializer.name), \(fanIn) x \(fanOut): sample variance of \(weights.count) weights",
        computed: sampleVariance, byHand: expected,
        derivation: initializer == .heNormal ? "2/\(fanIn)" : "2/(\(fanIn) + \(fanOut))",
        tolerance: Tolerance(absolute: 0, relative: relativeError))
    drawWeightHistogram(chapter, weights: weights, initializer: initializer, fanIn: fanIn, fanOut: fanOut)
}
forwardAndBackwardVariance(&chapter, generator: &generator)

// MARK: 7.6 Activations through depth

chapter.section("The spread of activations through ten layers")
chapter.say(
    "Ten blocks of Dense(128 → 128) and an activation, biases 0, a batch of 256 standard normal inputs. The table shows the standard deviation of the activations after each block. Too-small weights make the signal vanish, too-large ones make ReLU explode and tanh saturate at ±1. With Xavier, tanh decays only slowly (tanh shrinks what passes through it), and He keeps ReLU's spread roughly constant."
)
let studies: [DepthStudy] = [
    DepthStudy(activation: .tanh, initializer: .normal(standardDeviation: 0.01)),
    DepthStudy(activation: .tanh, initializer: .xavierNormal),
    DepthStudy(activation: .tanh, initializer: .normal(standardDeviation: 1)),
    DepthStudy(activation: .relu, initializer: .normal(standardDeviation: 0.01)),
    DepthStudy(activation: .relu, initializer: .xavierNormal),
    DepthStudy(activation: .relu, initializer: .heNormal),
    DepthStudy(activation: .relu, initializer: .normal(standardDeviation: 0.2))
]
var depthTable = TextTable(
    ["activation", "initialiser"] + (1...10).map { "l\($0)" },
    alignments: [.left, .left] + Array(repeating: .right, count: 10))
for study in studies {
    depthTable.append(
        [study.activation.name, study.initializer.name]
            + study.standardDeviations.map { formatCompact($0, significantDigits: 2) })
}
chapter.table(depthTable)
drawDepthFigures(chapter, studies: studies)
let he = studies[5].standardDeviations, xavierReLU = studies[4].standardDeviations
let tooSmall = studies[3].standardDeviations, tanhXavier = studies[1].standardDeviations
chapter.check(
    "He + ReLU: the spread after 10 layers is within a factor 1.5 of the first layer's",
    holds: he[9] / he[0] > 1 / 1.5 && he[9] / he[0] < 1.5,
    detail:
        "std l10 / std l1 = \(formatCompact(he[9] / he[0], significantDigits: 3)) (expected 1 up to finite-width noise)"
)
// Xavier with ReLU: Var(z) is multiplied by fan_in · (2/(2·fan_in)) · ½ = ½ per layer,
// so the standard deviation shrinks by √2 per layer: 9 layers give (1/√2)⁹ ≈ 0.044.
chapter.check(
    "Xavier + ReLU: the spread shrinks by about √2 per layer",
    holds: abs(log(xavierReLU[9] / xavierReLU[0]) - 9 * log(0.5.squareRoot())) < 0.5,
    detail:
        "std l10 / std l1 = \(formatCompact(xavierReLU[9] / xavierReLU[0], significantDigits: 3)), (1/√2)⁹ = \(formatCompact(pow(0.5, 4.5), significantDigits: 3))"
)
chapter.check(
    "σ = 0.01 + ReLU: the signal vanishes (std at layer 10 below 1e-10)", holds: tooSmall[9] < 1e-10,
    detail: "std l10 = \(formatScientific(tooSmall[9]))")
chapter.check(
    "Xavier + tanh: the spread stays of order 0.1 to 1 through 10 layers",
    holds: tanhXavier.allSatisfy { $0 > 0.1 && $0 < 1 },
    detail:
        "min \(formatCompact(tanhXavier.min()!, significantDigits: 3)), max \(formatCompact(tanhXavier.max()!, significantDigits: 3))"
)

// MARK: 7.8 Where the book is wrong (Errata.swift)

whereTheBookIsWrong(&chapter, classifier: classifier)

chapter.finish()
