// 1.17 Where the book is wrong: its data line broadcasts to 100 x 100, and weights sit on connections.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "1. The book's data line, y = np.dot(X, [0.5, 0.3]) + np.random.rand(100, 1). X is (100, 2), so np.dot(X, [0.5, 0.3]) is a vector of shape (100,), which NumPy reads as a row (1, 100); np.random.rand(100, 1) is a column (100, 1). NumPy broadcasts the pair to (100, 100): yᵢⱼ = (X w)ⱼ + noiseᵢ. Every row of y holds all 100 targets, and target i no longer belongs to example i. With three examples it is easy to see:"
    )
    let x: Matrix = [[1, 0], [0, 1], [1, 1]]
    let noise: Matrix = [[0.1], [0.2], [0.3]]
    let xw = x * [0.5, 0.3]
    chapter.show("X w, shape (3,)", xw)
    chapter.show("noise, shape (3, 1)", noise.elements)
    let ones = Matrix(column: [1, 1, 1])
    let numpyResult = ones * Matrix(row: xw) + noise * Matrix(row: [1, 1, 1])
    chapter.check(
        "NumPy's (3,) + (3, 1): yᵢⱼ = (X w)ⱼ + noiseᵢ, a 3 x 3 matrix", computed: numpyResult,
        byHand: [[0.6, 0.4, 0.9], [0.7, 0.5, 1.0], [0.8, 0.6, 1.1]],
        derivation: "rows [0.5, 0.3, 0.8] + 0.1, + 0.2, + 0.3")
    var generator = SeededGenerator(seed: 100)
    let bookX = generator.uniformMatrix(rows: 100, columns: 2)
    let bookNoise = generator.uniformMatrix(rows: 100, columns: 1)
    let targets = bookX * [0.5, 0.3]
    let broadcast =
        Matrix(column: Array(repeating: 1, count: 100)) * Matrix(row: targets)
        + bookNoise * Matrix(row: Array(repeating: 1, count: 100))
    chapter.check(
        "the book's y for 100 examples (seed 100) has shape 100x100, not 100x1",
        holds: broadcast.shapeDescription == "100x100",
        detail: "y is \(broadcast.shapeDescription): 10,000 targets for 100 examples")
    let column0 = (0..<100).map { broadcast[$0, 0] }
    let correlation = pearson(column0, targets)
    chapter.say(
        "Column j of that y is (X w)ⱼ + noiseᵢ: one number plus the noise, whatever xᵢ is (the columns differ only by a constant). Its correlation with the real targets (X w)ᵢ is that of the noise with X w, \(formatFixed(correlation, decimals: 3)): chance level, for r of independent samples of 100 has a standard deviation of about 1/√100 = 0.1. The real column (X w)ᵢ + noiseᵢ has correlation \(formatFixed(pearson(zip(targets, bookNoise.elements).map { $0 + $1 }, targets), decimals: 3))."
    )
    chapter.check(
        "correlation of y[:, 0] with X w within 4 standard deviations (0.4) of 0", holds: abs(correlation) < 0.4,
        detail: "r = \(formatFixed(correlation, decimals: 3))")
    let corrected = bookX * Matrix(column: [0.5, 0.3]) + bookNoise
    chapter.say(
        "The right line keeps X w a column: y = X @ np.array([[0.5], [0.3]]) + noise (or np.dot(X, w).reshape(-1, 1) + noise), shape (100, 1). In this module X W is always a matrix, and adding a (100, 1) column to a (1, 100) row is refused with both shapes named, so the slip cannot happen here. Chapter 3 takes up the other half of the line (rand is not zero-mean noise), chapter 6 what a loss does with the 100 x 100 target, chapter 11 what training on it gives."
    )
    chapter.check(
        "the corrected y = X W + noise has shape 100x1", holds: corrected.shapeDescription == "100x1",
        detail: "y is \(corrected.shapeDescription)")

    chapter.say(
        "2. \"Each node has a weight.\" Weights belong to connections, biases to nodes: a dense layer from n inputs to m nodes has the n x m matrix W, one weight per (input, node) pair, and m biases. The book's network Dense(2) → Dense(2) → Dense(1) on 2 inputs has 5 nodes but 10 weights and 5 biases."
    )
    let layers = [(2, 2), (2, 2), (2, 1)].map {
        Dense(weights: Matrix(rows: $0.0, columns: $0.1), bias: Matrix(rows: 1, columns: $0.1))
    }
    chapter.show("weight shapes", layers.map { $0.weights.shapeDescription }.joined(separator: ", "))
    chapter.check(
        "parameters of 2 → 2 → 2 → 1", computed: Double(layers.map(\.parameterCount).reduce(0, +)), byHand: 15,
        derivation: "(2·2 + 2) + (2·2 + 2) + (2·1 + 1) = 6 + 6 + 3")
}

/// Pearson's correlation r = Σ (aᵢ − ā)(bᵢ − b̄) / √(Σ (aᵢ − ā)² Σ (bᵢ − b̄)²).
private func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let (meanA, meanB) = (a.reduce(0, +) / Double(a.count), b.reduce(0, +) / Double(b.count))
    let da = a.map { $0 - meanA }, db = b.map { $0 - meanB }
    return da.dot(db) / (da.dot(da) * db.dot(db)).squareRoot()
}
