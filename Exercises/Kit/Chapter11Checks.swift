import DLMath
import Foundation

/// The exercises of chapter 11 (training a network). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter11Exercises {
    /// 11.1 The L2 penalty (λ/2) Σ w² of some weights and the gradient g + λ w.
    static func l2Penalty(weights: [Double], gradient: [Double], strength lambda: Double) throws -> (
        penalty: Double, gradient: [Double]
    )
    /// 11.2 Inverted dropout in training mode: xᵢ / (1 − p) where kept, 0 where dropped.
    static func invertedDropout(_ x: [Double], keep: [Bool], rate p: Double) throws -> [Double]
    /// 11.3 The confusion matrix counts[actual][predicted].
    static func confusionMatrix(predicted: [Int], actual: [Int], classCount: Int) throws -> [[Int]]
    /// 11.4 Early stopping: the epoch (from 1) after which training stops, and the best epoch.
    static func earlyStopping(validationLosses: [Double], patience: Int) throws -> (stopAfter: Int, bestEpoch: Int)
    /// 11.5 Training: a softmax classifier (weights d x K, bias 1 x K) fitted by a loop of your own; held-out accuracy ≥ 0.9 within 3 s.
    static func trainSoftmaxClassifier(features x: Matrix, labels: [Int], classCount: Int) throws -> (
        weights: Matrix, bias: Matrix
    )
    /// 11.6 Debugging: one SGD step with L2 weight decay, w ← w − lr (g + λ w) (the workbook's version has a bug).
    static func weightDecayStep(
        weights w: [Double], gradient g: [Double], learningRate lr: Double, strength lambda: Double
    ) throws -> [Double]
}

/// The checks and hints of chapter 11, run against any conforming answers.
public enum Chapter11Checks {
    static let file = "Exercises/Workbook/Chapter11.swift"

