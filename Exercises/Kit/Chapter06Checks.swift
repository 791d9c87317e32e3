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
    /// 6.5 Debugging: the gradient of the MSE, ∂/∂ŷᵢ (1/n) Σ (ŷ − y)² = (2/n)(ŷᵢ − yᵢ) (the workbook's version has a bug).
    static func meanSquaredErrorGradient(predictions: [Double], targets: [Double]) throws -> [Double]
    /// 6.6 The backward pass of the mean softmax cross-entropy over a batch: (softmax(Z) − Y)/N, row by row.
    static func softmaxCrossEntropyBatchGradient(logits z: Matrix, labels: [Int]) throws -> Matrix
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
                    "A mean, not a sum: divide by n. And square the residuals rather than taking their absolute values (that would be the MAE)."
                ],
                check: {
                    // Residuals [−0.5, 0, 2]: (0.25 + 0 + 4)/3.
                    try expect(
                        try Answers.meanSquaredError(predictions: [1, 2, 3], targets: [1.5, 2, 1]), equals: 4.25 / 3,
                        "meanSquaredError([1, 2, 3], [1.5, 2, 1])")
                    // A mean, not a sum: duplicating the data changes nothing.
                    try expect(
                        try Answers.meanSquaredError(predictions: [1, 2, 3, 1, 2, 3], targets: [1.5, 2, 1, 1.5, 2, 1]),
                        equals: 4.25 / 3, "meanSquaredError of the data twice")
                    try expect(
                        try Answers.meanSquaredError(predictions: [4], targets: [4]), equals: 0,
                        "meanSquaredError([4], [4])")
                }),
            Exercise(
                id: "6.2", title: "The Huber loss and its transition at δ",
                task: "Return ½r² if |r| ≤ δ, else δ(|r| − ½δ).",
                file: file, function: "huber(residual:delta:)",
                hints: [
                    "Two pieces: quadratic inside [−δ, δ], linear outside. At |r| = δ both give ½δ².",
                    "Test |r| ≤ δ, not r ≤ δ: a large negative residual belongs to the linear piece too."
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
                task:
                    "Return −[y log σ(z) + (1 − y) log(1 − σ(z))] without forming σ(z): at z = 40, y = 0 the answer is 40.",
                file: file, function: "binaryCrossEntropy(logit:target:)",
                hints: [
                    "−ln σ(z) = ln(1 + e⁻ᶻ) and −ln(1 − σ(z)) = ln(1 + eᶻ): the loss is softplus(z) − y z.",
                    "A stable softplus: softplus(z) = max(z, 0) + ln(1 + e^(−|z|)), whose exponent is never positive; ln(1 + u) for small u has its own accurate function, log1p."
                ],
                check: {
                    // softplus(0) = ln 2; −log σ(ln 3) = −log ¾ = ln(4/3).
                    try expect(try Answers.binaryCrossEntropy(logit: 0, target: 1), equals: log(2), "bce(z = 0, y = 1)")
                    try expect(
                        try Answers.binaryCrossEntropy(logit: log(3), target: 1), equals: log(4.0 / 3),
                        "bce(z = ln 3, y = 1)")
                    // softplus(40) = 40 + log(1 + e^−40) = 40 in Double.
                    try expect(
                        try Answers.binaryCrossEntropy(logit: 40, target: 0), equals: 40, "bce(z = 40, y = 0)",
                        tolerance: .tight)
                    try expect(
                        try Answers.binaryCrossEntropy(logit: -1000, target: 1), equals: 1000, "bce(z = −1000, y = 1)")
                    try expect(
                        try Answers.binaryCrossEntropy(logit: 1000, target: 1), equals: 0, "bce(z = 1000, y = 1)")
                }),
            Exercise(
                id: "6.4", title: "Softmax + cross-entropy: the gradient p − y",
                task: "Return ∂/∂z of −log softmax(z)_label, which is softmax(z) − onehot(label).",
                file: file, function: "softmaxCrossEntropyGradient(logits:label:)",
                hints: [
                    "Compute the stable softmax p (exercise 5.3), then subtract 1 at the label.",
                    "Only the entry at the label changes: it becomes p_label − 1; every other entry is pᵢ, and the entries add up to 0."
                ],
                check: {
                    // p = [1/6, 2/6, 3/6]; subtract 1 at index 2.
                    try expect(
                        try Answers.softmaxCrossEntropyGradient(logits: [0, log(2), log(3)], label: 2),
                        equals: [1.0 / 6, 2.0 / 6, -0.5], "gradient at [0, ln 2, ln 3], label 2")
                    // p = [1, 0] at [1000, 0]; label 1: [1, −1].
                    try expect(
                        try Answers.softmaxCrossEntropyGradient(logits: [1000, 0], label: 1), equals: [1, -1],
                        "gradient at [1000, 0], label 1")
                    // Against central differences of −log softmax(z)₀ = logSumExp(z) − z₀.
                    let z = [0.4, -1.1, 2.2]
                    let numerical = numericalGradient(of: { logSumExp($0) - $0[0] }, at: z)
                    try expect(
                        try Answers.softmaxCrossEntropyGradient(logits: z, label: 0), equals: numerical,
                        "gradient at [0.4, −1.1, 2.2], label 0", tolerance: .numerical)
                }),
            Exercise(
                id: "6.5", title: "Debugging: the MSE gradient",
                task:
                    "The workbook's meanSquaredErrorGradient has a planted bug. Find it, fix it, and delete the line `try bugStillPlanted()`.",
                file: file, function: "meanSquaredErrorGradient(predictions:targets:)",
                hints: [
                    "Gradient checking finds such bugs: perturb one prediction by ±h, recompute the loss (your 6.1), divide the change by 2h, and compare.",
                    "If every entry is off by the same factor, and that factor is the number of examples, something was left out of the mean."
                ],
                check: {
                    // ŷ = [1, 2, 3, 4], y = 0: (2/4)·ŷ = [0.5, 1, 1.5, 2].
                    try expect(
                        try Answers.meanSquaredErrorGradient(predictions: [1, 2, 3, 4], targets: [0, 0, 0, 0]),
                        equals: [0.5, 1, 1.5, 2], "ŷ = [1, 2, 3, 4], y = 0")
                    // Central differences of (1/n) Σ (ŷ − y)² at ŷ = [0.5, −1, 2], y = [1, 1, 1].
                    let y = [1.0, 1, 1], prediction = [0.5, -1, 2]
                    let loss: ([Double]) -> Double = { p in
                        var total = 0.0
                        for i in p.indices { total += (p[i] - y[i]) * (p[i] - y[i]) }
                        return total / 3
                    }
                    let numeric = numericalGradient(of: loss, at: prediction)
                    try expect(
                        try Answers.meanSquaredErrorGradient(predictions: prediction, targets: y), equals: numeric,
                        "against central differences", tolerance: .numerical)
                }),
            Exercise(
                id: "6.6", title: "Softmax + cross-entropy backward over a batch",
                task:
                    "Return ∂L/∂Z for L = (1/N) Σₙ −log softmax(zₙ)[labelₙ]: row n is (softmax(zₙ) − onehot(labelₙ))/N, stable for logits near 1000.",
                file: file, function: "softmaxCrossEntropyBatchGradient(logits:labels:)",
                hints: [
                    "Row by row, this is exercise 6.4; the mean over the batch divides every row by the number of rows N.",
                    "Use the stable softmax (subtract each row's maximum): one row of the check has logits of 1000."
                ],
                check: {
                    // Rows [0, ln 3] (softmax [¼, ¾], label 1) and [ln 2, ln 2] ([½, ½], label 0), N = 2:
                    // ([¼, −¼], [−½, ½]) / 2 = [[⅛, −⅛], [−¼, ¼]].
                    try expect(
                        try Answers.softmaxCrossEntropyBatchGradient(
                            logits: [[0, log(3)], [log(2), log(2)]], labels: [1, 0]),
                        equals: [[0.125, -0.125], [-0.25, 0.25]], "two rows by hand")
                    // [1000, 1000], label 1, N = 1: [½, −½].
                    try expect(
                        try Answers.softmaxCrossEntropyBatchGradient(logits: [[1000, 1000]], labels: [1]),
                        equals: [[0.5, -0.5]], "logits [1000, 1000]")
                    // Central differences of the mean loss for 3 rows of 4 classes.
                    var generator = SeededGenerator(seed: 66)
                    let logits = generator.normalMatrix(rows: 3, columns: 4), labels = [2, 0, 3]
                    let loss: (Matrix) -> Double = { z in
                        (0..<z.rows).reduce(0) { total, n in
                            let row = z.row(n), m = row.max() ?? 0
                            return total + m + log(row.reduce(0) { $0 + exp($1 - m) }) - row[labels[n]]
                        } / Double(z.rows)
                    }
                    try expect(
                        try Answers.softmaxCrossEntropyBatchGradient(logits: logits, labels: labels),
                        equals: numericalGradient(of: loss, at: logits), "against central differences",
                        tolerance: .numerical)
                })
        ]
    }
}
