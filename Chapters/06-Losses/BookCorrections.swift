// 6.8 Where the book is wrong: the mean squared error against the book's 100 x 100 target.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book trains with loss='mse' on the y of y = np.dot(X, [0.5, 0.3]) + np.random.rand(100, 1), which is 100 x 100 (chapter 1): yᵢⱼ = tⱼ + nᵢ with t = X w and n the uniform noise. The network outputs one number ŷᵢ per example, and Keras' MSE broadcasts it against the whole row: Lᵢ = (1/100) Σⱼ (tⱼ + nᵢ − ŷᵢ)². Every example is asked to hit all 100 targets at once. The best ŷᵢ is then t̄ + nᵢ, which no function of xᵢ can produce (nᵢ is independent of xᵢ), and the best function of x is the constant t̄ + n̄: the loss rewards ignoring the input. Measured on the seeded data of chapter 1 (seed 100):"
    )
    var generator = SeededGenerator(seed: 100)
    let x = generator.uniformMatrix(rows: 100, columns: 2)
    let n = generator.uniformMatrix(rows: 100, columns: 1).elements
    let t = (x * Matrix(column: [0.5, 0.3])).elements
    let broadcastTargets = Matrix(rows: 100, columns: 100) { i, j in t[j] + n[i] }
    let (tMean, nMean) = (t.reduce(0, +) / 100, n.reduce(0, +) / 100)
    let varianceT = t.map { ($0 - tMean) * ($0 - tMean) }.reduce(0, +) / 100
    let varianceN = n.map { ($0 - nMean) * ($0 - nMean) }.reduce(0, +) / 100
    /// ŷᵢ repeated along row i, as Keras broadcasts a (100, 1) output against (100, 100) targets.
    func rows(_ predictions: [Double]) -> Matrix { Matrix(rows: 100, columns: 100) { i, _ in predictions[i] } }
    let constant = meanSquaredError(
        predictions: rows(Array(repeating: tMean + nMean, count: 100)), targets: broadcastTargets
    ).value
    let trueModel = meanSquaredError(predictions: rows(t.map { $0 + 0.5 }), targets: broadcastTargets).value
    chapter.check(
        "MSE of the constant t̄ + n̄ against the 100 x 100 y", computed: constant, byHand: varianceT + varianceN,
        derivation: "Var t + Var n (the cross term averages to 0), summed here", tolerance: .tight)
    let trueByHand =
        varianceT + (0..<100).map { i in
            let r = n[i] - 0.5 - (t[i] - tMean)
            return r * r
        }.reduce(0, +) / 100
    chapter.check(
        "MSE of the true model ŷ = X w + ½ against the 100 x 100 y", computed: trueModel, byHand: trueByHand,
        derivation: "Var t + mean (nᵢ − ½ − (tᵢ − t̄))², summed here", tolerance: .tight)
    chapter.say(
        "On this sample the two are close, because its noise happens to correlate with t (r = 0.27, chapter 1). In expectation the true model pays Var t more: E[MSE] ≈ Var t + Var n = 0.34/12 + 1/12 = 0.1117 for the constant and 2 Var t + Var n = 0.1400 for the true model (Var t = (0.5² + 0.3²)/12, Var n = 1/12, each less 1 % for the sample means). Over 100 samples (seeds 1…100):"
    )
    var constants: [Double] = [], trueModels: [Double] = []
    for seed in 1...100 {
        var sampleGenerator = SeededGenerator(seed: UInt64(seed))
        let sampleX = sampleGenerator.uniformMatrix(rows: 100, columns: 2)
        let sampleN = sampleGenerator.uniformMatrix(rows: 100, columns: 1).elements
        let sampleT = (sampleX * Matrix(column: [0.5, 0.3])).elements
        let targets = Matrix(rows: 100, columns: 100) { i, j in sampleT[j] + sampleN[i] }
        let level = (sampleT.reduce(0, +) + sampleN.reduce(0, +)) / 100
        constants.append(
            meanSquaredError(predictions: rows(Array(repeating: level, count: 100)), targets: targets).value)
        trueModels.append(meanSquaredError(predictions: rows(sampleT.map { $0 + 0.5 }), targets: targets).value)
    }
    let (meanConstant, meanTrue) = (constants.reduce(0, +) / 100, trueModels.reduce(0, +) / 100)
    chapter.check(
        "mean MSE of the constant over 100 samples (to within 0.004)", computed: meanConstant, byHand: 0.99 * 1.34 / 12,
        derivation: "0.99 (Var t + Var n) = 0.99 · 1.34/12", tolerance: Tolerance(absolute: 0.004, relative: 0))
    chapter.check(
        "mean MSE of the true model over 100 samples (to within 0.004)", computed: meanTrue,
        byHand: 2 * 0.99 * 0.34 / 12 + 1.0 / 12,
        derivation: "2 · 0.99 Var t + Var n = 1.98 · 0.34/12 + 1/12", tolerance: Tolerance(absolute: 0.004, relative: 0)
    )
    let wins = zip(constants, trueModels).filter { $0 < $1 }.count
    chapter.check(
        "the constant beats the true model on most samples: the loss punishes using x", holds: wins > 90,
        detail:
            "on \(wins) of 100 samples (seed 100 above: \(formatFixed(constant, decimals: 4)) < \(formatFixed(trueModel, decimals: 4)))"
    )
    let column = Matrix(column: zip(t, n).map { $0 + $1 })
    let constantRight = meanSquaredError(
        predictions: Matrix(column: Array(repeating: tMean + nMean, count: 100)), targets: column
    ).value
    let trueRight = meanSquaredError(predictions: Matrix(column: t.map { $0 + 0.5 }), targets: column).value
    chapter.say(
        "With the corrected 100 x 1 targets the order flips, as it should: the true model's MSE is the noise's mean square about ½ (close to 1/12 = 0.0833), the constant's is the variance of y:"
    )
    chapter.check(
        "against the 100 x 1 y the true model wins", holds: trueRight < constantRight,
        detail:
            "true model \(formatFixed(trueRight, decimals: 4)) < constant \(formatFixed(constantRight, decimals: 4))")
    chapter.say(
        "Keras does not warn about the shapes; it broadcasts. A loss in this module requires equal shapes and stops with both named, so the mismatch is found at the first call. Chapter 11 shows what training on the book's literal line gives."
    )
}
