import DLMath

/// The exercises of chapter 12 (convolutional networks). Images are `Matrix`
/// values of one channel (rows are pixel rows); kernels too.
public protocol Chapter12Exercises {
    /// 12.1 The output size ⌊(n + 2p − k)/s⌋ + 1 of a convolution along one axis.
    static func outputSize(input n: Int, kernel k: Int, padding p: Int, stride s: Int) throws -> Int
    /// 12.2 The cross-correlation of a one-channel image with a kernel, stride 1, no padding, by loops:
    /// y[i, j] = Σ_a Σ_b K[a, b] x[i + a, j + b].
    static func correlate(_ image: Matrix, kernel: Matrix) throws -> Matrix
    /// 12.3 The im2col matrix of a one-channel image for a k x k kernel, stride 1, no padding:
    /// one row per window (row-major over the windows), the window's pixels row by row.
    static func im2col(_ image: Matrix, kernel k: Int) throws -> Matrix
    /// 12.4 The backward pass of `correlate`, given g = ∂L/∂y: (∂L/∂K, ∂L/∂x).
    static func correlateBackward(_ image: Matrix, kernel: Matrix, outputGradient: Matrix) throws -> (
        kernel: Matrix, image: Matrix
    )
    /// 12.5 The backward pass of 2x2 max pooling with stride 2: g of each window to its maximum (the first, on ties).
    static func maxPoolBackward(_ image: Matrix, outputGradient: Matrix) throws -> Matrix
    /// 12.6 The parameter count of a convolution with C inputs, O outputs and a kh x kw kernel, with biases.
    static func convolutionParameterCount(inputChannels: Int, outputChannels: Int, kernelHeight: Int, kernelWidth: Int)
        throws -> Int
    /// 12.7 The backward pass of batch normalisation of one feature in training mode, given γ, ε and g = ∂L/∂y.
    static func batchNormBackward(_ x: [Double], scale gamma: Double, epsilon: Double, outputGradient: [Double]) throws
        -> [Double]
}

/// The checks and hints of chapter 12, run against any conforming answers.
public enum Chapter12Checks {
    static let file = "Exercises/Workbook/Chapter12.swift"

