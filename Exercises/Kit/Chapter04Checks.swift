import DLMath
import Foundation

/// The exercises of chapter 4 (information theory). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter04Exercises {
    /// 4.1 The entropy in bits, H(p) = −Σᵢ pᵢ log₂ pᵢ, with 0 log 0 = 0.
    static func entropyInBits(_ p: [Double]) throws -> Double
    /// 4.2 The KL divergence in nats, KL(p ‖ q) = Σᵢ pᵢ ln(pᵢ / qᵢ); +∞ when some qᵢ = 0 where pᵢ > 0.
    static func klDivergence(_ p: [Double], _ q: [Double]) throws -> Double
    /// 4.3 The mutual information in bits of a joint table `joint[x][y]` = p(x, y).
    static func mutualInformationInBits(_ joint: [[Double]]) throws -> Double
    /// 4.4 The cross-entropy H(p, q) = −Σᵢ pᵢ log₂ qᵢ in bits (terms with pᵢ = 0 count 0).
    static func crossEntropyInBits(_ p: [Double], _ q: [Double]) throws -> Double
    /// 4.5 The mutual information, in bits, between a uniform bit and its copy flipped with probability ε: 1 − H(ε).
    static func binarySymmetricChannelInformation(flipProbability epsilon: Double) throws -> Double
    /// 4.6 KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½ in nats.
    static func gaussianKL(mean1: Double, standardDeviation1: Double, mean2: Double, standardDeviation2: Double) throws
        -> Double
}

/// The checks and hints of chapter 4, run against any conforming answers.
public enum Chapter04Checks {
    static let file = "Exercises/Workbook/Chapter04.swift"

