import DLMath
import Foundation

/// The exercises of chapter 5 (activation functions). The workbook and the
/// solutions each provide a type conforming to this protocol.
public protocol Chapter05Exercises {
    /// 5.1 log σ(x) = −softplus(−x) = −log(1 + e⁻ˣ), correct at x = −1000 (it is −1000) and at x = 40 (≈ −e⁻⁴⁰, not 0).
    static func logSigmoid(_ x: Double) throws -> Double
    /// 5.2 Its derivative σ′(x) = σ(x)(1 − σ(x)), accurate in the tails (σ′(40) ≈ 4.25e-18, not 0).
    static func sigmoidDerivative(_ x: Double) throws -> Double
    /// 5.3 softmax(z)ᵢ = e^(zᵢ − m)/Σⱼ e^(zⱼ − m), m = max z.
    static func softmax(_ z: [Double]) throws -> [Double]
    /// 5.4 log softmax(z)ᵢ = zᵢ − m − log Σⱼ e^(zⱼ − m).
    static func logSoftmax(_ z: [Double]) throws -> [Double]
    /// 5.5 The derivative of log σ(x), derived: d/dx log σ(x) = 1 − σ(x) = σ(−x), accurate at x = 40 (≈ 4.25e-18).
    static func logSigmoidDerivative(_ x: Double) throws -> Double
    /// 5.6 Debugging: softmax's backward pass ∂L/∂zⱼ = sⱼ (gⱼ − Σᵢ sᵢ gᵢ), s = softmax(z), given g = ∂L/∂s (the workbook's version has a bug).
    static func softmaxBackward(_ z: [Double], outputGradient g: [Double]) throws -> [Double]
}

/// The checks and hints of chapter 5, run against any conforming answers.
public enum Chapter05Checks {
    static let file = "Exercises/Workbook/Chapter05.swift"