    public static func exercises<Answers: Chapter12Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "12.1", title: "Output size",
                task: "Return ⌊(n + 2p − k)/s⌋ + 1.",
                file: file, function: "outputSize(input:kernel:padding:stride:)",
                hints: [
                    "Integer division in Swift rounds towards zero, which is the floor for the non-negative n + 2p − k.",
                    "Pad both sides (2p), count the positions the kernel's first row can take, and divide the steps between them by the stride before adding the first position."
                ],
                check: {
                    // (8 + 2 − 3)/1 + 1 = 8,  (7 + 2 − 3)/2 + 1 = 4,  (32 − 5)/1 + 1 = 28,  (8 − 2)/2 + 1 = 4
                    try expect(
                        try Answers.outputSize(input: 8, kernel: 3, padding: 1, stride: 1), equals: 8,
                        "n = 8, k = 3, p = 1, s = 1")
                    try expect(
                        try Answers.outputSize(input: 7, kernel: 3, padding: 1, stride: 2), equals: 4,
                        "n = 7, k = 3, p = 1, s = 2")
                    try expect(
                        try Answers.outputSize(input: 32, kernel: 5, padding: 0, stride: 1), equals: 28,
                        "n = 32, k = 5, p = 0, s = 1")
                    try expect(
                        try Answers.outputSize(input: 8, kernel: 2, padding: 0, stride: 2), equals: 4,
                        "n = 8, k = 2, p = 0, s = 2")
                }),
            Exercise(
                id: "12.2", title: "A convolution by loops",
                task: "Return y[i, j] = Σ_a Σ_b K[a, b] x[i + a, j + b] (no flip, no padding, stride 1).",
                file: file, function: "correlate(_:kernel:)",
                hints: [
                    "The output is (H − kh + 1) x (W − kw + 1); four nested loops.",
                    "No flip: output (i, j) multiplies the kernel's entry (a, b) by the image's entry (i + a, j + b), as written, and adds over a and b."
                ],
                check: {
                    // [[1,2,3],[4,5,6],[7,8,9]] ⋆ [[1,2],[3,4]]: 1+4+12+20 = 37, 2+6+15+24 = 47, 4+10+21+32 = 67, 5+12+24+36 = 77.
                    try expect(
                        try Answers.correlate([[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]]),
                        equals: [[37, 47], [67, 77]], "3x3 ⋆ 2x2")
                    // A non-square case: [[1, 0, 2, 1]] ⋆ [[1, −1]] = [[1, −2, 1]].
                    try expect(
                        try Answers.correlate([[1, 0, 2, 1]], kernel: [[1, -1]]), equals: [[1, -2, 1]], "1x4 ⋆ 1x2")
                }),
            Exercise(
                id: "12.3", title: "im2col for a tiny input",
                task:
                    "Return the (number of windows) x (k·k) matrix whose rows are the k x k windows of the image, row by row.",
                file: file, function: "im2col(_:kernel:)",
                hints: [
                    "Window (i, j) starts at pixel (i, j); it is row i·(W − k + 1) + j, and its entry a·k + b is x[i + a, j + b].",
                    "Row r is window (r div W′, r mod W′) with W′ = W − k + 1 windows per row; column c is kernel position (c div k, c mod k)."
                ],
                check: {
                    // The four 2x2 windows of [[1,2,3],[4,5,6],[7,8,9]].
                    try expect(
                        try Answers.im2col([[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: 2),
                        equals: [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]], "im2col of 3x3, k = 2")
                    // A 2x4 image, k = 2: three windows side by side.
                    try expect(
                        try Answers.im2col([[1, 2, 3, 4], [5, 6, 7, 8]], kernel: 2),
                        equals: [[1, 2, 5, 6], [2, 3, 6, 7], [3, 4, 7, 8]], "im2col of 2x4, k = 2")
                }),
            Exercise(
                id: "12.4", title: "The convolution backward pass",
                task:
                    "Return ∂L/∂K[a, b] = Σ_i,j g[i, j] x[i + a, j + b] and ∂L/∂x[u, v] = Σ g[i, j] K[u − i, v − j] (over valid i, j).",
                file: file, function: "correlateBackward(_:kernel:outputGradient:)",
                hints: [
                    "Loop over the output (i, j) and the kernel (a, b): each term K[a, b] x[i + a, j + b] of y[i, j] sends g[i, j]·x[i + a, j + b] to ∂L/∂K[a, b] and g[i, j]·K[a, b] to ∂L/∂x[i + a, j + b].",
                    "Both gradients accumulate: a pixel sits in several windows, so its gradient is a sum of contributions, one per window."
                ],
                check: {
                    // By hand, x = [[1, 2], [3, 4]] and the 1x1 kernel K = [[5]]: y = 5x, so ∂L/∂K = Σ g ⊙ x and ∂L/∂x = 5 g.
                    let small = try Answers.correlateBackward(
                        [[1, 2], [3, 4]], kernel: [[5]], outputGradient: [[1, 0], [0, 2]])
                    try expect(small.kernel, equals: [[1 + 8]], "∂L/∂K for a 1x1 kernel: 1·1 + 4·2")
                    try expect(small.image, equals: [[5, 0], [0, 10]], "∂L/∂x for a 1x1 kernel: 5 g")
                    // Independently: central differences of L = Σ g ⊙ correlate(x, K), computed here by loops.
                    var generator = SeededGenerator(seed: 1204)
                    let x = generator.normalMatrix(rows: 4, columns: 5), k = generator.normalMatrix(rows: 2, columns: 3)
                    let g = generator.normalMatrix(rows: 3, columns: 3)
                    func loss(_ x: Matrix, _ k: Matrix) -> Double {
                        var total = 0.0
                        for i in 0..<3 {
                            for j in 0..<3 {
                                for a in 0..<2 { for b in 0..<3 { total += g[i, j] * k[a, b] * x[i + a, j + b] } }
                            }
                        }
                        return total
                    }
                    let result = try Answers.correlateBackward(x, kernel: k, outputGradient: g)
                    try expect(
                        result.kernel, equals: numericalGradient(of: { loss(x, $0) }, at: k),
                        "∂L/∂K against central differences",
                        tolerance: .numerical)
                    try expect(
                        result.image, equals: numericalGradient(of: { loss($0, k) }, at: x),
                        "∂L/∂x against central differences",
                        tolerance: .numerical)
                }),
            Exercise(
                id: "12.5", title: "Max-pool backward",
                task:
                    "Return ∂L/∂x for 2x2 max pooling with stride 2: each window's g at its maximum (the first in row-major order on ties), 0 elsewhere.",
                file: file, function: "maxPoolBackward(_:outputGradient:)",
                hints: [
                    "Window (i, j) covers rows 2i, 2i + 1 and columns 2j, 2j + 1; find its argmax with a strict > so the first maximum wins.",
                    "Every other entry of the window gets 0: only the position that won the max receives the window's gradient."
                ],
                check: {
                    // Maxima 6 (row 1, col 1), 7 (row 1, col 2), 9 (row 2, col 1), 8 (row 3, col 2).
                    try expect(
                        try Answers.maxPoolBackward(
                            [[1, 2, 5, 0], [3, 6, 7, 1], [0, 9, 2, 2], [4, 4, 8, 0]],
                            outputGradient: [[10, 20], [30, 40]]),
                        equals: [[0, 0, 0, 0], [0, 10, 20, 0], [0, 30, 0, 0], [0, 0, 40, 0]], "4x4 image")
                    // A tie: [[3, 3], [1, 3]] sends all of g = 5 to the first 3.
                    try expect(
                        try Answers.maxPoolBackward([[3, 3], [1, 3]], outputGradient: [[5]]), equals: [[5, 0], [0, 0]],
                        "a tie")
                }),
            Exercise(
                id: "12.6", title: "A parameter count",
                task: "Return O·C·kh·kw + O: a weight per (output, input, kernel position), a bias per output.",
                file: file,
                function: "convolutionParameterCount(inputChannels:outputChannels:kernelHeight:kernelWidth:)",
                hints: [
                    "The image size does not appear: the same kernel is used at every position.",
                    "Each output channel has one kernel per input channel, kh·kw weights each, plus a single bias of its own."
                ],
                check: {
                    // 16·1·3·3 + 16 = 160;  64·32·3·3 + 64 = 18,496;  8·3·5·1 + 8 = 128.
                    try expect(
                        try Answers.convolutionParameterCount(
                            inputChannels: 1, outputChannels: 16, kernelHeight: 3, kernelWidth: 3),
                        equals: 160, "1 → 16, 3x3")
                    try expect(
                        try Answers.convolutionParameterCount(
                            inputChannels: 32, outputChannels: 64, kernelHeight: 3, kernelWidth: 3),
                        equals: 18_496, "32 → 64, 3x3")
                    try expect(
                        try Answers.convolutionParameterCount(
                            inputChannels: 3, outputChannels: 8, kernelHeight: 5, kernelWidth: 1),
                        equals: 128, "3 → 8, 5x1")
                }),
            Exercise(
                id: "12.7", title: "Batch-norm backward",
                task: "Return ∂L/∂xⱼ = γ/(N√(σ² + ε)) (N gⱼ − Σg − x̂ⱼ Σ g x̂) for one feature (σ² the biased variance).",
                file: file, function: "batchNormBackward(_:scale:epsilon:outputGradient:)",
                hints: [
                    "μ and σ² depend on every x: the gradient has a term through x̂ directly, one through μ and one through σ².",
                    "With x̂ = (x − μ)/√(σ² + ε), the three terms together are γ/(N√(σ² + ε)) · (N g − Σg − x̂ Σ(g x̂)); use the biased variance (divide by N)."
                ],
                check: {
                    // x = 1, 2, 3, γ = 1, ε = 0: μ = 2, σ² = 2/3, x̂ = (−r, 0, r) with r = √(3/2).
                    // g = (1, 0, 0): Σg = 1, Σgx̂ = −r, so ∂L/∂x = (1/(3·√(2/3))) (3 − 1 − r², −1, −1 + r²) = (0.25, −0.4082…, 0.1582…).
                    let r = (1.5).squareRoot(), front = 1 / (3 * (2.0 / 3).squareRoot())
                    try expect(
                        try Answers.batchNormBackward([1, 2, 3], scale: 1, epsilon: 0, outputGradient: [1, 0, 0]),
                        equals: [front * (2 - r * r), -front, front * (r * r - 1)], "x = 1, 2, 3, g = (1, 0, 0)")
                    // Independently: central differences of L = Σ c ⊙ BatchNorm(x) through the module's layer (γ = 1.5, ε = 1e-5).
                    let x: [Double] = [0.5, -1, 2, 0.25, 1.5], c: [Double] = [1, -2, 0.5, 3, -1]
                    let loss = { (v: [Double]) -> Double in
                        var layer = BatchNorm(features: 1)
                        layer.parameters = [[[1.5]], [[0]]]
                        return zip(layer.forward(Matrix(column: v)).elements, c).reduce(0) { $0 + $1.0 * $1.1 }
                    }
                    try expect(
                        try Answers.batchNormBackward(x, scale: 1.5, epsilon: 1e-5, outputGradient: c),
                        equals: numericalGradient(of: loss, at: x), "against central differences", tolerance: .numerical
                    )
                })
        ]
    }
}