    public static func exercises<Answers: Chapter04Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "4.1", title: "Entropy in bits",
                task: "Return H(p) = −Σᵢ pᵢ log₂ pᵢ, skipping the terms with pᵢ = 0 (0 log 0 = 0).",
                file: file, function: "entropyInBits(_:)",
                hints: [
                    "log₂ x = ln x / ln 2, or use log2. A term with pᵢ = 0 would give 0 · (−∞) = NaN: skip it.",
                    "Mind the sign: log₂ pᵢ ≤ 0, so the sum Σ pᵢ log₂ pᵢ is negative and the entropy is its negation."
                ],
                check: {
                    // By hand: a fair coin 1 bit; [½, ¼, ¼] gives ½ + ½ + ½ = 1.5 bits; uniform over 8, 3 bits.
                    try expect(try Answers.entropyInBits([0.5, 0.5]), equals: 1, "entropyInBits([0.5, 0.5])")
                    try expect(
                        try Answers.entropyInBits([0.5, 0.25, 0.25]), equals: 1.5, "entropyInBits([0.5, 0.25, 0.25])")
                    try expect(
                        try Answers.entropyInBits(Array(repeating: 0.125, count: 8)), equals: 3,
                        "entropyInBits(uniform over 8)")
                    // A certain outcome: 0 bits, not NaN.
                    try expect(try Answers.entropyInBits([0, 1, 0]), equals: 0, "entropyInBits([0, 1, 0])")
                }),
            Exercise(
                id: "4.2", title: "KL divergence",
                task:
                    "Return KL(p ‖ q) = Σᵢ pᵢ ln(pᵢ / qᵢ) in nats: terms with pᵢ = 0 count 0, and the result is +∞ when qᵢ = 0 where pᵢ > 0.",
                file: file, function: "klDivergence(_:_:)",
                hints: [
                    "Walk the indices together; a term with pᵢ = 0 adds nothing; a term with qᵢ = 0 and pᵢ > 0 makes the whole divergence +∞.",
                    "The natural logarithm, not log₂: the answer is in nats. KL(p ‖ q) and KL(q ‖ p) differ, so keep p outside the logarithm."
                ],
                check: {
                    // By hand: KL([½, ½] ‖ [0.9, 0.1]) = ½ ln(25/9) = ln(5/3); the reverse 0.9 ln 1.8 + 0.1 ln 0.2.
                    try expect(
                        try Answers.klDivergence([0.5, 0.5], [0.9, 0.1]), equals: Foundation.log(5.0 / 3),
                        "KL([0.5, 0.5] ‖ [0.9, 0.1])")
                    try expect(
                        try Answers.klDivergence([0.9, 0.1], [0.5, 0.5]),
                        equals: 0.9 * Foundation.log(1.8) + 0.1 * Foundation.log(0.2), "KL([0.9, 0.1] ‖ [0.5, 0.5])")
                    try expect(try Answers.klDivergence([0.2, 0.8], [0.2, 0.8]), equals: 0, "KL(p ‖ p)")
                    try expect(
                        try Answers.klDivergence([1, 0], [0.5, 0.5]), equals: Foundation.log(2.0),
                        "KL([1, 0] ‖ [0.5, 0.5])")
                    let infinite = try Answers.klDivergence([0.5, 0.5], [1, 0])
                    try expect(
                        infinite == .infinity, "KL([0.5, 0.5] ‖ [1, 0]): expected inf, got \(formatCompact(infinite))")
                }),
            Exercise(
                id: "4.3", title: "Mutual information from a joint table",
                task:
                    "Return I(X; Y) = Σ p(x, y) log₂(p(x, y) / (p(x) p(y))) in bits, where p(x) are the row sums and p(y) the column sums.",
                file: file, function: "mutualInformationInBits(_:)",
                hints: [
                    "Compute the row sums p(x) and the column sums p(y) first; skip cells with p(x, y) = 0.",
                    "Two nested loops over the cells; each cell with p(x, y) > 0 adds p(x, y) log₂(p(x, y) / (p(x) p(y))), with p(x) its row's sum and p(y) its column's."
                ],
                check: {
                    // By hand: [[¼, ¼], [½, 0]] gives 1.5 − ¾ log₂ 3 (chapter 4, section 5).
                    try expect(
                        try Answers.mutualInformationInBits([[0.25, 0.25], [0.5, 0]]), equals: 1.5 - 0.75 * log2(3.0),
                        "I([[0.25, 0.25], [0.5, 0]])")
                    // Y a copy of a fair coin X: 1 bit.
                    try expect(
                        try Answers.mutualInformationInBits([[0.5, 0], [0, 0.5]]), equals: 1, "I([[0.5, 0], [0, 0.5]])")
                    // An independent table, [0.3, 0.7] times [0.2, 0.8]: 0 bits.
                    try expect(
                        try Answers.mutualInformationInBits([[0.06, 0.24], [0.14, 0.56]]), equals: 0,
                        "I([[0.06, 0.24], [0.14, 0.56]])", tolerance: Tolerance(absolute: 1e-12, relative: 0))
                }),
            Exercise(
                id: "4.4", title: "Cross-entropy in bits",
                task:
                    "Return H(p, q) = −Σᵢ pᵢ log₂ qᵢ: the mean code length when the code is built for q and the data follow p.",
                file: file, function: "crossEntropyInBits(_:_:)",
                hints: [
                    "The true distribution p weighs the terms; the model q is inside the logarithm. Swapping them gives a different number.",
                    "Skip the terms with pᵢ = 0: they contribute nothing even when qᵢ = 0."
                ],
                check: {
                    // p = [½, ½], q = [¼, ¾]: ½·2 + ½·log₂(4/3) = 1 + ½(2 − log₂ 3) = 2 − ½ log₂ 3 (swapped: −(¼ + ¾) log₂ ½ = 1).
                    try expect(
                        try Answers.crossEntropyInBits([0.5, 0.5], [0.25, 0.75]), equals: 2 - 0.5 * log2(3.0),
                        "H([½, ½], [¼, ¾])")
                    // p = [1, 0], q = [½, ½]: 1 bit; p = [1, 0], q = [1, 0]: 0 (the 0 · log 0 term skipped).
                    try expect(try Answers.crossEntropyInBits([1, 0], [0.5, 0.5]), equals: 1, "H([1, 0], [½, ½])")
                    try expect(try Answers.crossEntropyInBits([1, 0], [1, 0]), equals: 0, "H([1, 0], [1, 0])")
                }),
            Exercise(
                id: "4.5", title: "The information a noisy bit carries",
                task:
                    "X is a fair bit, Y is X flipped with probability ε. Derive I(X; Y) = H(Y) − H(Y | X) and return it in bits.",
                file: file, function: "binarySymmetricChannelInformation(flipProbability:)",
                hints: [
                    "Y is a fair bit too, so H(Y) = 1 bit. Given X, Y is uncertain only through the flip: H(Y | X) = H(ε), the binary entropy.",
                    "H(ε) = −ε log₂ ε − (1 − ε) log₂(1 − ε), with 0 log 0 = 0 at ε = 0 and ε = 1."
                ],
                check: {
                    // ε = 0: a perfect copy, 1 bit; ε = ½: no information; ε = 1: a perfect (inverted) copy, 1 bit.
                    try expect(try Answers.binarySymmetricChannelInformation(flipProbability: 0), equals: 1, "ε = 0")
                    try expect(try Answers.binarySymmetricChannelInformation(flipProbability: 0.5), equals: 0, "ε = ½")
                    try expect(try Answers.binarySymmetricChannelInformation(flipProbability: 1), equals: 1, "ε = 1")
                    // ε = ¼: H(¼) = ¼·2 + ¾·(2 − log₂ 3) = 2 − ¾ log₂ 3, so I = ¾ log₂ 3 − 1 ≈ 0.189.
                    try expect(
                        try Answers.binarySymmetricChannelInformation(flipProbability: 0.25),
                        equals: 0.75 * log2(3.0) - 1, "ε = ¼")
                }),
            Exercise(
                id: "4.6", title: "KL divergence between two Gaussians",
                task:
                    "Derive KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = E over the first of ln(p₁/p₂); return ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.",
                file: file, function: "gaussianKL(mean1:standardDeviation1:mean2:standardDeviation2:)",
                hints: [
                    "ln p₁(x) − ln p₂(x) = ln(σ₂/σ₁) − (x − μ₁)²/(2σ₁²) + (x − μ₂)²/(2σ₂²); take its expectation under the first Gaussian.",
                    "Under N(μ₁, σ₁²), E(x − μ₁)² = σ₁² and E(x − μ₂)² = σ₁² + (μ₁ − μ₂)². The arguments are standard deviations, not variances."
                ],
                check: {
                    // Equal Gaussians: 0. Means 1 apart, σ = 1: 0 + (1 + 1)/2 − ½ = ½.
                    try expect(
                        try Answers.gaussianKL(mean1: 0, standardDeviation1: 1, mean2: 0, standardDeviation2: 1),
                        equals: 0, "KL(N(0, 1) ‖ N(0, 1))")
                    try expect(
                        try Answers.gaussianKL(mean1: 1, standardDeviation1: 1, mean2: 0, standardDeviation2: 1),
                        equals: 0.5, "KL(N(1, 1) ‖ N(0, 1))")
                    // σ₁ = 1, σ₂ = 2: ln 2 + 1/8 − ½ = ln 2 − 3/8; the other way round: −ln 2 + 4/2 − ½ = 3/2 − ln 2.
                    try expect(
                        try Answers.gaussianKL(mean1: 0, standardDeviation1: 1, mean2: 0, standardDeviation2: 2),
                        equals: log(2.0) - 0.375, "KL(N(0, 1) ‖ N(0, 4))")
                    try expect(
                        try Answers.gaussianKL(mean1: 0, standardDeviation1: 2, mean2: 0, standardDeviation2: 1),
                        equals: 1.5 - log(2.0), "KL(N(0, 4) ‖ N(0, 1))")
                })
        ]
    }
}
