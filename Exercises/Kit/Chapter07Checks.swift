import DLMath

/// The exercises of chapter 7 (forward propagation).
public protocol Chapter07Exercises {
    /// 7.1 A dense layer's forward pass Y = X W + b (X: m x n, W: n x k, b: 1 x k added to every row).
    static func denseForward(_ x: Matrix, weights: Matrix, bias: Matrix) throws -> Matrix
    /// 7.2 The parameter count of an MLP with layer widths [n₀, n₁, …, n_L]: Σₗ (nₗ₋₁·nₗ + nₗ).
    static func parameterCount(layerSizes: [Int]) throws -> Int
    /// 7.3 The Xavier (Glorot) uniform limit a = √(6 / (fan_in + fan_out)).
    static func xavierUniformLimit(fanIn: Int, fanOut: Int) throws -> Double
}

/// The checks and hints of chapter 7, run against any conforming answers.
public enum Chapter07Checks {
    static let file = "Exercises/Workbook/Chapter07.swift"

    public static func exercises<Answers: Chapter07Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "7.1", title: "A dense layer forward",
                task: "Return Y = X W + b, adding the 1 x k bias row to every row of X W.",
                file: file, function: "denseForward(_:weights:bias:)",
                hints: [
                    "The matrix product X W has one row per example; then add b to each row.",
                    "Matrix multiplication is the matrix product, and adding a 1 x k row to an m x k matrix adds it to every row.",
                ],
                check: {
                    // By hand: row 0 [1·1 + 2·2 + 0.5, 1·0 + 2·1 − 1, 1·(−1) + 0 + 2] = [5.5, 1, 1];
                    //          row 1 [3 − 2 + 0.5, 0 − 1 − 1, −3 + 0 + 2] = [1.5, −2, −1].
                    let y = try Answers.denseForward([[1, 2], [3, -1]], weights: [[1, 0, -1], [2, 1, 0]], bias: [[0.5, -1, 2]])
                    try expect(y, equals: [[5.5, 1, 1], [1.5, -2, -1]], "denseForward on a 2 x 2 batch, 2 → 3")
                    // A neuron: w · x + b = 0.5 − 2 + 0.75 + 1 = 0.25.
                    let neuron = try Answers.denseForward([[1, 2, 3]], weights: [[0.5], [-1], [0.25]], bias: [[1]])
                    try expect(neuron, equals: [[0.25]], "denseForward for one neuron")
                }),
            Exercise(
                id: "7.2", title: "Counting parameters",
                task: "Return Σₗ (nₗ₋₁·nₗ + nₗ) for layer widths [n₀, …, n_L] (n₀ = inputs).",
                file: file, function: "parameterCount(layerSizes:)",
                hints: [
                    "Each consecutive pair (n, k) of widths is one Dense layer with n·k weights and k biases.",
                    "For widths [n₀, n₁, n₂] there are two layers: n₀·n₁ + n₁ and n₁·n₂ + n₂. The input width n₀ has no biases of its own.",
                ],
                check: {
                    // 784·128 + 128 + 128·64 + 64 + 64·10 + 10 = 100,480 + 8,256 + 650.
                    try expect(try Answers.parameterCount(layerSizes: [784, 128, 64, 10]), equals: 109_386, "[784, 128, 64, 10]")
                    // The book's network: 2·2 + 2 + 2·2 + 2 + 2·1 + 1 = 15.
                    try expect(try Answers.parameterCount(layerSizes: [2, 2, 2, 1]), equals: 15, "[2, 2, 2, 1]")
                    try expect(try Answers.parameterCount(layerSizes: [5]), equals: 0, "[5] (no layer)")
                }),
            Exercise(
                id: "7.3", title: "The Xavier uniform limit",
                task: "Return a = √(6 / (fan_in + fan_out)), so that U(−a, a) has variance 2/(fan_in + fan_out).",
                file: file, function: "xavierUniformLimit(fanIn:fanOut:)",
                hints: [
                    "U(−a, a) has variance a²/3; set it equal to 2/(fan_in + fan_out) and solve for a.",
                    "a²/3 = 2/(fan_in + fan_out) gives a² = 6/(fan_in + fan_out); mind the integer division when turning the counts into a real number.",
                ],
                check: {
                    // 6/(2 + 4) = 1, √1 = 1;  6/(100 + 50) = 0.04, √0.04 = 0.2.
                    try expect(try Answers.xavierUniformLimit(fanIn: 2, fanOut: 4), equals: 1, "fan_in 2, fan_out 4")
                    try expect(try Answers.xavierUniformLimit(fanIn: 100, fanOut: 50), equals: 0.2, "fan_in 100, fan_out 50")
                }),
        ]
    }
}
