import DLMath

/// The exercises of chapter 8 (backpropagation).
public protocol Chapter08Exercises {
    /// 8.1 The gradient [∂f/∂a, ∂f/∂b, ∂f/∂c, ∂f/∂d] of f = (a·b + c)·d by the chain rule.
    static func chainRuleGradient(a: Double, b: Double, c: Double, d: Double) throws -> [Double]
    /// 8.2 The backward pass of Y = X W + b for g = ∂L/∂Y: (∂L/∂W = Xᵀ g, ∂L/∂b = Σ rows of g, ∂L/∂X = g Wᵀ).
    static func denseBackward(_ x: Matrix, weights: Matrix, outputGradient: Matrix) throws
        -> (weights: Matrix, bias: Matrix, input: Matrix)
    /// 8.3 The backward pass of ReLU: ∂L/∂z = g ⊙ 1[z > 0] (0 where z ≤ 0, including z = 0).
    static func reluBackward(_ z: Matrix, outputGradient: Matrix) throws -> Matrix
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
                    "∂f/∂s = d and ∂s/∂e = 1, ∂e/∂a = b: so ∂f/∂a is d times b. The last one, ∂f/∂d, is the value of s itself.",
                ],
                check: {
                    // At (2, −3, 10, −2): [(−2)(−3), (−2)(2), −2, −6 + 10] = [6, −4, −2, 4].
                    try expect(try Answers.chainRuleGradient(a: 2, b: -3, c: 10, d: -2), equals: [6, -4, -2, 4], "at (2, −3, 10, −2)")
                    // At (1, 1, 1, 1): [1, 1, 1, 2].
                    try expect(try Answers.chainRuleGradient(a: 1, b: 1, c: 1, d: 1), equals: [1, 1, 1, 2], "at (1, 1, 1, 1)")
                }),
            Exercise(
                id: "8.2", title: "A dense layer backward",
                task: "Return ∂L/∂W = Xᵀ g, ∂L/∂b = the column sums of g (1 x k), ∂L/∂X = g Wᵀ.",
                file: file, function: "denseBackward(_:weights:outputGradient:)",
                hints: [
                    "Match shapes: ∂L/∂W must be n x k like W, ∂L/∂X m x n like X.",
                    "Xᵀ g is n x k like W, g Wᵀ is m x n like X, and the bias gradient adds up g over the examples (its rows), giving one row.",
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
                    try expect(random.weights, equals: numericalGradient(of: { (g .* (x * $0 + b)).sum }, at: w),
                               "∂L/∂W against central differences", tolerance: .numerical)
                    try expect(random.bias, equals: numericalGradient(of: { (g .* (x * w + $0)).sum }, at: b),
                               "∂L/∂b against central differences", tolerance: .numerical)
                    try expect(random.input, equals: numericalGradient(of: { (g .* ($0 * w + b)).sum }, at: x),
                               "∂L/∂X against central differences", tolerance: .numerical)
                }),
            Exercise(
                id: "8.3", title: "ReLU backward",
                task: "Return g ⊙ 1[z > 0]: the gradient passes where z > 0 and is 0 where z ≤ 0.",
                file: file, function: "reluBackward(_:outputGradient:)",
                hints: [
                    "ReLU′(z) is 1 for z > 0 and 0 otherwise (the convention at 0 is 0).",
                    "Build the 0/1 mask from z (not from g), then multiply it entry by entry with g.",
                ],
                check: {
                    // z = [[−1, 2], [0, 3]], g = [[5, 6], [7, 8]] → [[0, 6], [0, 8]] (z = 0 passes nothing).
                    try expect(try Answers.reluBackward([[-1, 2], [0, 3]], outputGradient: [[5, 6], [7, 8]]),
                               equals: [[0, 6], [0, 8]], "reluBackward")
                }),
        ]
    }
}
