import DLMath
import Foundation

/// The exercises of chapter 6 (loss functions). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter06Exercises {
    /// 6.1 Mean squared error (1/n) Σᵢ (ŷᵢ − yᵢ)² of two vectors of the same length n ≥ 1.
    static func meanSquaredError(predictions: [Double], targets: [Double]) throws -> Double
    /// 6.2 The Huber loss of one residual r: ½r² if |r| ≤ δ, δ(|r| − ½δ) otherwise.
    static func huber(residual r: Double, delta: Double) throws -> Double
    /// 6.3 Binary cross-entropy of one logit z and target y ∈ [0, 1], stable: softplus(z) − y z.
    static func binaryCrossEntropy(logit z: Double, target y: Double) throws -> Double
    /// 6.4 The gradient of −log softmax(z)_label with respect to z: softmax(z) − onehot(label).
    static func softmaxCrossEntropyGradient(logits z: [Double], label: Int) throws -> [Double]
}

/// The checks and hints of chapter 6, run against any conforming answers.
public enum Chapter06Checks {
    static let file = "Exercises/Workbook/Chapter06.swift"

    public static func exercises<Answers: Chapter06Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "6.1", title: "Mean squared error",
                task: "Return (1/n) Σᵢ (ŷᵢ − yᵢ)².",
                file: file, function: "meanSquaredError(predictions:targets:)",
                hints: [
                    "Square each residual ŷᵢ − yᵢ, add them up, divide by the count.",
                    "A mean, not a sum: divide by n. And square the residuals rather than taking their absolute values (that would be the MAE).",
                ],
                check: {
                    // Residuals [−0.5, 0, 2]: (0.25 + 0 + 4)/3.
                    try expect(try Answers.meanSquaredError(predictions: [1, 2, 3], targets: [1.5, 2, 1]), equals: 4.25 / 3,
                               "meanSquaredError([1, 2, 3], [1.5, 2, 1])")
                    // A mean, not a sum: duplicating the data changes nothing.
                    try expect(try Answers.meanSquaredError(predictions: [1, 2, 3, 1, 2, 3], targets: [1.5, 2, 1, 1.5, 2, 1]),
                               equals: 4.25 / 3, "meanSquaredError of the data twice")
                    try expect(try Answers.meanSquaredError(predictions: [4], targets: [4]), equals: 0, "meanSquaredError([4], [4])")
                }),
            Exercise(
                id: "6.2", title: "The Huber loss and its transition at δ",
                task: "Return ½r² if |r| ≤ δ, else δ(|r| − ½δ).",
                file: file, function: "huber(residual:delta:)",
                hints: [
                    "Two pieces: quadratic inside [−δ, δ], linear outside. At |r| = δ both give ½δ².",
                    "Test |r| ≤ δ, not r ≤ δ: a large negative residual belongs to the linear piece too.",
                ],
                check: {
                    // ½ · 0.25 = 0.125; 1 · (2 − ½) = 1.5; at the transition ½ · 2² = 2 · (2 − 1) = 2; 1 · (3 − ½) = 2.5.
                    try expect(try Answers.huber(residual: -0.5, delta: 1), equals: 0.125, "huber(−0.5, δ = 1)")
                    try expect(try Answers.huber(residual: 2, delta: 1), equals: 1.5, "huber(2, δ = 1)")
                    try expect(try Answers.huber(residual: 2, delta: 2), equals: 2, "huber(2, δ = 2)")
                    try expect(try Answers.huber(residual: -3, delta: 1), equals: 2.5, "huber(−3, δ = 1)")
                    try expect(try Answers.huber(residual: 0, delta: 1), equals: 0, "huber(0, δ = 1)")
                }),
            Exercise(
                id: "6.3", title: "Binary cross-entropy from a logit",
                task: "Return −[y log σ(z) + (1 − y) log(1 − σ(z))] without forming σ(z): at z = 40, y = 0 the answer is 40.",
                file: file, function: "binaryCrossEntropy(logit:target:)",
                hints: [
                    "−ln σ(z) = ln(1 + e⁻ᶻ) and −ln(1 − σ(z)) = ln(1 + eᶻ): the loss is softplus(z) − y z.",
                    "A stable softplus: softplus(z) = max(z, 0) + ln(1 + e^(−|z|)), whose exponent is never positive; ln(1 + u) for small u has its own accurate function, log1p.",
                ],
                check: {
                    // softplus(0) = ln 2; −log σ(ln 3) = −log ¾ = ln(4/3).
                    try expect(try Answers.binaryCrossEntropy(logit: 0, target: 1), equals: log(2), "bce(z = 0, y = 1)")
                    try expect(try Answers.binaryCrossEntropy(logit: log(3), target: 1), equals: log(4.0 / 3), "bce(z = ln 3, y = 1)")
                    // softplus(40) = 40 + log(1 + e^−40) = 40 in Double.
                    try expect(try Answers.binaryCrossEntropy(logit: 40, target: 0), equals: 40, "bce(z = 40, y = 0)", tolerance: .tight)
                    try expect(try Answers.binaryCrossEntropy(logit: -1000, target: 1), equals: 1000, "bce(z = −1000, y = 1)")
                    try expect(try Answers.binaryCrossEntropy(logit: 1000, target: 1), equals: 0, "bce(z = 1000, y = 1)")
                }),
            Exercise(
                id: "6.4", title: "Softmax + cross-entropy: the gradient p − y",
                task: "Return ∂/∂z of −log softmax(z)_label, which is softmax(z) − onehot(label).",
                file: file, function: "softmaxCrossEntropyGradient(logits:label:)",
                hints: [
                    "Compute the stable softmax p (exercise 5.3), then subtract 1 at the label.",
                    "Only the entry at the label changes: it becomes p_label − 1; every other entry is pᵢ, and the entries add up to 0.",
                ],
                check: {
                    // p = [1/6, 2/6, 3/6]; subtract 1 at index 2.
                    try expect(try Answers.softmaxCrossEntropyGradient(logits: [0, log(2), log(3)], label: 2),
                               equals: [1.0 / 6, 2.0 / 6, -0.5], "gradient at [0, ln 2, ln 3], label 2")
                    // p = [1, 0] at [1000, 0]; label 1: [1, −1].
                    try expect(try Answers.softmaxCrossEntropyGradient(logits: [1000, 0], label: 1), equals: [1, -1],
                               "gradient at [1000, 0], label 1")
                    // Against central differences of −log softmax(z)₀ = logSumExp(z) − z₀.
                    let z = [0.4, -1.1, 2.2]
                    let numerical = numericalGradient(of: { logSumExp($0) - $0[0] }, at: z)
                    try expect(try Answers.softmaxCrossEntropyGradient(logits: z, label: 0), equals: numerical,
                               "gradient at [0.4, −1.1, 2.2], label 0", tolerance: .numerical)
                }),
        ]
    }
}