    public static func exercises<Answers: Chapter05Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "5.1", title: "log σ(x), where the naive form fails",
                task:
                    "Return log σ(x) = −log(1 + e⁻ˣ); at x = −1000 it is −1000 (not −∞) and at x = 40 it is about −4.25e-18 (not 0).",
                file: file, function: "logSigmoid(_:)",
                hints: [
                    "Taking the logarithm of σ(x) fails twice: σ(−1000) underflows to 0 (log 0 = −∞), and σ(40) rounds to 1 (log 1 = 0).",
                    "log σ(x) = −softplus(−x), and softplus(u) = max(u, 0) + ln(1 + e^(−|u|)): the exponent is never positive.",
                    "For small u, ln(1 + u) computed as written loses u to rounding; the function log1p computes it accurately."
                ],
                check: {
                    // log σ(0) = log ½; log σ(ln 3) = log ¾; log σ(−ln 3) = log ¼.
                    try expect(try Answers.logSigmoid(0), equals: -log(2.0), "logSigmoid(0)")
                    try expect(try Answers.logSigmoid(log(3)), equals: log(0.75), "logSigmoid(ln 3)")
                    try expect(try Answers.logSigmoid(-log(3)), equals: log(0.25), "logSigmoid(−ln 3)")
                    // log σ(−1000) = −1000 − log(1 + e^−1000) = −1000 in Double; the naive log(σ) gives −∞.
                    try expect(try Answers.logSigmoid(-1000), equals: -1000, "logSigmoid(−1000)")
                    // log σ(40) = −log(1 + e^−40) = −e^−40 (1 − e^−40/2 + …): the naive form rounds σ(40) to 1 and gives 0.
                    try expect(
                        try Answers.logSigmoid(40), equals: -exp(-40.0), "logSigmoid(40)",
                        tolerance: Tolerance(absolute: 0, relative: 1e-12))
                    try expect(try Answers.logSigmoid(1000), equals: 0, "logSigmoid(1000)")
                }),
            Exercise(
                id: "5.2", title: "The sigmoid's derivative, accurate in the tails",
                task: "Return σ′(x) = σ(x)(1 − σ(x)); at x = 40 the answer is about 4.25e-18, not 0.",
                file: file, function: "sigmoidDerivative(_:)",
                hints: [
                    "1 − σ(x) = σ(−x). Which of σ(x) and 1 − σ(x) loses its digits when σ(x) is close to 1?",
                    "Write σ′(x) as σ(x) σ(−x) and compute each factor stably (never e to a large positive power): neither factor is then a difference of nearly equal numbers."
                ],
                check: {
                    // σ′(0) = ½ · ½ = ¼; σ′(ln 3) = ¾ · ¼ = 3/16, and σ′ is even.
                    try expect(try Answers.sigmoidDerivative(0), equals: 0.25, "sigmoidDerivative(0)")
                    try expect(try Answers.sigmoidDerivative(log(3)), equals: 3.0 / 16, "sigmoidDerivative(ln 3)")
                    try expect(try Answers.sigmoidDerivative(-log(3)), equals: 3.0 / 16, "sigmoidDerivative(−ln 3)")
                    // σ′(40) = e^−40/(1 + e^−40)².
                    let e40 = exp(-40.0)
                    for x in [40.0, -40.0] {
                        try expect(
                            try Answers.sigmoidDerivative(x), equals: e40 / ((1 + e40) * (1 + e40)),
                            "sigmoidDerivative(\(formatCompact(x)))", tolerance: Tolerance(absolute: 0, relative: 1e-10)
                        )
                    }
                    try expect(try Answers.sigmoidDerivative(1000), equals: 0, "sigmoidDerivative(1000)")
                }),
            Exercise(
                id: "5.3", title: "A stable softmax",
                task: "Return softmax(z) = e^(z − max z)/Σ e^(z − max z); [1000, 1001, 1002] must not give NaN.",
                file: file, function: "softmax(_:)",
                hints: [
                    "Subtract the largest logit from every logit first: the result is the same, and no exponent is positive.",
                    "Three passes: find the maximum m, exponentiate every zᵢ − m and add them up, divide each exponential by that total."
                ],
                check: {
                    // e^0, e^ln 2, e^ln 3 = 1, 2, 3, total 6.
                    try expect(
                        try Answers.softmax([0, log(2), log(3)]), equals: [1.0 / 6, 2.0 / 6, 3.0 / 6],
                        "softmax([0, ln 2, ln 3])")
                    let e = exp(1.0), total = 1 + e + e * e
                    try expect(
                        try Answers.softmax([1000, 1001, 1002]), equals: [1 / total, e / total, e * e / total],
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
                    "Compute the one number log Σⱼ e^(zⱼ − m) once; every entry of the answer is zᵢ − m minus that number."
                ],
                check: {
                    try expect(
                        try Answers.logSoftmax([0, log(2), log(3)]), equals: [log(1.0 / 6), log(2.0 / 6), log(0.5)],
                        "logSoftmax([0, ln 2, ln 3])")
                    // log(1 + e^−1000) = 0 in Double: [0 − 0, −1000 − 0].
                    try expect(try Answers.logSoftmax([0, -1000]), equals: [0, -1000], "logSoftmax([0, −1000])")
                    let logTotal = log(1 + exp(1.0) + exp(2.0))
                    try expect(
                        try Answers.logSoftmax([1000, 1001, 1002]), equals: [-logTotal, 1 - logTotal, 2 - logTotal],
                        "logSoftmax([1000, 1001, 1002])", tolerance: Tolerance(absolute: 1e-12, relative: 1e-12))
                }),
            Exercise(
                id: "5.5", title: "The derivative of log σ, derived",
                task:
                    "Differentiate log σ(x) = −log(1 + e⁻ˣ) by hand and return the result, accurate at x = 40 (about 4.25e-18, not 0) and x = −1000 (1).",
                file: file, function: "logSigmoidDerivative(_:)",
                hints: [
                    "The chain rule on −ln(1 + e⁻ˣ) gives e⁻ˣ/(1 + e⁻ˣ). Which familiar function of −x is that?",
                    "It is σ(−x) = 1 − σ(x); computing 1 − σ(x) loses every digit once σ(x) rounds to 1, so write it without the subtraction."
                ],
                check: {
                    // σ(−0) = ½; σ(−ln 3) = 1/(1 + 3) = ¼; σ(ln 3) = ¾.
                    try expect(try Answers.logSigmoidDerivative(0), equals: 0.5, "at 0")
                    try expect(try Answers.logSigmoidDerivative(log(3)), equals: 0.25, "at ln 3")
                    try expect(try Answers.logSigmoidDerivative(-log(3)), equals: 0.75, "at −ln 3")
                    // σ(−40) = e^−40/(1 + e^−40): 1 − σ(40) rounds to 0 instead.
                    try expect(
                        try Answers.logSigmoidDerivative(40), equals: exp(-40.0) / (1 + exp(-40.0)), "at 40",
                        tolerance: Tolerance(absolute: 0, relative: 1e-10))
                    try expect(try Answers.logSigmoidDerivative(-1000), equals: 1, "at −1000")
                    try expect(try Answers.logSigmoidDerivative(1000), equals: 0, "at 1000")
                }),
            Exercise(
                id: "5.6", title: "Debugging: softmax backward",
                task:
                    "The workbook's softmaxBackward has a planted bug. Find it, fix it, and delete the line `try bugStillPlanted()`.",
                file: file, function: "softmaxBackward(_:outputGradient:)",
                hints: [
                    "Check it the way any backward pass is checked: central differences of L(z) = Σᵢ gᵢ softmax(z)ᵢ, one zᵢ at a time, against the function's output.",
                    "The entries of the true gradient add up to 0 for every g (softmax's outputs always add to 1). Do the buggy function's?",
                    "The subtracted quantity must be the average of g weighted by the softmax s, Σᵢ sᵢ gᵢ."
                ],
                check: {
                    // z = [0, ln 3]: s = [¼, ¾]; g = [1, 0]: Σ sᵢgᵢ = ¼; [¼(1 − ¼), ¾(0 − ¼)] = [3/16, −3/16].
                    try expect(
                        try Answers.softmaxBackward([0, log(3)], outputGradient: [1, 0]), equals: [3.0 / 16, -3.0 / 16],
                        "z = [0, ln 3], g = [1, 0]")
                    // Central differences of L(z) = Σ gᵢ softmax(z)ᵢ at a random point.
                    var generator = SeededGenerator(seed: 56)
                    let z = (0..<4).map { _ in generator.normal() }, g = (0..<4).map { _ in generator.normal() }
                    let numeric = numericalGradient(
                        of: { zip(g, DLMath.softmax($0)).reduce(0) { $0 + $1.0 * $1.1 } }, at: z)
                    try expect(
                        try Answers.softmaxBackward(z, outputGradient: g), equals: numeric,
                        "softmaxBackward against central differences", tolerance: .numerical)
                })
        ]
    }
}
