import DLMath
import Foundation

/// The exercises of chapter 10 (optimizers). The workbook and the solutions
/// each provide a type conforming to this protocol.
public protocol Chapter10Exercises {
    /// 10.1 One step of momentum (PyTorch form): v ← μ v + g, w ← w − lr v. Returns (w, v).
    static func momentumStep(
        weight w: Double, velocity v: Double, gradient g: Double,
        learningRate: Double, momentum mu: Double
    ) throws -> (weight: Double, velocity: Double)
    /// 10.2 Step t of Adam with bias correction, ε outside the root. Returns (w, m, v).
    static func adamStep(
        weight w: Double, firstMoment m: Double, secondMoment v: Double, gradient g: Double, step t: Int,
        learningRate: Double, beta1: Double, beta2: Double, epsilon: Double
    ) throws -> (weight: Double, firstMoment: Double, secondMoment: Double)
    /// 10.3 Gradients clipped by their global norm c.
    static func clipByGlobalNorm(_ gradients: [[Double]], maximumNorm c: Double) throws -> [[Double]]
    /// 10.4 The cosine learning-rate schedule at step t.
    static func cosineRate(step t: Int, initial: Double, minimum: Double, totalSteps: Int) throws -> Double
    /// 10.5 One Newton step in two dimensions: d = −H⁻¹ ∇f for a 2x2 Hessian H. Returns d.
    static func newtonStep(gradient g: [Double], hessian h: Matrix) throws -> [Double]
    /// 10.6 The learning rate above which heavy-ball momentum diverges on f(x) = ½ a x²: 2(1 + μ)/a.
    static func momentumDivergenceRate(curvature a: Double, momentum mu: Double) throws -> Double
}

/// The checks and hints of chapter 10, run against any conforming answers.
public enum Chapter10Checks {
    static let file = "Exercises/Workbook/Chapter10.swift"

