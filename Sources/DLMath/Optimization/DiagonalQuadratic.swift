import Foundation

/// The quadratic bowl f(x) = ½ xᵀ diag(a) x = ½ Σᵢ aᵢ xᵢ², with every
/// curvature aᵢ > 0: the simplest function on which to study step sizes.
///
///     ∇f(x) = a ⊙ x,   Hessian = diag(a),   minimiser x* = 0
///
/// Gradient descent with learning rate lr acts on each coordinate alone:
///
///     xᵢ ← xᵢ − lr aᵢ xᵢ = (1 − lr aᵢ) xᵢ,   so   xᵢ(k) = (1 − lr aᵢ)ᵏ xᵢ(0)
///
/// It converges iff |1 − lr aᵢ| < 1 for every i, i.e. 0 < lr < 2 / max aᵢ
/// (the bound 2/L with L the largest curvature); it oscillates (the factor
/// is negative) when lr > 1/aᵢ. The condition number κ = max a / min a
/// says how much slower the flattest direction converges at the largest
/// stable step: it is *ill-conditioned* when κ is large.
public struct DiagonalQuadratic: ObjectiveFunction, Equatable {
    /// The curvatures aᵢ > 0 (the Hessian's diagonal).
    public let curvatures: [Double]

    /// f(x) = ½ Σᵢ aᵢ xᵢ² with the curvatures aᵢ > 0.
    public init(curvatures: [Double]) {
        precondition(!curvatures.isEmpty, "DiagonalQuadratic: needs at least one curvature")
        precondition(curvatures.allSatisfy { $0 > 0 }, "DiagonalQuadratic: curvatures must be > 0, got \(curvatures)")
        self.curvatures = curvatures
    }

    /// The 2-D bowl a = (1, 25), κ = 25, used in chapter 10.
    public static let illConditioned = DiagonalQuadratic(curvatures: [1, 25])

    public var name: String { "½ xᵀ diag(\(curvatures.map { formatCompact($0) }.joined(separator: ", "))) x" }

    /// f(x) = ½ Σᵢ aᵢ xᵢ².
    public func value(at x: [Double]) -> Double {
        precondition(
            x.count == curvatures.count,
            "DiagonalQuadratic: point has \(x.count) coordinates, expected \(curvatures.count)")
        return 0.5 * zip(curvatures, x).map { $0 * $1 * $1 }.sum
    }

    /// ∇f(x) = a ⊙ x.
    public func gradient(at x: [Double]) -> [Double] {
        precondition(
            x.count == curvatures.count,
            "DiagonalQuadratic: point has \(x.count) coordinates, expected \(curvatures.count)")
        return zip(curvatures, x).map { $0 * $1 }
    }

    /// x* = 0.
    public var minimizer: [Double] { Array(repeating: 0, count: curvatures.count) }

    /// κ = max a / min a.
    public var conditionNumber: Double { curvatures.max()! / curvatures.min()! }

    /// 2 / max a: gradient descent converges iff 0 < lr < this bound.
    public var stabilityBound: Double { 2 / curvatures.max()! }

    /// The closed form of gradient descent: xᵢ(k) = (1 − lr aᵢ)ᵏ xᵢ(0).
    public func gradientDescentIterate(from start: [Double], learningRate: Double, steps k: Int) -> [Double] {
        precondition(start.count == curvatures.count && k >= 0, "gradientDescentIterate: bad start or step count")
        return zip(curvatures, start).map { pow(1 - learningRate * $0, Double(k)) * $1 }
    }

    /// Heavy-ball momentum on one coordinate of curvature a, by its scalar
    /// recurrence (a second computation, independent of `Momentum`):
    ///
    ///     x₁ = (1 − lr a) x₀,   x_{k+1} = (1 + μ − lr a) x_k − μ x_{k−1}
    ///
    /// obtained from v_{k+1} = μ v_k + a x_k, x_{k+1} = x_k − lr v_{k+1} by
    /// eliminating v (lr v_k = x_{k−1} − x_k). Returns x₀ … x_steps.
    public static func momentumRecurrence(
        start: Double, curvature a: Double, learningRate lr: Double,
        momentum mu: Double, steps: Int
    ) -> [Double] {
        var xs = [start]
        if steps >= 1 { xs.append((1 - lr * a) * start) }
        while xs.count <= steps {
            let k = xs.count - 1
            xs.append((1 + mu - lr * a) * xs[k] - mu * xs[k - 1])
        }
        return xs
    }
}
