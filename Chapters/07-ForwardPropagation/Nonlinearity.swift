// Chapter 7, 7.4: why a network needs a non-linearity (XOR, and what a width-n layer can represent).
import DLMath
import DLPresentation
import Foundation

func whyANonlinearity(_ chapter: inout Chapter) {
    chapter.section("Why a network needs a non-linearity")
    chapter.say(
        "Without an activation, two dense layers are one: (x W₁ + b₁) W₂ + b₂ = x (W₁W₂) + (b₁W₂ + b₂), an "
            + "affine map, however many layers are stacked. An affine map cannot compute XOR: by symmetry the "
            + "least-squares plane through the four points predicts ½ everywhere (MSE ¼), and no plane does better.")
    var linear = Sequential([
        Dense(weights: [[1, -2], [0.5, 1]], bias: [[0.5, -1]]), Dense(weights: [[2], [-1]], bias: [[0.25]])
    ])
    let point: Matrix = [[3, -1]]
    // By hand: x W₁ + b₁ = [3 − 0.5 + 0.5, −6 − 1 − 1] = [3, −8]; times W₂ = 6 + 8 = 14, + 0.25.
    // Collapsed: W₁W₂ = [[2 + 2], [1 − 1]] = [[4], [0]], b₁W₂ + b₂ = 1 + 1 + 0.25 = 2.25: 3·4 + 2.25 = 14.25.
    chapter.check(
        "two layers without activation = one affine map, at x = (3, −1)", computed: linear.forward(point)[0, 0],
        byHand: 3 * 4 + (-1) * 0 + 2.25, derivation: "W₁W₂ = (4, 0)ᵀ, b₁W₂ + b₂ = 2.25: 12 + 2.25")
    let xor = TrainingExamples(inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]])
    let plane = normalEquationsSolution(features: LinearRegression.withIntercept(xor.inputs), targets: xor.targets)!
    chapter.check(
        "the least-squares plane through XOR", computed: plane.elements, byHand: [0.5, 0, 0],
        derivation: "w₀ = ½, w₁ = w₂ = 0 (XᵀX w = Xᵀy with the four points)",
        tolerance: Tolerance(absolute: 1e-12, relative: 0))
    chapter.formula("h₁ = relu(x₁ + x₂),   h₂ = relu(x₁ + x₂ − 1),   y = h₁ − 2 h₂")
    var network = Sequential([
        Dense(weights: [[1, 1], [1, 1]], bias: [[0, -1]]), ActivationLayer(.relu),
        Dense(weights: [[1], [-2]], bias: [[0]])
    ])
    chapter.check(
        "one ReLU layer of width 2 computes XOR exactly", computed: network.forward(xor.inputs),
        byHand: [[0], [1], [1], [0]],
        derivation: "(0,0): 0; (0,1), (1,0): 1 − 0; (1,1): 2 − 2·1")
    chapter.say(
        "What one hidden layer of width n represents, on one input: a sum of n ReLUs aᵢ relu(wᵢx + bᵢ) plus a "
            + "constant is piecewise linear with at most n kinks (one where each wᵢx + bᵢ = 0). So |x| = relu(x) + relu(−x) "
            + "needs 2 units, and any piecewise-linear function with n kinks needs n; with enough units such functions "
            + "approximate any continuous function on an interval (the universal approximation theorem), but the width "
            + "needed grows with the detail.")
    // y = relu(x + 2) − 2 relu(x) + 2 relu(x − 1) − relu(x − 3): kinks at −2, 0, 1 and 3.
    let width = 4
    var pieces = Sequential([
        Dense(weights: [[1, 1, 1, 1]], bias: [[2, 0, -1, -3]]), ActivationLayer(.relu),
        Dense(weights: [[1], [-2], [2], [-1]], bias: [[0]])
    ])
    let grid = (0...4000).map { -4 + Double($0) * 0.002 }
    let values = pieces.forward(Matrix(column: grid)).elements
    let slopes = zip(values, values.dropFirst()).map { ($1 - $0) / 0.002 }
    // A kink inside a grid interval changes the slope at both of its ends: count runs of neighbouring changes.
    let changes = zip(slopes, slopes.dropFirst()).enumerated().filter { abs($1.0 - $1.1) > 1e-6 * max(1, abs($1.0)) }
        .map(\.offset)
    let kinks = zip(changes, [-2] + changes).filter { $0 != $1 + 1 }.count
    chapter.check(
        "relu(x + 2) − 2 relu(x) + 2 relu(x − 1) − relu(x − 3), width 4: 4 kinks on [−4, 4]", holds: kinks == width,
        detail: "\(kinks) kinks found on a grid of step 0.002 (a slope change, or two at the ends of one interval)")
}
