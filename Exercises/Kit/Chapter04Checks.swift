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
                    "Mind the sign: log₂ pᵢ ≤ 0, so the sum Σ pᵢ log₂ pᵢ is negative and the entropy is its negation.",
                ],
                check: {
                    // By hand: a fair coin 1 bit; [½, ¼, ¼] gives ½ + ½ + ½ = 1.5 bits; uniform over 8, 3 bits.
                    try expect(try Answers.entropyInBits([0.5, 0.5]), equals: 1, "entropyInBits([0.5, 0.5])")
                    try expect(try Answers.entropyInBits([0.5, 0.25, 0.25]), equals: 1.5, "entropyInBits([0.5, 0.25, 0.25])")
                    try expect(try Answers.entropyInBits(Array(repeating: 0.125, count: 8)), equals: 3, "entropyInBits(uniform over 8)")
                    // A certain outcome: 0 bits, not NaN.
                    try expect(try Answers.entropyInBits([0, 1, 0]), equals: 0, "entropyInBits([0, 1, 0])")
                }),
            Exercise(
                id: "4.2", title: "KL divergence",
                task: "Return KL(p ‖ q) = Σᵢ pᵢ ln(pᵢ / qᵢ) in nats: terms with pᵢ = 0 count 0, and the result is +∞ when qᵢ = 0 where pᵢ > 0.",
                file: file, function: "klDivergence(_:_:)",
                hints: [
                    "Walk the indices together; a term with pᵢ = 0 adds nothing; a term with qᵢ = 0 and pᵢ > 0 makes the whole divergence +∞.",
                    "The natural logarithm, not log₂: the answer is in nats. KL(p ‖ q) and KL(q ‖ p) differ, so keep p outside the logarithm.",
                ],
                check: {
                    // By hand: KL([½, ½] ‖ [0.9, 0.1]) = ½ ln(25/9) = ln(5/3); the reverse 0.9 ln 1.8 + 0.1 ln 0.2.
                    try expect(try Answers.klDivergence([0.5, 0.5], [0.9, 0.1]), equals: Foundation.log(5.0 / 3), "KL([0.5, 0.5] ‖ [0.9, 0.1])")
                    try expect(try Answers.klDivergence([0.9, 0.1], [0.5, 0.5]),
                               equals: 0.9 * Foundation.log(1.8) + 0.1 * Foundation.log(0.2), "KL([0.9, 0.1] ‖ [0.5, 0.5])")
                    try expect(try Answers.klDivergence([0.2, 0.8], [0.2, 0.8]), equals: 0, "KL(p ‖ p)")
                    try expect(try Answers.klDivergence([1, 0], [0.5, 0.5]), equals: Foundation.log(2.0), "KL([1, 0] ‖ [0.5, 0.5])")
                    let infinite = try Answers.klDivergence([0.5, 0.5], [1, 0])
                    try expect(infinite == .infinity, "KL([0.5, 0.5] ‖ [1, 0]): expected inf, got \(formatCompact(infinite))")
                }),
            Exercise(
                id: "4.3", title: "Mutual information from a joint table",
                task: "Return I(X; Y) = Σ p(x, y) log₂(p(x, y) / (p(x) p(y))) in bits, where p(x) are the row sums and p(y) the column sums.",
                file: file, function: "mutualInformationInBits(_:)",
                hints: [
                    "Compute the row sums p(x) and the column sums p(y) first; skip cells with p(x, y) = 0.",
                    "Two nested loops over the cells; each cell with p(x, y) > 0 adds p(x, y) log₂(p(x, y) / (p(x) p(y))), with p(x) its row's sum and p(y) its column's.",
                ],
                check: {
                    // By hand: [[¼, ¼], [½, 0]] gives 1.5 − ¾ log₂ 3 (chapter 4, section 5).
                    try expect(try Answers.mutualInformationInBits([[0.25, 0.25], [0.5, 0]]), equals: 1.5 - 0.75 * log2(3.0),
                               "I([[0.25, 0.25], [0.5, 0]])")
                    // Y a copy of a fair coin X: 1 bit.
                    try expect(try Answers.mutualInformationInBits([[0.5, 0], [0, 0.5]]), equals: 1, "I([[0.5, 0], [0, 0.5]])")
                    // An independent table, [0.3, 0.7] times [0.2, 0.8]: 0 bits.
                    try expect(try Answers.mutualInformationInBits([[0.06, 0.24], [0.14, 0.56]]), equals: 0,
                               "I([[0.06, 0.24], [0.14, 0.56]])", tolerance: Tolerance(absolute: 1e-12, relative: 0))
                }),
        ]
    }
}
