import DLMath
import Foundation

/// The exercises of chapter 7 (forward propagation).
public protocol Chapter07Exercises {
    /// 7.1 A dense layer's forward pass Y = X W + b (X: m x n, W: n x k, b: 1 x k added to every row).
    static func denseForward(_ x: Matrix, weights: Matrix, bias: Matrix) throws -> Matrix
    /// 7.2 The parameter count of an MLP with layer widths [n₀, n₁, …, n_L]: Σₗ (nₗ₋₁·nₗ + nₗ).
    static func parameterCount(layerSizes: [Int]) throws -> Int
    /// 7.3 The Xavier (Glorot) uniform limit a = √(6 / (fan_in + fan_out)).
    static func xavierUniformLimit(fanIn: Int, fanOut: Int) throws -> Double
    /// 7.4 The second moment E[a²] after L ReLU layers of fan-in n with weights of variance v, from E[x²] = q: q (n v / 2)^L.
    static func secondMomentAfterReLULayers(
        fanIn n: Int, weightVariance v: Double, inputSecondMoment q: Double, layers: Int
    ) throws -> Double
    /// 7.5 Weights for a 2-H-1 ReLU network y = relu(x W₁ + b₁) W₂ + b₂ that computes XOR on {0, 1}².
    static func xorNetwork() throws -> (w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix)
    /// 7.6 The forward pass of a two-layer MLP: Y = relu(X W₁ + b₁) W₂ + b₂ (no activation on the output).
    static func mlpForward(_ x: Matrix, w1: Matrix, b1: Matrix, w2: Matrix, b2: Matrix) throws -> Matrix
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
                    "Matrix multiplication is the matrix product, and adding a 1 x k row to an m x k matrix adds it to every row."
                ],
                check: {
                    // By hand: row 0 [1·1 + 2·2 + 0.5, 1·0 + 2·1 − 1, 1·(−1) + 0 + 2] = [5.5, 1, 1];
                    //          row 1 [3 − 2 + 0.5, 0 − 1 − 1, −3 + 0 + 2] = [1.5, −2, −1].
                    let y = try Answers.denseForward(
                        [[1, 2], [3, -1]], weights: [[1, 0, -1], [2, 1, 0]], bias: [[0.5, -1, 2]])
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
                    "For widths [n₀, n₁, n₂] there are two layers: n₀·n₁ + n₁ and n₁·n₂ + n₂. The input width n₀ has no biases of its own."
                ],
                check: {
                    // 784·128 + 128 + 128·64 + 64 + 64·10 + 10 = 100,480 + 8,256 + 650.
                    try expect(
                        try Answers.parameterCount(layerSizes: [784, 128, 64, 10]), equals: 109_386,
                        "[784, 128, 64, 10]")
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
                    "a²/3 = 2/(fan_in + fan_out) gives a² = 6/(fan_in + fan_out); mind the integer division when turning the counts into a real number."
                ],
                check: {
                    // 6/(2 + 4) = 1, √1 = 1;  6/(100 + 50) = 0.04, √0.04 = 0.2.
                    try expect(try Answers.xavierUniformLimit(fanIn: 2, fanOut: 4), equals: 1, "fan_in 2, fan_out 4")
                    try expect(
                        try Answers.xavierUniformLimit(fanIn: 100, fanOut: 50), equals: 0.2, "fan_in 100, fan_out 50")
                }),
            Exercise(
                id: "7.4", title: "The variance He initialisation keeps",
                task:
                    "z = Σⱼ wⱼ aⱼ over n inputs, weights of variance v, independent of a; then a′ = relu(z). Derive E[a′²] from E[a²] = q, and return it after L layers.",
                file: file, function: "secondMomentAfterReLULayers(fanIn:weightVariance:inputSecondMoment:layers:)",
                hints: [
                    "With zero-mean weights independent of the inputs, Var(z) = n · v · E[a²]: each of the n terms adds v times a second moment.",
                    "z is symmetric about 0, so ReLU keeps exactly half of E[z²]. One layer multiplies the second moment by n v / 2; L layers by its L-th power."
                ],
                check: {
                    // He: v = 2/n makes the factor n v/2 = 1: E[a²] stays 3 through 10 layers.
                    try expect(
                        try Answers.secondMomentAfterReLULayers(
                            fanIn: 100, weightVariance: 0.02, inputSecondMoment: 3, layers: 10),
                        equals: 3, "He initialisation (n = 100, v = 0.02), 10 layers")
                    // v = 1/n: the factor is ½, so 10 layers give 2⁻¹⁰ = 1/1024.
                    try expect(
                        try Answers.secondMomentAfterReLULayers(
                            fanIn: 100, weightVariance: 0.01, inputSecondMoment: 1, layers: 10),
                        equals: 1.0 / 1024, "v = 1/n, 10 layers")
                    // One layer, n = 50, v = 0.1: 2 · 50 · 0.1 / 2 = 5.
                    try expect(
                        try Answers.secondMomentAfterReLULayers(
                            fanIn: 50, weightVariance: 0.1, inputSecondMoment: 2, layers: 1),
                        equals: 5, "n = 50, v = 0.1, one layer")
                }),
            Exercise(
                id: "7.5", title: "XOR needs a hidden layer",
                task:
                    "Choose W₁ (2 x H), b₁ (1 x H), W₂ (H x 1), b₂ (1 x 1) so that relu(x W₁ + b₁) W₂ + b₂ is 0, 1, 1, 0 at x = (0, 0), (0, 1), (1, 0), (1, 1).",
                file: file, function: "xorNetwork()",
                hints: [
                    "No line separates XOR's ones from its zeros, so without the ReLU no choice of weights works. Two hidden units are enough.",
                    "One hidden unit can count how many inputs are on; a second, with a negative bias, can fire only when both are. Then subtract."
                ],
                check: {
                    let (w1, b1, w2, b2) = try Answers.xorNetwork()
                    try expect(
                        w1.rows == 2 && b1.rows == 1 && b1.columns == w1.columns && w2.rows == w1.columns
                            && w2.columns == 1
                            && b2.rows == 1 && b2.columns == 1,
                        "shapes: expected W₁ 2 x H, b₁ 1 x H, W₂ H x 1, b₂ 1 x 1, got \(w1.shapeDescription), \(b1.shapeDescription), \(w2.shapeDescription), \(b2.shapeDescription)"
                    )
                    let inputs: Matrix = [[0, 0], [0, 1], [1, 0], [1, 1]]
                    let hidden = (inputs * w1 + b1).map { max($0, 0) }
                    try expect(
                        (hidden * w2 + b2).column(0), equals: [0, 1, 1, 0],
                        "the network on (0, 0), (0, 1), (1, 0), (1, 1)")
                }),
            Exercise(
                id: "7.6", title: "A two-layer MLP forward",
                task:
                    "Return Y = relu(X W₁ + b₁) W₂ + b₂: ReLU on the hidden layer only, each bias row added to every row.",
                file: file, function: "mlpForward(_:w1:b1:w2:b2:)",
                hints: [
                    "Two dense layers (exercise 7.1) with a ReLU between them; the output layer has no activation, so it can be negative.",
                    "Check the shapes at every step: X is m x n, the hidden layer m x H, the output m x k."
                ],
                check: {
                    // X W₁ = [[0, −2, −2], [2, −2, 0]]; + b₁ = [[0, −1.5, −3], [2, −1.5, −1]]; relu → [[0, 0, 0], [2, 0, 0]];
                    // times W₂ = [[1], [2], [3]] → [[0], [2]]; + b₂ = −1 → [[−1], [1]].
                    let y = try Answers.mlpForward(
                        [[1, -1], [2, 0]], w1: [[1, -1, 0], [1, 1, 2]], b1: [[0, 0.5, -1]],
                        w2: [[1], [2], [3]], b2: [[-1]])
                    try expect(y, equals: [[-1], [1]], "the MLP by hand")
                })
        ]
    }
}
