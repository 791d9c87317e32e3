import DLMath
import Foundation

/// The exercises of chapter 8 (backpropagation).
public protocol Chapter08Exercises {
    /// 8.1 The gradient [∂f/∂a, ∂f/∂b, ∂f/∂c, ∂f/∂d] of f = (a·b + c)·d by the chain rule.
    static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double]
    /// 8.2 The backward pass of Y = X W + b for g = ∂L/∂Y: (∂L/∂W = Xᵀ g, ∂L/∂b = Σ rows of g, ∂L/∂X = g Wᵀ).
    static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
        -> (weights: Matrix, bias: Matrix, input: Matrix)
    /// 8.3 The backward pass of ReLU: ∂L/∂z = g ⊙ 1[z > 0] (0 where z ≤ 0, including z = 0).
    static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix
    /// 8.4 The whole backward pass of Y = relu(X W₁ + b₁) W₂ + b₂ for G = ∂L/∂Y: the gradients of W₁, b₁, W₂, b₂.
    static func mlpBackward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix, outputGradient g: Matrix)
        throws
        -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix)
    /// 8.5 Debugging: the backward pass of Y = tanh(Z), ∂L/∂Z = G ⊙ (1 − tanh²(Z)) (the workbook's version has a bug).
    static func tanhBackward(_ z: Matrix, outputGradient g: Matrix) throws -> Matrix
    /// 8.6 A gradient check: maxᵢ |aᵢ − nᵢ| / (|aᵢ| + |nᵢ|) between an analytic gradient a and central differences n (h = 1e-5).
    static func gradientCheckError(_ f: ([Double]) -> Double, gradient: [Double], at x: [Double]) throws -> Double
}

/// The checks and hints of chapter 8, run against any conforming answers.
public enum Chapter08Checks {
    static let file = "Exercises/Workbook/Chapter08.swift"

