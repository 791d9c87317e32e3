import DLMath
import Foundation

/// The exercises of chapter 9 (gradient descent). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter09Exercises {
    /// 9.1 The k-th gradient-descent iterate on f(x) = a x²/2 from x₀.
    static func gradientDescentIterate(curvature a: Double, learningRate: Double, start: Double, steps k: Int) throws
        -> Double
    /// 9.2 The largest stable learning rate 2/L on f = ½ Σ aᵢ xᵢ² (L = max aᵢ).
    static func stabilityBound(curvatures: [Double]) throws -> Double
    /// 9.3 The gradient (2/n) Xᵀ(Xw − y) of the mean squared error of linear regression.
    static func linearRegressionGradient(features x: Matrix, targets y: Matrix, weights w: Matrix) throws -> Matrix
    /// 9.4 The sizes of the mini-batches of one epoch, the last partial batch kept.
    static func miniBatchSizes(exampleCount n: Int, batchSize b: Int) throws -> [Int]
    /// 9.5 The learning rate above which gradient descent on L(w) = (1/n)‖X w − y‖² diverges: 2/λ_max((2/n) XᵀX).
    static func divergenceLearningRate(features x: Matrix) throws -> Double
    /// 9.6 Training: weights w (d x 1) fitted to (X, y) by a loop of your own; the check asks for held-out MSE below 0.02 within 2 s.
    static func trainLinearRegression(features x: Matrix, targets y: Matrix) throws -> Matrix
}

/// The checks and hints of chapter 9, run against any conforming answers.
public enum Chapter09Checks {
    static let file = "Exercises/Workbook/Chapter09.swift"