    public static func exercises<Answers: Chapter10Exercises>(_ answers: Answers.Type) -> [Exercise] {
        [
            Exercise(
                id: "10.1", title: "One step of momentum",
                task: "v ← μ v + g, then w ← w − lr v. Return the new (w, v).",
                file: file, function: "momentumStep(weight:velocity:gradient:learningRate:momentum:)",
                hints: [
                    "Update the velocity first; the weight moves by the new velocity.",
                    "Return the new velocity as well as the new weight: the next step needs it."
                ],
                check: {
                    // v = 0.9·2 + 1 = 2.8, w = 5 − 0.1·2.8 = 4.72.
                    let (w, v) = try Answers.momentumStep(
                        weight: 5, velocity: 2, gradient: 1, learningRate: 0.1, momentum: 0.9)
                    try expect(v, equals: 2.8, "velocity (v = 2, g = 1, μ = 0.9)")
                    try expect(w, equals: 4.72, "weight (w = 5, lr = 0.1)")
                    // From rest the first step is plain gradient descent: v = g = −3, w = 1 + 0.5·3 = 2.5.
                    let (w1, v1) = try Answers.momentumStep(
                        weight: 1, velocity: 0, gradient: -3, learningRate: 0.5, momentum: 0.9)
                    try expect([w1, v1], equals: [2.5, -3], "first step from rest")
                }),
            Exercise(
                id: "10.2", title: "One step of Adam",
                task:
                    "m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w ← w − lr m̂/(√v̂ + ε). Return (w, m, v).",
                file: file,
                function: "adamStep(weight:firstMoment:secondMoment:gradient:step:learningRate:beta1:beta2:epsilon:)",
                hints: [
                    "The moments handed back are the raw m and v; only the step uses m̂ and v̂.",
                    "β₁ᵗ is β₁ to the power of the step number t (t starts at 1); ε is added after the square root, √v̂ + ε, not inside it."
                ],
                check: {
                    // t = 1 from m = v = 0, g = 4: m = 0.4, v = 0.016; m̂ = 4, v̂ = 16; w = 1 − 0.01 · 4/(4 + 1e-8).
                    let first = try Answers.adamStep(
                        weight: 1, firstMoment: 0, secondMoment: 0, gradient: 4, step: 1,
                        learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
                    try expect(
                        [first.firstMoment, first.secondMoment], equals: [0.4, 0.016], "raw moments after step 1")
                    try expect(first.weight, equals: 1 - 0.01 * 4 / (4 + 1e-8), "weight after step 1 (≈ 1 − lr)")
                    // t = 2, m = 0.1, v = 0.001, g = 2: m = 0.29, v = 0.004999; m̂ = 0.29/0.19, v̂ = 0.004999/0.001999.
                    let second = try Answers.adamStep(
                        weight: 0, firstMoment: 0.1, secondMoment: 0.001, gradient: 2, step: 2,
                        learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
                    try expect(
                        second.weight, equals: -0.01 * (0.29 / 0.19) / ((0.004999 / 0.001999).squareRoot() + 1e-8),
                        "weight after step 2", tolerance: Tolerance(absolute: 1e-15, relative: 1e-10))
                    // ε = 1 shows where it goes: m̂ = 3, v̂ = 9, step = 3/(3 + 1) = 0.75 (not 3/√10).
                    let eps = try Answers.adamStep(
                        weight: 0, firstMoment: 0, secondMoment: 0, gradient: 3, step: 1,
                        learningRate: 1, beta1: 0.9, beta2: 0.999, epsilon: 1)
                    try expect(eps.weight, equals: -0.75, "ε = 1: ε outside the root")
                }),
            Exercise(
                id: "10.3", title: "Clipping by global norm",
                task:
                    "‖g‖ = √(Σ of every squared element of every gradient). If ‖g‖ > c, scale every gradient by c/‖g‖; otherwise return them unchanged.",
                file: file, function: "clipByGlobalNorm(_:maximumNorm:)",
                hints: [
                    "One norm for all the gradients together, not one per gradient.",
                    "Add up the squares of every entry of every gradient, take one square root: that is ‖g‖. Scale only when ‖g‖ > c."
                ],
                check: {
                    // ‖((3), (4, 0))‖ = 5 > 1: scale by 1/5.
                    let clipped = try Answers.clipByGlobalNorm([[3], [4, 0]], maximumNorm: 1)
                    try expect(clipped.count == 2 && clipped[1].count == 2, "the shapes of the gradients are kept")
                    try expect(clipped.flatMap { $0 }, equals: [0.6, 0.8, 0], "clipped to norm 1")
                    // ‖(1, −2, 2)‖ = 3 ≤ 10: unchanged.
                    try expect(
                        try Answers.clipByGlobalNorm([[1, -2], [2]], maximumNorm: 10).flatMap { $0 },
                        equals: [1, -2, 2], "under the limit")
                }),
            Exercise(
                id: "10.4", title: "The cosine schedule",
                task: "lr(t) = lr_min + ½ (lr₀ − lr_min)(1 + cos(π · min(t, T) / T)).",
                file: file, function: "cosineRate(step:initial:minimum:totalSteps:)",
                hints: [
                    "At t = 0 the cosine is 1; at t = T it is −1; after T, hold t at T.",
                    "The progress p = min(t, T)/T runs from 0 to 1 and stays at 1 after T; the rate is lr_min + ½(lr₀ − lr_min)(1 + cos πp). Mind integer division in p."
                ],
                check: {
                    // lr₀ = 1, lr_min = 0.1, T = 100: t = 0 → 1, t = 50 → 0.55, t = 100 → 0.1, t = 300 → 0.1.
                    for (t, expected) in [(0, 1.0), (50, 0.55), (100, 0.1), (300, 0.1)] {
                        try expect(
                            try Answers.cosineRate(step: t, initial: 1, minimum: 0.1, totalSteps: 100),
                            equals: expected, "t = \(t)")
                    }
                    // t = 25: 0.1 + 0.45 (1 + √2/2).
                    try expect(
                        try Answers.cosineRate(step: 25, initial: 1, minimum: 0.1, totalSteps: 100),
                        equals: 0.1 + 0.45 * (1 + 0.5.squareRoot()), "t = 25")
                }),
            Exercise(
                id: "10.5", title: "One Newton step",
                task:
                    "Return the Newton step d = −H⁻¹ g for the gradient g (2 entries) and the invertible 2x2 Hessian H: the new point is x + d.",
                file: file, function: "newtonStep(gradient:hessian:)",
                hints: [
                    "Solve H d = −g. For H = [[a, b], [c, e]], H⁻¹ = (1/(ae − bc)) [[e, −b], [−c, a]].",
                    "Mind the minus sign: the step is −H⁻¹ g, a move downhill. Multiply the inverse's rows by g and negate."
                ],
                check: {
                    // f = x² + 2y² at (1, 2): g = [2, 8], H = diag(2, 4), d = −[1, 2]: one step to the minimum (0, 0).
                    try expect(
                        try Answers.newtonStep(gradient: [2, 8], hessian: [[2, 0], [0, 4]]), equals: [-1, -2],
                        "newtonStep(gradient: [2, 8], hessian: [[2, 0], [0, 4]])")
                    // H = [[4, 1], [1, 3]], det 11, g = [1, 2]: H⁻¹g = [3·1 − 1·2, −1·1 + 4·2]/11 = [1, 7]/11, d = −[1, 7]/11.
                    try expect(
                        try Answers.newtonStep(gradient: [1, 2], hessian: [[4, 1], [1, 3]]),
                        equals: [-1.0 / 11, -7.0 / 11],
                        "newtonStep(gradient: [1, 2], hessian: [[4, 1], [1, 3]])")
                    // Rosenbrock at (−1.2, 1): g = [−2·2.2 − 400·(−1.2)·(−0.44), 200·(−0.44)] = [−215.6, −88],
                    // H = [[2 + 176 + 1152, 480], [480, 200]] = [[1330, 480], [480, 200]], det = 266000 − 230400 = 35600;
                    // H⁻¹g = [−43120 + 42240, 103488 − 117040]/35600 = [−880, −13552]/35600, so d = [880, 13552]/35600
                    // ≈ [0.0247191, 0.3806742]: the first Newton iterate is (−1.1752809, 1.3806742).
                    try expect(
                        try Answers.newtonStep(gradient: [-215.6, -88], hessian: [[1330, 480], [480, 200]]),
                        equals: [880.0 / 35600, 13552.0 / 35600],
                        "newtonStep at Rosenbrock's (−1.2, 1)")
                }),
            Exercise(
                id: "10.6", title: "Momentum moves the divergence point",
                task:
                    "With v ← μ v + a x, x ← x − lr v on f = ½ a x², return the learning rate above which x diverges; the check runs momentum just below and just above it.",
                file: file, function: "momentumDivergenceRate(curvature:momentum:)",
                hints: [
                    "Eliminate v: x₍t+1₎ = (1 + μ − lr a) x_t − μ x₍t−1₎. It diverges when a root of z² − (1 + μ − lr a) z + μ = 0 leaves the unit circle.",
                    "As lr grows, a root leaves through z = −1. Put z = −1 into the equation and solve for lr. With μ = 0 you should get plain gradient descent's 2/a."
                ],
                check: {
                    // z = −1: 1 + (1 + μ − lr a) + μ = 0, so lr = 2(1 + μ)/a: 2(1.9)/4 = 0.95; 2/1 = 2; 2(1.5)/10 = 0.3.
                    try expect(
                        try Answers.momentumDivergenceRate(curvature: 4, momentum: 0.9), equals: 0.95, "a = 4, μ = 0.9")
                    try expect(try Answers.momentumDivergenceRate(curvature: 1, momentum: 0), equals: 2, "a = 1, μ = 0")
                    try expect(
                        try Answers.momentumDivergenceRate(curvature: 10, momentum: 0.5), equals: 0.3, "a = 10, μ = 0.5"
                    )
                    // The experiment at a = 4, μ = 0.9: 300 steps from x = 1 at 0.97 and 1.03 times the rate.
                    let rate = try Answers.momentumDivergenceRate(curvature: 4, momentum: 0.9)
                    func finalDistance(_ lr: Double) -> Double {
                        var x = 1.0, v = 0.0
                        for _ in 0..<300 {
                            v = 0.9 * v + 4 * x
                            x -= lr * v
                        }
                        return abs(x)
                    }
                    try expect(
                        finalDistance(0.97 * rate) < 1e-3,
                        "at 0.97 x your rate momentum should converge; |x| = \(finalDistance(0.97 * rate))")
                    try expect(
                        finalDistance(1.03 * rate) > 1e3,
                        "at 1.03 x your rate momentum should diverge; |x| = \(finalDistance(1.03 * rate))")
                })
        ]
    }
}
