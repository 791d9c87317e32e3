// Chapter 11, 11.1: the book's Keras example run as written (y broadcast to 100 x 100), then corrected.
import DLMath
import DLPresentation
import Foundation

/// Keras' Adam as `model.compile(optimizer='adam')` builds it: lr 0.001, β (0.9, 0.999), ε̂ = 1e-7 in the ε-hat form.
func kerasAdam(learningRate: Double = 0.001) -> Adam {
    Adam(learningRate: learningRate, epsilon: 1e-7, convention: .keras)
}

/// The least-squares plane w₀ + w₁x₁ + w₂x₂ through `examples` (normal equations): [w₀, w₁, w₂].
func leastSquaresPlane(_ examples: TrainingExamples) -> [Double] {
    normalEquationsSolution(features: LinearRegression.withIntercept(examples.inputs), targets: examples.targets)!
        .elements
}

/// 11.1: the book's lines as written, what NumPy makes of them and what training on them does; then the fix.
func bookExampleAsWritten(_ chapter: inout Chapter, networkSeed: UInt64) {
    chapter.section("The book's example, as the book has it")
    chapter.formula(
        """
        X = np.random.rand(100, 2)
        y = np.dot(X, [0.5, 0.3]) + np.random.rand(100, 1)
        model: Dense(2, relu) → Dense(2, relu) → Dense(1);   compile(optimizer='adam', loss='mse');   fit(X, y, epochs=100)
        """)
    var generator = SeededGenerator(seed: 2024)
    let x = generator.uniformMatrix(rows: 100, columns: 2)
    let noise = generator.uniformMatrix(rows: 100, columns: 1)
    let line = (0..<100).map { 0.5 * x[$0, 0] + 0.3 * x[$0, 1] }  // np.dot(X, w): shape (100,)
    // NumPy aligns shapes from the right: (100,) is a row 1 x 100, (100, 1) a column, the sum is 100 x 100.
    var literal = Matrix(rows: 100, columns: 100)
    for i in 0..<100 { for j in 0..<100 { literal[i, j] = line[j] + noise[i, 0] } }
    chapter.say(
        "np.dot(X, [0.5, 0.3]) has shape (100,) and np.random.rand(100, 1) shape (100, 1). NumPy aligns shapes "
            + "from the right, treats the (100,) vector as a 1 x 100 row and stretches both (chapter 1's broadcasting section, 1.11, "
            + "and its errata): y is \(literal.shapeDescription), y[i][j] = 0.5 X[j][0] + 0.3 X[j][1] + u[i]. Row i pairs "
            + "input i with every example's line value, shifted by its own noise u[i]. And the noise is uniform on "
            + "[0, 1), mean 0.5, variance 1/12, not small zero-mean noise.")
    chapter.check(
        "y[3][5], one entry of the broadcast sum, by hand", computed: literal[3, 5],
        byHand: 0.5 * x[5, 0] + 0.3 * x[5, 1] + noise[3, 0], derivation: "0.5 X[5][0] + 0.3 X[5][1] + u[3]",
        tolerance: .tight)
    chapter.check(
        "y has 100 x 100 = 10,000 entries", holds: literal.rows == 100 && literal.columns == 100,
        detail: "\(literal.shapeDescription), from (100,) + (100, 1)")

    // Keras' mean squared error takes the mean over the last axis, broadcasting the (batch, 1) prediction against
    // (batch, 100): per example (1/100) Σⱼ (y_ij − ŷ_i)² = (ŷ_i − ȳ_i)² + s_i², with ȳ_i, s_i² the row's mean and variance.
    let rowMeans = (0..<100).map { i in (0..<100).reduce(0.0) { $0 + literal[i, $1] } / 100 }
    let rowVariances = (0..<100).map { i in
        (0..<100).reduce(0.0) { $0 + (literal[i, $1] - rowMeans[i]) * (literal[i, $1] - rowMeans[i]) } / 100
    }
    let offset = rowVariances.reduce(0, +) / 100
    let asKerasTrainsIt = TrainingExamples(inputs: x, targets: Matrix(column: rowMeans))
    chapter.say(
        "Keras does not complain: its MSE averages over the last axis and broadcasts the (batch, 1) prediction "
            + "against the (batch, 100) target, so each example's loss is (1/100) Σⱼ (y_ij − ŷ_i)² = (ŷ_i − ȳ_i)² + s_i², "
            + "with ȳ_i and s_i² the mean and variance of row i. Training on the book's y is training on the targets "
            + "ȳ_i = mean(line) + u[i], which have nothing to do with x_i, plus a constant.")
    var literalTrainer = Trainer(
        network: multilayerPerceptron([2, 2, 2, 1], seed: networkSeed), optimizer: kerasAdam(),
        loss: .meanSquaredError, epochs: 100, batchSize: 32, seed: 1)
    _ = literalTrainer.fit(asKerasTrainsIt)
    let predictions = literalTrainer.network.predict(x)
    var direct = 0.0  // Keras' loss on the 100 x 100 target, summed entry by entry
    for i in 0..<100 {
        for j in 0..<100 { direct += (literal[i, j] - predictions[i, 0]) * (literal[i, j] - predictions[i, 0]) }
    }
    direct /= 10_000
    chapter.check(
        "Keras' loss on the 100 x 100 y = the loss on the row means + the mean row variance",
        computed: direct, byHand: literalTrainer.evaluate(asKerasTrainsIt).loss + offset,
        derivation: "the mean over i of (ŷ_i − ȳ_i)² + s_i²", tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))
    let literalPlane = leastSquaresPlane(asKerasTrainsIt)
    let corrected = TrainingExamples(inputs: x, targets: Matrix(column: (0..<100).map { line[$0] + noise[$0, 0] }))
    let correctedPlane = leastSquaresPlane(corrected)
    var correctedTrainer = Trainer(
        network: multilayerPerceptron([2, 2, 2, 1], seed: networkSeed), optimizer: kerasAdam(),
        loss: .meanSquaredError, epochs: 100, batchSize: 32, seed: 1)
    let correctedStart = correctedTrainer.evaluate(corrected).loss
    let correctedHistory = correctedTrainer.fit(corrected)
    let correctedFloor = LinearRegression(weights: Matrix(column: correctedPlane))
        .loss(features: LinearRegression.withIntercept(x), targets: corrected.targets)
    chapter.say(
        "The corrected line is y = np.dot(X, [0.5, 0.3]) + np.random.rand(100): shape (100,), one noise value per "
            + "example. The least-squares plane w₀ + w₁x₁ + w₂x₂ (normal equations) through each version of the data:")
    var planes = TextTable(
        ["data", "w₀", "w₁ (true 0.5)", "w₂ (true 0.3)", "plane's MSE", "network's MSE, 100 epochs", "Var(targets)"],
        alignments: [.left, .right, .right, .right, .right, .right, .right])
    let variance = { (t: Matrix) -> Double in
        let m = t.mean; return t.elements.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(t.count)
    }
    let literalFloor = LinearRegression(weights: Matrix(column: literalPlane))
        .loss(features: LinearRegression.withIntercept(x), targets: asKerasTrainsIt.targets)
    let literalLoss = literalTrainer.evaluate(asKerasTrainsIt).loss
    planes.append([
        "the book's y (row means ȳ_i)", formatFixed(literalPlane[0], decimals: 3),
        formatFixed(literalPlane[1], decimals: 3),
        formatFixed(literalPlane[2], decimals: 3), formatFixed(literalFloor, decimals: 4),
        formatFixed(literalLoss, decimals: 4),
        formatFixed(variance(asKerasTrainsIt.targets), decimals: 4)
    ])
    planes.append([
        "corrected, rand(100)", formatFixed(correctedPlane[0], decimals: 3),
        formatFixed(correctedPlane[1], decimals: 3),
        formatFixed(correctedPlane[2], decimals: 3), formatFixed(correctedFloor, decimals: 4),
        formatFixed(correctedTrainer.evaluate(corrected).loss, decimals: 4),
        formatFixed(variance(corrected.targets), decimals: 4)
    ])
    chapter.table(planes)
    chapter.say(
        "On the book's y the best plane is nearly flat and hardly beats the constant mean (Var(targets)): x carries "
            + "no information about its target. Keras would report a loss of \(formatFixed(direct, decimals: 4)) for the book's run, "
            + "the network's \(formatFixed(literalLoss, decimals: 4)) on the row means plus \(formatFixed(offset, decimals: 4)), the mean "
            + "variance along a row, which no model can remove. The plane's MSE is the same on both versions to the last "
            + "digit: both are the residual of u on a plane, because the line is itself a plane; what the book's y loses is the slope."
    )
    chapter.check(
        "on the book's y no plane finds the line: |w₁|, |w₂| < 0.25 (standard error about 0.1 each)",
        holds: abs(literalPlane[1]) < 0.25 && abs(literalPlane[2]) < 0.25,
        detail:
            "w₁ = \(formatFixed(literalPlane[1], decimals: 3)), w₂ = \(formatFixed(literalPlane[2], decimals: 3)): the targets ȳ_i do not depend on x_i"
    )
    chapter.check(
        "corrected, the plane recovers 0.5 and 0.3 within 0.25 and an intercept near the noise mean 0.5",
        holds: abs(correctedPlane[1] - 0.5) < 0.25 && abs(correctedPlane[2] - 0.3) < 0.25
            && abs(correctedPlane[0] - 0.5) < 0.2,
        detail: "w = (\(correctedPlane.map { formatFixed($0, decimals: 3) }.joined(separator: ", ")))")
    chapter.check(
        "the corrected least-squares MSE is near the uniform noise's variance 1/12 ≈ 0.0833",
        holds: abs(correctedFloor - 1.0 / 12) < 3 * (1.0 / 12) * (0.8 / 97).squareRoot(),
        detail:
            "\(formatFixed(correctedFloor, decimals: 4)); the variance of a uniform square has relative spread √(0.8/n), 3 of them allowed"
    )
    chapter.say(
        "Corrected, the network went from MSE \(formatFixed(correctedStart, decimals: 4)) to "
            + "\(formatFixed(correctedHistory.last!.trainingLoss, decimals: 4)) in 100 epochs of Keras' Adam against the plane's "
            + "\(formatFixed(correctedFloor, decimals: 4)). That looks close only because the uniform noise's variance 1/12 dwarfs the "
            + "signal's, Var(0.5 x₁ + 0.3 x₂) = 0.34/12 ≈ 0.028: even the constant mean scores \(formatFixed(variance(corrected.targets), decimals: 4)). "
            + "The companion's choices from here on: seeds (data 2024, weights 1, batches 1); Keras' defaults where the book relies "
            + "on them (Glorot uniform weights, zero biases, batch 32, Adam in Keras' ε-hat form with ε̂ = 1e-7); and, so that the "
            + "fit shows in the loss, zero-mean Gaussian noise with σ = 0.1 instead of uniform noise, which only moves the intercept by 0.5 "
            + "and the floor from 1/12 to 0.01.")
}