    public static func exercises<Answers: Chapter09Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "9.1", title: "Gradient descent on a quadratic",
                task: "Return x_k after k steps of x ← x − lr · a x from x₀ (closed form: (1 − lr a)^k x₀).",
                file: file, function: "gradientDescentIterate(curvature:learningRate:start:steps:)",
                hints: [
                    "Each step multiplies x by the same number. Which?",
                    "x ← (1 − lr a) x, k times: x_k = (1 − lr a)ᵏ x₀."
                ],
                check: {
                    // a = 4, lr = 0.1: factor 0.6; 0.6³ · 2 = 0.432.
                    try expect(
                        try Answers.gradientDescentIterate(curvature: 4, learningRate: 0.1, start: 2, steps: 3),
                        equals: 0.432, "a = 4, lr = 0.1, x₀ = 2, k = 3")
                    // lr = 0.4: factor −0.6, oscillating: (−0.6)³ · 2 = −0.432.
                    try expect(
                        try Answers.gradientDescentIterate(curvature: 4, learningRate: 0.4, start: 2, steps: 3),
                        equals: -0.432, "a = 4, lr = 0.4, x₀ = 2, k = 3")
                    // lr = 1/a lands on 0 in one step.
                    try expect(
                        try Answers.gradientDescentIterate(curvature: 4, learningRate: 0.25, start: 5, steps: 1),
                        equals: 0, "lr = 1/a, one step")
                    // k = 0 is the start.
                    try expect(
                        try Answers.gradientDescentIterate(curvature: 4, learningRate: 0.1, start: 7, steps: 0),
                        equals: 7, "k = 0")
                }),
            Exercise(
                id: "9.2", title: "The stability bound 2/L",
                task:
                    "Return the largest learning rate for which gradient descent on ½ Σ aᵢ xᵢ² converges from every start (exclusive): 2 / max aᵢ.",
                file: file, function: "stabilityBound(curvatures:)",
                hints: [
                    "Each coordinate needs |1 − lr aᵢ| < 1. Which coordinate is the hardest to satisfy?",
                    "The largest curvature L sets the bound: lr < 2/L. A smaller curvature allows a larger rate, so the smallest one is not the limit."
                ],
                check: {
                    try expect(try Answers.stabilityBound(curvatures: [1, 25]), equals: 0.08, "a = (1, 25): 2/25")
                    try expect(try Answers.stabilityBound(curvatures: [4]), equals: 0.5, "a = 4: 2/4")
                    try expect(
                        try Answers.stabilityBound(curvatures: [0.5, 0.1, 2]), equals: 1, "a = (0.5, 0.1, 2): 2/2")
                }),
            Exercise(
                id: "9.3", title: "The gradient of linear regression",
                task: "Return ∇L(w) = (2/n) Xᵀ(Xw − y) for X (n x d), y (n x 1), w (d x 1).",
                file: file, function: "linearRegressionGradient(features:targets:weights:)",
                hints: [
                    "Residuals first: r = X w − y, an n x 1 column.",
                    "Then Xᵀ r, a d x 1 column like w, and the factor 2/n, n the number of examples (the rows of X)."
                ],
                check: {
                    // X = [[1, 0], [1, 1], [1, 2]], y = (1, 3, 5), w = 0: r = −(1, 3, 5),
                    // Xᵀr = (−9, −13), times 2/3 = (−6, −26/3).
                    let x: Matrix = [[1, 0], [1, 1], [1, 2]]
                    let y: Matrix = [[1], [3], [5]]
                    try expect(
                        try Answers.linearRegressionGradient(features: x, targets: y, weights: [[0], [0]]),
                        equals: [[-6], [-26.0 / 3]], "w = (0, 0)")
                    // At w = (1, 2) the line fits exactly: the gradient is 0.
                    try expect(
                        try Answers.linearRegressionGradient(features: x, targets: y, weights: [[1], [2]]),
                        equals: [[0], [0]], "w = (1, 2), an exact fit")
                }),
            Exercise(
                id: "9.4", title: "Mini-batch sizes",
                task:
                    "Return the sizes of the ⌈n/B⌉ batches of one epoch: B each, the last one n − (⌈n/B⌉ − 1) B (kept even when smaller).",
                file: file, function: "miniBatchSizes(exampleCount:batchSize:)",
                hints: [
                    "The batches start at 0, B, 2B, … while below n; a batch starting at s holds min(B, n − s) examples.",
                    "There are ⌈n/B⌉ batches, not ⌊n/B⌋: the last, smaller one is kept."
                ],
                check: {
                    try expect(
                        try Answers.miniBatchSizes(exampleCount: 10, batchSize: 4), equals: [4, 4, 2], "n = 10, B = 4")
                    try expect(
                        try Answers.miniBatchSizes(exampleCount: 200, batchSize: 32),
                        equals: [32, 32, 32, 32, 32, 32, 8], "n = 200, B = 32 (6·32 + 8)")
                    try expect(
                        try Answers.miniBatchSizes(exampleCount: 6, batchSize: 3), equals: [3, 3], "n = 6, B = 3")
                    try expect(
                        try Answers.miniBatchSizes(exampleCount: 3, batchSize: 10), equals: [3],
                        "n = 3, B = 10 (one batch of 3)")
                }),
            Exercise(
                id: "9.5", title: "Predict where gradient descent diverges, then see it",
                task:
                    "For L(w) = (1/n)‖X w − y‖² (X has 2 columns), return the learning rate above which gradient descent diverges; the check then runs it just below and just above your rate.",
                file: file, function: "divergenceLearningRate(features:)",
                hints: [
                    "The Hessian of L is (2/n) XᵀX, whatever y is. Along its top eigenvector each step multiplies the error by 1 − lr λ_max.",
                    "That factor leaves [−1, 1] when lr > 2/λ_max. For a 2 x 2 symmetric [[p, q], [q, r]], λ_max = (p + r)/2 + √(((p − r)/2)² + q²)."
                ],
                check: {
                    // X = [[1, 2], [0, 1], [0, 0], [0, 0]]: XᵀX = [[1, 2], [2, 5]], eigenvalues 3 ± 2√2; n = 4, so the Hessian's
                    // λ_max = (2/4)(3 + 2√2) and 2/λ_max = 4/(3 + 2√2) = 4(3 − 2√2) = 12 − 8√2 ≈ 0.686.
                    let x: Matrix = [[1, 2], [0, 1], [0, 0], [0, 0]]
                    let rate = try Answers.divergenceLearningRate(features: x)
                    try expect(
                        rate, equals: 12 - 8 * 2.0.squareRoot(),
                        "the divergence rate for X = [[1, 2], [0, 1], [0, 0], [0, 0]]")
                    // The experiment: 300 steps from w = [1, 1] towards y = 0, at 0.95 and 1.05 times the rate.
                    func finalNorm(_ lr: Double) -> Double {
                        var w: Matrix = [[1], [1]]
                        for _ in 0..<300 { w = w - lr * (2.0 / 4) * (x.transposed * (x * w)) }
                        return w.column(0).reduce(0) { $0 + $1 * $1 }.squareRoot()
                    }
                    try expect(
                        finalNorm(0.95 * rate) < 1e-3,
                        "at 0.95 x your rate gradient descent should converge; ‖w‖ = \(finalNorm(0.95 * rate))")
                    try expect(
                        finalNorm(1.05 * rate) > 1e3,
                        "at 1.05 x your rate gradient descent should diverge; ‖w‖ = \(finalNorm(1.05 * rate))")
                }),
            Exercise(
                id: "9.6", title: "Train a linear regression to a target",
                task:
                    "Write a training loop (gradient descent on the MSE, your own learning rate and step count) returning w (d x 1). The check trains on 200 examples and asks for MSE < 0.02 on 200 held-out ones (the noise alone gives 0.01), within 2 s.",
                file: file, function: "trainLinearRegression(features:targets:)",
                hints: [
                    "Start from w = 0 and repeat w ← w − lr ∇L(w), with the gradient of exercise 9.3. The features are standard normal, so the Hessian's eigenvalues are near 2.",
                    "Exercise 9.5 gives the largest stable rate; a rate around half of it, and a few hundred steps, is plenty. Too few steps leave the error far above the target."
                ],
                check: {
                    // y = X w* + noise (σ = 0.1): the best possible held-out MSE is about σ² = 0.01.
                    var generator = SeededGenerator(seed: 96)
                    let truth: Matrix = [[1.5], [-2], [0.5], [3], [-1]]
                    func sample(_ n: Int) -> (Matrix, Matrix) {
                        let x = generator.normalMatrix(rows: n, columns: 5)
                        return (x, x * truth + generator.normalMatrix(rows: n, columns: 1, standardDeviation: 0.1))
                    }
                    let (trainX, trainY) = sample(200), (testX, testY) = sample(200)
                    let clock = ContinuousClock()
                    let start = clock.now
                    let w = try Answers.trainLinearRegression(features: trainX, targets: trainY)
                    let seconds =
                        Double((clock.now - start).components.seconds) + Double(
                            (clock.now - start).components.attoseconds) * 1e-18
                    try expect(w.rows == 5 && w.columns == 1, "weights: expected shape 5x1, got \(w.shapeDescription)")
                    let residual = testX * w - testY
                    let heldOut = (residual .* residual).sum / Double(testX.rows)
                    try expect(heldOut < 0.02, "held-out MSE: expected below 0.02, got \(heldOut)")
                    try expect(seconds < 2, "training time: expected below 2 s, got \(seconds) s")
                })
        ]
    }
}