    public static func exercises<Answers: Chapter08Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "8.1", title: "The chain rule on a graph",
                task: "Return [∂f/∂a, ∂f/∂b, ∂f/∂c, ∂f/∂d] for f = (a·b + c)·d.",
                file: file, function: "chainRuleGradient(a:b:c:d:)",
                hints: [
                    "Name the steps e = a·b, s = e + c, f = s·d, and multiply local derivatives from f backwards.",
                    "∂f/∂s = d and ∂s/∂e = 1, ∂e/∂a = b: so ∂f/∂a is d times b. The last one, ∂f/∂d, is the value of s itself."
                ],
                check: {
                    // At (2, −3, 10, −2): [(−2)(−3), (−2)(2), −2, −6 + 10] = [6, −4, −2, 4].
                    try expect(
                        try Answers.chainRuleGradient(a: 2, b: -3, c: 10, d: -2), equals: [6, -4, -2, 4],
                        "at (2, −3, 10, −2)")
                    // At (1, 1, 1, 1): [1, 1, 1, 2].
                    try expect(
                        try Answers.chainRuleGradient(a: 1, b: 1, c: 1, d: 1), equals: [1, 1, 1, 2], "at (1, 1, 1, 1)")
                }),
            Exercise(
                id: "8.2", title: "A dense layer backward",
                task: "Return ∂L/∂W = Xᵀ g, ∂L/∂b = the column sums of g (1 x k), ∂L/∂X = g Wᵀ.",
                file: file, function: "denseBackward(_:weights:outputGradient:)",
                hints: [
                    "Match shapes: ∂L/∂W must be n x k like W, ∂L/∂X m x n like X.",
                    "Xᵀ g is n x k like W, g Wᵀ is m x n like X, and the bias gradient adds up g over the examples (its rows), giving one row."
                ],
                check: {
                    // By hand with X = [[1, 2], [3, 4]], W = [[1, 0, −1], [2, 1, 0]], g = [[1, 0, 0], [0, 1, 0]]:
                    // Xᵀ g = [[1, 3, 0], [2, 4, 0]], column sums [1, 1, 0], g Wᵀ = [[1, 2], [0, 1]].
                    let x: Matrix = [[1, 2], [3, 4]], w: Matrix = [[1, 0, -1], [2, 1, 0]]
                    let result = try Answers.denseBackward(x, weights: w, outputGradient: [[1, 0, 0], [0, 1, 0]])
                    try expect(result.weights, equals: [[1, 3, 0], [2, 4, 0]], "∂L/∂W")
                    try expect(result.bias, equals: [[1, 1, 0]], "∂L/∂b")
                    try expect(result.input, equals: [[1, 2], [0, 1]], "∂L/∂X")
                    // Independently: central differences of L = Σ G ⊙ (X W + b) for a random G.
                    var generator = SeededGenerator(seed: 81)
                    let g = generator.normalMatrix(rows: 2, columns: 3)
                    let b: Matrix = [[0.5, -1, 2]]
                    let random = try Answers.denseBackward(x, weights: w, outputGradient: g)
                    try expect(
                        random.weights, equals: numericalGradient(of: { (g .* (x * $0 + b)).sum }, at: w),
                        "∂L/∂W against central differences", tolerance: .numerical)
                    try expect(
                        random.bias, equals: numericalGradient(of: { (g .* (x * w + $0)).sum }, at: b),
                        "∂L/∂b against central differences", tolerance: .numerical)
                    try expect(
                        random.input, equals: numericalGradient(of: { (g .* ($0 * w + b)).sum }, at: x),
                        "∂L/∂X against central differences", tolerance: .numerical)
                }),
            Exercise(
                id: "8.3", title: "ReLU backward",
                task: "Return g ⊙ 1[z > 0]: the gradient passes where z > 0 and is 0 where z ≤ 0.",
                file: file, function: "reluBackward(_:outputGradient:)",
                hints: [
                    "ReLU′(z) is 1 for z > 0 and 0 otherwise (the convention at 0 is 0).",
                    "Build the 0/1 mask from z (not from g), then multiply it entry by entry with g."
                ],
                check: {
                    // z = [[−1, 2], [0, 3]], g = [[5, 6], [7, 8]] → [[0, 6], [0, 8]] (z = 0 passes nothing).
                    try expect(
                        try Answers.reluBackward([[-1, 2], [0, 3]], outputGradient: [[5, 6], [7, 8]]),
                        equals: [[0, 6], [0, 8]], "reluBackward")
                }),
            Exercise(
                id: "8.4", title: "A two-layer MLP backward, by hand",
                task:
                    "For Y = relu(X W₁ + b₁) W₂ + b₂ and G = ∂L/∂Y, return ∂L/∂W₁, ∂L/∂b₁, ∂L/∂W₂, ∂L/∂b₂ (ReLU′(0) = 0).",
                file: file, function: "mlpBackward(_:w1:b1:w2:b2:outputGradient:)",
                hints: [
                    "Run the forward pass and keep Z₁ = X W₁ + b₁ and H = relu(Z₁). Then go backwards: the output layer is exercise 8.2 with H as its input.",
                    "The gradient reaching H is G W₂ᵀ; through the ReLU it is masked where Z₁ ≤ 0 (exercise 8.3); then the first layer is 8.2 again with X."
                ],
                check: {
                    // The network of 7.6 with G = [[1], [1]]: Z₁ = [[0, −1.5, −3], [2, −1.5, −1]], H = [[0, 0, 0], [2, 0, 0]].
                    // ∂W₂ = Hᵀ G = [[2], [0], [0]], ∂b₂ = [[2]]; G W₂ᵀ = [[1, 2, 3], [1, 2, 3]], masked by Z₁ > 0 → [[0, 0, 0], [1, 0, 0]];
                    // ∂W₁ = Xᵀ (that) = [[2, 0, 0], [0, 0, 0]], ∂b₁ = [[1, 0, 0]].
                    let x: Matrix = [[1, -1], [2, 0]], w1: Matrix = [[1, -1, 0], [1, 1, 2]], b1: Matrix = [[0, 0.5, -1]]
                    let w2: Matrix = [[1], [2], [3]], b2: Matrix = [[-1]]
                    let byHand = try Answers.mlpBackward(x, w1: w1, b1: b1, w2: w2, b2: b2, outputGradient: [[1], [1]])
                    try expect(byHand.w2, equals: [[2], [0], [0]], "∂L/∂W₂")
                    try expect(byHand.b2, equals: [[2]], "∂L/∂b₂")
                    try expect(byHand.w1, equals: [[2, 0, 0], [0, 0, 0]], "∂L/∂W₁")
                    try expect(byHand.b1, equals: [[1, 0, 0]], "∂L/∂b₁")
                    // Central differences of L = Σ G ⊙ Y on non-square shapes: X 3 x 2, W₁ 2 x 4, W₂ 4 x 3.
                    var generator = SeededGenerator(seed: 84)
                    let rx = generator.normalMatrix(rows: 3, columns: 2),
                        rw1 = generator.normalMatrix(rows: 2, columns: 4)
                    let rb1 = generator.normalMatrix(rows: 1, columns: 4),
                        rw2 = generator.normalMatrix(rows: 4, columns: 3)
                    let rb2 = generator.normalMatrix(rows: 1, columns: 3),
                        rg = generator.normalMatrix(rows: 3, columns: 3)
                    func loss(_ w1: Matrix, _ b1: Matrix, _ w2: Matrix, _ b2: Matrix) -> Double {
                        (rg .* ((rx * w1 + b1).map { max($0, 0) } * w2 + b2)).sum
                    }
                    let result = try Answers.mlpBackward(rx, w1: rw1, b1: rb1, w2: rw2, b2: rb2, outputGradient: rg)
                    try expect(
                        result.w1, equals: numericalGradient(of: { loss($0, rb1, rw2, rb2) }, at: rw1),
                        "∂L/∂W₁ against central differences", tolerance: .numerical)
                    try expect(
                        result.b1, equals: numericalGradient(of: { loss(rw1, $0, rw2, rb2) }, at: rb1),
                        "∂L/∂b₁ against central differences", tolerance: .numerical)
                    try expect(
                        result.w2, equals: numericalGradient(of: { loss(rw1, rb1, $0, rb2) }, at: rw2),
                        "∂L/∂W₂ against central differences", tolerance: .numerical)
                    try expect(
                        result.b2, equals: numericalGradient(of: { loss(rw1, rb1, rw2, $0) }, at: rb2),
                        "∂L/∂b₂ against central differences", tolerance: .numerical)
                }),
            Exercise(
                id: "8.5", title: "Debugging: tanh backward",
                task:
                    "The workbook's tanhBackward has a planted bug. Find it, fix it, and delete the line `try bugStillPlanted()`.",
                file: file, function: "tanhBackward(_:outputGradient:)",
                hints: [
                    "Gradient checking: perturb one entry of Z by ±h, recompute L = Σ G ⊙ tanh(Z), divide the change by 2h, and compare with the function's entry.",
                    "At Z = 0 the buggy and the true gradient agree; away from 0 they do not. The derivative is written in terms of the layer's output, tanh(Z), not its input Z."
                ],
                check: {
                    // Z = [[0, 1]], G = [[1, 1]]: [1 − tanh²0, 1 − tanh²1], and 1 − tanh²1 = 4e²/(e² + 1)² (the bug gives 1 − 1² = 0).
                    let e2 = exp(2.0)
                    try expect(
                        try Answers.tanhBackward([[0, 1]], outputGradient: [[1, 1]]),
                        equals: [[1, 4 * e2 / ((e2 + 1) * (e2 + 1))]],
                        "Z = [[0, 1]], G = [[1, 1]]")
                    var generator = SeededGenerator(seed: 85)
                    let z = generator.normalMatrix(rows: 2, columns: 3), g = generator.normalMatrix(rows: 2, columns: 3)
                    try expect(
                        try Answers.tanhBackward(z, outputGradient: g),
                        equals: numericalGradient(of: { (g .* $0.map(tanh)).sum }, at: z),
                        "against central differences", tolerance: .numerical)
                }),
            Exercise(
                id: "8.6", title: "A gradient check of your own",
                task:
                    "Compute central differences nᵢ = (f(x + h eᵢ) − f(x − h eᵢ))/(2h), h = 1e-5, and return maxᵢ |aᵢ − nᵢ|/(|aᵢ| + |nᵢ|) (0 where both are 0).",
                file: file, function: "gradientCheckError(_:gradient:at:)",
                hints: [
                    "One coordinate at a time: copy x, move coordinate i up by h, then down by h, and evaluate f at both.",
                    "The error is relative: divide each difference by |aᵢ| + |nᵢ|, so that large and small gradients are judged alike. Forward differences are not accurate enough."
                ],
                check: {
                    // f = Σ xᵢ² at x = [1, −2, 3]: the true gradient 2x = [2, −4, 6] gives ≈ 0 (central differences are exact for a quadratic, up to rounding).
                    let f: ([Double]) -> Double = { $0.reduce(0) { $0 + $1 * $1 } }
                    let x = [1.0, -2, 3]
                    let exact = try Answers.gradientCheckError(f, gradient: [2, -4, 6], at: x)
                    try expect(exact < 1e-8, "gradient check of the true gradient: expected below 1e-8, got \(exact)")
                    // Half the gradient, x: |2x − x|/(|x| + |2x|) = 1/3 at every coordinate.
                    try expect(
                        try Answers.gradientCheckError(f, gradient: [1, -2, 3], at: x), equals: 1.0 / 3,
                        "half the gradient", tolerance: .numerical)
                    // One wrong entry, 7 instead of 6: |7 − 6|/(7 + 6) = 1/13.
                    try expect(
                        try Answers.gradientCheckError(f, gradient: [2, -4, 7], at: x), equals: 1.0 / 13,
                        "one wrong entry", tolerance: .numerical)
                    // A zero gradient against a non-zero one: |0 − n|/|n| = 1.
                    try expect(
                        try Answers.gradientCheckError(f, gradient: [0, 0, 0], at: x), equals: 1, "a zero gradient",
                        tolerance: .numerical)
                })
        ]
    }
}
