// The textbook forms that fail in floating point, kept here (not in DLMath) to
// show what the stable forms in DLMath avoid. Never use these for computing.
import Foundation

/// softmax(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ without subtracting the maximum: e^1000 = inf, inf/inf = NaN.
func naiveSoftmax(_ z: [Double]) -> [Double] {
    let exponentials = z.map(exp)
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

/// σ(x) = eˣ / (1 + eˣ): at x = 1000, inf/inf = NaN.
func naiveSigmoid(_ x: Double) -> Double { exp(x) / (1 + exp(x)) }

/// σ′(x) = σ(x)(1 − σ(x)): 1 − σ rounds to 0 once σ(x) rounds to 1 (x ≳ 37).
func naiveSigmoidDerivative(_ x: Double) -> Double {
    let s = 1 / (1 + exp(-x))
    return s * (1 - s)
}

/// softplus(x) = log(1 + eˣ): at x = 1000, log(inf) = inf.
func naiveSoftplus(_ x: Double) -> Double { log(1 + exp(x)) }