    public static func exercises<Answers: Chapter11Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "11.1", title: "The L2 penalty and its gradient",
                task: "R = (λ/2) Σᵢ wᵢ², and the gradient of loss + R: gᵢ + λ wᵢ. Return (R, g + λw).",
                file: file, function: "l2Penalty(weights:gradient:strength:)",
                hints: [
                    "The ½ is there so that the derivative of (λ/2) w² is exactly λ w.",
                    "The penalty is one number, (λ/2) Σ wᵢ²; the gradient is a list, each gᵢ plus λ wᵢ."
                ],
                check: {
                    // w = (1, −2, 3), λ = 0.1: R = 0.05 · 14 = 0.7; g = (0.5, 0.5, 0.5) → (0.6, 0.3, 0.8).
                    let result = try Answers.l2Penalty(weights: [1, -2, 3], gradient: [0.5, 0.5, 0.5], strength: 0.1)
                    try expect(result.penalty, equals: 0.7, "penalty for w = (1, −2, 3), λ = 0.1")
                    try expect(result.gradient, equals: [0.6, 0.3, 0.8], "gradient g + λw")
                    // λ = 0 changes nothing.
                    let none = try Answers.l2Penalty(weights: [4, 5], gradient: [1, 2], strength: 0)
                    try expect([none.penalty] + none.gradient, equals: [0, 1, 2], "λ = 0")
                }),
            Exercise(
                id: "11.2", title: "Inverted dropout",
                task:
                    "In training, y = x ⊙ m with mᵢ = 1/(1 − p) where keep[i] and 0 where not: the expectation of y is x.",
                file: file, function: "invertedDropout(_:keep:rate:)",
                hints: [
                    "Scale the kept values up rather than the test-time values down: that is the 'inverted' part.",
                    "A kept entry is divided by the keep probability 1 − p (not by p); a dropped one becomes 0."
                ],
                check: {
                    // p = 0.5: kept values double. p = 0.75: kept values ×4.
                    try expect(
                        try Answers.invertedDropout([1, 2, 3, 4], keep: [true, false, true, false], rate: 0.5),
                        equals: [2, 0, 6, 0], "p = 0.5")
                    try expect(
                        try Answers.invertedDropout([1, -1], keep: [true, true], rate: 0.75), equals: [4, -4],
                        "p = 0.75, all kept")
                    // The mean over all keep patterns of one element (kept with probability 1 − p) is x:
                    // (1 − p) · x/(1 − p) + p · 0 = x. With p = 0.25 and 4 patterns of which 3 keep:
                    let kept = try Answers.invertedDropout([8], keep: [true], rate: 0.25)[0]
                    try expect((3 * kept + 0) / 4, equals: 8, "the expectation is kept")
                }),
            Exercise(
                id: "11.3", title: "The confusion matrix",
                task:
                    "counts[a][p] = how many examples of true class a were predicted as p (rows truth, columns prediction).",
                file: file, function: "confusionMatrix(predicted:actual:classCount:)",
                hints: [
                    "Start from a classCount x classCount grid of zeros and add 1 per example.",
                    "Rows are the truth and columns the prediction: each example adds 1 at row actual, column predicted."
                ],
                check: {
                    // actual 0 0 0 1 1 2 2 2, predicted 0 1 0 1 1 2 0 2.
                    let counts = try Answers.confusionMatrix(
                        predicted: [0, 1, 0, 1, 1, 2, 0, 2], actual: [0, 0, 0, 1, 1, 2, 2, 2], classCount: 3)
                    try expect(counts, equals: [[2, 1, 0], [0, 2, 0], [1, 0, 2]], "counts (rows = actual)")
                    // A class with no examples still has its row and column.
                    let empty = try Answers.confusionMatrix(predicted: [0], actual: [0], classCount: 2)
                    try expect(empty, equals: [[1, 0], [0, 0]], "one example, two classes")
                }),
            Exercise(
                id: "11.4", title: "Early stopping",
                task:
                    "An epoch improves when its loss is below the best so far. Stop after `patience` epochs in a row without improvement (or at the last epoch). Return (the epoch training stops after, the best epoch), epochs counted from 1.",
                file: file, function: "earlyStopping(validationLosses:patience:)",
                hints: [
                    "Keep the best loss, its epoch and a counter of epochs since the best; reset the counter on improvement.",
                    "Epochs count from 1. Stop as soon as the counter reaches the patience; a loss equal to the best is not an improvement."
                ],
                check: {
                    // 5, 4, 3, 3.5, 3.2, 3.1, 2.9 with patience 3: best at 3, epochs 4-6 fail, stop after 6.
                    let first = try Answers.earlyStopping(validationLosses: [5, 4, 3, 3.5, 3.2, 3.1, 2.9], patience: 3)
                    try expect(first.stopAfter, equals: 6, "epoch training stops after (patience 3)")
                    try expect(first.bestEpoch, equals: 3, "best epoch")
                    // Never stops: always improving → runs all 4, best the last.
                    let second = try Answers.earlyStopping(validationLosses: [4, 3, 2, 1], patience: 1)
                    try expect(second.stopAfter, equals: 4, "an always-improving curve runs to the end")
                    try expect(second.bestEpoch, equals: 4, "its best epoch is the last")
                    // Equal is not better: 2, 2 with patience 1 stops after epoch 2, best 1.
                    let third = try Answers.earlyStopping(validationLosses: [2, 2, 1], patience: 1)
                    try expect(
                        third.stopAfter == 2 && third.bestEpoch == 1,
                        "a tie is not an improvement: expected (2, 1), got (\(third.stopAfter), \(third.bestEpoch))")
                }),
            Exercise(
                id: "11.5", title: "Train a classifier to a held-out accuracy",
                task:
                    "Write a training loop for softmax regression (logits X W + b, mean cross-entropy, gradient descent) on 150 points of 3 classes. The check asks for at least 90% accuracy on 150 held-out points, within 3 s.",
                file: file, function: "trainSoftmaxClassifier(features:labels:classCount:)",
                hints: [
                    "Start from W = 0 and b = 0. Each step: the logits, their softmax P row by row, then ∂L/∂W = Xᵀ (P − Y)/N and ∂L/∂b = the column sums of (P − Y)/N (exercise 6.6).",
                    "Subtract lr times the gradient (not add). A rate of about 0.5 and a few hundred steps reach the target; print the training accuracy to watch it climb."
                ],
                check: {
                    // Three Gaussian blobs (σ = 0.7) around (0, 2), (−2, −1), (2, −1): nearly separable, chance is 1/3.
                    var generator = SeededGenerator(seed: 115)
                    let centres = [[0.0, 2], [-2, -1], [2, -1]]
                    func sample(_ n: Int) -> (Matrix, [Int]) {
                        let labels = (0..<n).map { $0 % 3 }
                        let x = Matrix(rows: n, columns: 2) { i, j in centres[labels[i]][j] + 0.7 * generator.normal() }
                        return (x, labels)
                    }
                    let (trainX, trainLabels) = sample(150), (testX, testLabels) = sample(150)
                    let clock = ContinuousClock()
                    let start = clock.now
                    let model = try Answers.trainSoftmaxClassifier(features: trainX, labels: trainLabels, classCount: 3)
                    let elapsed = clock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                    try expect(
                        model.weights.rows == 2 && model.weights.columns == 3 && model.bias.rows == 1
                            && model.bias.columns == 3,
                        "shapes: expected weights 2x3 and bias 1x3, got \(model.weights.shapeDescription) and \(model.bias.shapeDescription)"
                    )
                    let predicted = (testX * model.weights + model.bias).argmaxPerRow()
                    let accuracy =
                        Double(zip(predicted, testLabels).filter { $0 == $1 }.count) / Double(testLabels.count)
                    try expect(accuracy >= 0.9, "held-out accuracy: expected at least 0.9, got \(accuracy)")
                    try expect(seconds < 3, "training time: expected below 3 s, got \(seconds) s")
                }),
            Exercise(
                id: "11.6", title: "Debugging: weight decay",
                task:
                    "The workbook's weightDecayStep has a planted bug. Find it, fix it, and delete the line `try bugStillPlanted()`.",
                file: file, function: "weightDecayStep(weights:gradient:learningRate:strength:)",
                hints: [
                    "Gradient checking helps here too: the step must be w − lr times the gradient of L(w) + (λ/2)‖w‖². Differentiate the penalty by hand, or by central differences, and compare.",
                    "Try a zero loss gradient: weight decay alone must shrink every weight towards 0. Does the buggy step?"
                ],
                check: {
                    // w = [1, −2], g = [0.5, 0.5], lr = 0.1, λ = 0.1: g + λw = [0.6, 0.3], so w − 0.1·(g + λw) = [0.94, −2.03].
                    try expect(
                        try Answers.weightDecayStep(
                            weights: [1, -2], gradient: [0.5, 0.5], learningRate: 0.1, strength: 0.1),
                        equals: [0.94, -2.03], "w = [1, −2], g = [0.5, 0.5], lr = 0.1, λ = 0.1")
                    // Decay alone: w = [10], g = 0, lr = 0.5, λ = 0.2: 10 − 0.5 · 2 = 9 (the bug grows it to 11).
                    try expect(
                        try Answers.weightDecayStep(weights: [10], gradient: [0], learningRate: 0.5, strength: 0.2),
                        equals: [9], "decay alone")
                })
        ]
    }
}
