import DLMath
import Foundation

/// The exercises of chapter 5 (activation functions). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter05Exercises {
    /// 5.1 The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ), finite and correct at x = ±1000.
    static func sigmoid(_ x: Double) throws -> Double
    /// 5.2 Its derivative σ′(x) = σ(x)(1 − σ(x)), accurate in the tails (σ′(40) ≈ 4.25e-18, not 0).
    static func sigmoidDerivative(_ x: Double) throws -> Double
    /// 5.3 softmax(z)ᵢ = e^(zᵢ − m)/Σⱼ e^(zⱼ − m), m = max z.
    static func softmax(_ z: [Double]) throws -> [Double]
    /// 5.4 log softmax(z)ᵢ = zᵢ − m − log Σⱼ e^(zⱼ − m).
    static func logSoftmax(_ z: [Double]) throws -> [Double]
}

/// The checks and hints of chapter 5, run against any conforming answers.
public enum Chapter05Checks {
    static let file = "Exercises/Workbook/Chapter05.swift"

    public static func exercises<Answers: Chapter05Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "5.1", title: "A sigmoid that never overflows",
                task: "Return σ(x) = 1/(1 + e⁻ˣ); at x = ±1000 it must be 1 and 0, never NaN.",
                file: file, function: "sigmoid(_:)",
                hints: [
                    "For x ≥ 0, e⁻ˣ ≤ 1 is safe. For x < 0, multiply top and bottom by eˣ.",
                    "Two branches on the sign of x, each written so that the exponent it computes is never positive.",
                ],
                check: {
                    // σ(0) = 1/2; σ(ln 3) = 1/(1 + 1/3) = 3/4; σ(−ln 3) = 1/(1 + 3) = 1/4.
                    try expect(try Answers.sigmoid(0), equals: 0.5, "sigmoid(0)")
                    try expect(try Answers.sigmoid(log(3)), equals: 0.75, "sigmoid(ln 3)")
                    try expect(try Answers.sigmoid(-log(3)), equals: 0.25, "sigmoid(−ln 3)")
                    try expect(try Answers.sigmoid(1000), equals: 1, "sigmoid(1000)")
                    try expect(try Answers.sigmoid(-1000), equals: 0, "sigmoid(−1000)")
                    // σ(−700) = e^−700/(1 + e^−700) = e^−700 to full precision.
                    try expect(try Answers.sigmoid(-700), equals: exp(-700), "sigmoid(−700)",
                               tolerance: Tolerance(absolute: 0, relative: 1e-12))
                }),
            Exercise(
                id: "5.2", title: "The sigmoid's derivative, accurate in the tails",
                task: "Return σ′(x) = σ(x)(1 − σ(x)); at x = 40 the answer is about 4.25e-18, not 0.",
                file: file, function: "sigmoidDerivative(_:)",
                hints: [
                    "1 − σ(x) = σ(−x). Which of σ(x) and 1 − σ(x) loses its digits when σ(x) is close to 1?",
                    "Write σ′(x) as σ(x) σ(−x) and use a stable sigmoid for both factors: neither factor is then a difference of nearly equal numbers.",
                ],
                check: {
                    // σ′(0) = ½ · ½ = ¼; σ′(ln 3) = ¾ · ¼ = 3/16, and σ′ is even.
                    try expect(try Answers.sigmoidDerivative(0), equals: 0.25, "sigmoidDerivative(0)")
                    try expect(try Answers.sigmoidDerivative(log(3)), equals: 3.0 / 16, "sigmoidDerivative(ln 3)")
                    try expect(try Answers.sigmoidDerivative(-log(3)), equals: 3.0 / 16, "sigmoidDerivative(−ln 3)")
                    // σ′(40) = e^−40/(1 + e^−40)².
                    let e40 = exp(-40.0)
                    for x in [40.0, -40.0] {
                        try expect(try Answers.sigmoidDerivative(x), equals: e40 / ((1 + e40) * (1 + e40)),
                                   "sigmoidDerivative(\(formatCompact(x)))", tolerance: Tolerance(absolute: 0, relative: 1e-10))
                    }
                    try expect(try Answers.sigmoidDerivative(1000), equals: 0, "sigmoidDerivative(1000)")
                }),
            Exercise(
                id: "5.3", title: "A stable softmax",
                task: "Return softmax(z) = e^(z − max z)/Σ e^(z − max z); [1000, 1001, 1002] must not give NaN.",
                file: file, function: "softmax(_:)",
                hints: [
                    "Subtract the largest logit from every logit first: the result is the same, and no exponent is positive.",
                    "Three passes: find the maximum m, exponentiate every zᵢ − m and add them up, divide each exponential by that total.",
                ],
                check: {
                    // e^0, e^ln 2, e^ln 3 = 1, 2, 3, total 6.
                    try expect(try Answers.softmax([0, log(2), log(3)]), equals: [1.0 / 6, 2.0 / 6, 3.0 / 6], "softmax([0, ln 2, ln 3])")
                    let e = exp(1.0), total = 1 + e + e * e
                    try expect(try Answers.softmax([1000, 1001, 1002]), equals: [1 / total, e / total, e * e / total],
                               "softmax([1000, 1001, 1002])")
                    try expect(try Answers.softmax([-1000, -1000]), equals: [0.5, 0.5], "softmax([−1000, −1000])")
                    try expect(try Answers.softmax([7]), equals: [1], "softmax([7])")
                }),
            Exercise(
                id: "5.4", title: "Log-softmax without taking the log of a zero",
                task: "Return log softmax(z) = z − max z − log Σ e^(z − max z); at [0, −1000] it is [0, −1000].",
                file: file, function: "logSoftmax(_:)",
                hints: [
                    "Taking the logarithm of the softmax fails where the softmax underflows to 0. Work with z − m directly.",
                    "Compute the one number log Σⱼ e^(zⱼ − m) once; every entry of the answer is zᵢ − m minus that number.",
                ],
                check: {
                    try expect(try Answers.logSoftmax([0, log(2), log(3)]), equals: [log(1.0 / 6), log(2.0 / 6), log(0.5)],
                               "logSoftmax([0, ln 2, ln 3])")
                    // log(1 + e^−1000) = 0 in Double: [0 − 0, −1000 − 0].
                    try expect(try Answers.logSoftmax([0, -1000]), equals: [0, -1000], "logSoftmax([0, −1000])")
                    let logTotal = log(1 + exp(1.0) + exp(2.0))
                    try expect(try Answers.logSoftmax([1000, 1001, 1002]), equals: [-logTotal, 1 - logTotal, 2 - logTotal],
                               "logSoftmax([1000, 1001, 1002])", tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))
                }),
        ]
    }
}
