import Foundation

/// Adam (Kingma and Ba, 2015): momentum on the gradient and RMSProp's
/// scaling, both as moving averages, with a correction for their start at 0.
///
/// At step t = 1, 2, …:
///
///     m ← β₁ · m + (1 − β₁) · g           (first moment, starts at 0)
///     v ← β₂ · v + (1 − β₂) · g²          (second moment, starts at 0)
///     m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)    (bias correction)
///     w ← w − lr · m̂ / (√v̂ + ε)
///
/// On the first step m̂ = g and v̂ = g², so every weight moves by
/// lr · g / (|g| + ε) ≈ lr · sign(g): the same distance lr whatever the size
/// of its gradient.
///
/// Conventions (ε placement is the one that trips people): `convention`
/// chooses PyTorch's form (the default, and optax's with ε_root = 0), Keras'
/// ε-hat form or optax's ε_root; see `AdamConvention`.
/// - PyTorch `Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-8)`: the rule above
///   (the defaults here).
/// - Keras `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`:
///   `Adam(epsilon: 1e-7, convention: .keras)`, lr_t = lr √(1 − β₂ᵗ) / (1 − β₁ᵗ)
///   and w ← w − lr_t · m / (√v + ε̂), ε̂ added to the root of the *uncorrected* v.
///   That equals the rule above with ε = ε̂ / √(1 − β₂ᵗ), which is about 31.6 ε̂
///   on step 1 and tends to ε̂ as t grows.
/// - optax `adam(learning_rate, b1=0.9, b2=0.999, eps=1e-8, eps_root=0.0)`:
///   `convention: .optax(epsilonRoot: 0)`, the same as PyTorch's.
public struct Adam: Optimizer, Sendable {
    /// The step size lr > 0.
    public var learningRate: Double
    /// Decay β₁ in [0, 1) of the first moment.
    public let beta1: Double
    /// Decay β₂ in [0, 1) of the second moment.
    public let beta2: Double
    /// ε > 0 added to √v̂ (outside the root; to √v, the raw moment, in Keras' convention).
    public let epsilon: Double
    /// Where ε and the bias corrections go (PyTorch's form by default).
    public let convention: AdamConvention
    /// The number of steps taken, t (0 before the first).
    public private(set) var stepCount = 0
    private var slots = OptimizerSlots(slotCount: 2)

    /// Adam: m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², θ ← θ − η m̂ / (√v̂ + ε) with
    /// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ) in PyTorch's form; `convention` picks Keras' or optax's.
    public init(
        learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        convention: AdamConvention = .pytorch
    ) {
        precondition(learningRate > 0, "Adam: learning rate must be > 0, got \(learningRate)")
        precondition(beta1 >= 0 && beta1 < 1, "Adam: β₁ must be in [0, 1), got \(beta1)")
        precondition(beta2 >= 0 && beta2 < 1, "Adam: β₂ must be in [0, 1), got \(beta2)")
        precondition(epsilon > 0, "Adam: ε must be > 0, got \(epsilon)")
        if case .optax(let root) = convention {
            precondition(root >= 0, "Adam: optax's ε_root must be >= 0, got \(root)")
        }
        self.convention = convention
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The raw first moments m of each parameter (empty before the first step).
    public var firstMoments: [Matrix] { slots.isEmpty ? [] : slots.values[0] }
    /// The raw second moments v of each parameter (empty before the first step).
    public var secondMoments: [Matrix] { slots.isEmpty ? [] : slots.values[1] }
    /// m̂ = m / (1 − β₁ᵗ) at the current step (empty before the first step).
    public var correctedFirstMoments: [Matrix] {
        firstMoments.map { $0 / (1 - pow(beta1, Double(stepCount))) }
    }
    /// v̂ = v / (1 − β₂ᵗ) at the current step (empty before the first step).
    public var correctedSecondMoments: [Matrix] {
        secondMoments.map { $0 / (1 - pow(beta2, Double(stepCount))) }
    }

    /// t ← t + 1; m, v updated; w ← w − lr m̂ / (√v̂ + ε) (or the step of `convention`).
    public mutating func step(_ parameters: inout [Matrix], gradients: [Matrix]) {
        let rule = nextRule()
        slots.update(&parameters, gradients: gradients, rule: rule)
    }

    /// The same step on `layer`'s parameters, in place (one loop per
    /// parameter, the same arithmetic as `step(_:gradients:)`).
    public mutating func step<L: Layer>(_ layer: inout L) {
        stepCount += 1
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        let correction1 = 1 - pow(b1, Double(stepCount))
        let correction2 = 1 - pow(b2, Double(stepCount))
        let convention = convention
        slots.update(&layer) { n, w, g, m, v in
            // Eight lanes at a time: the same correctly rounded operations as
            // the scalar rule, so the same results, bit for bit.
            typealias Lanes = SIMD8<Double>
            var j = 0
            while j + 8 <= n {
                let gj = UnsafeRawPointer(g + j).loadUnaligned(as: Lanes.self)
                let mj = b1 * UnsafeRawPointer(m + j).loadUnaligned(as: Lanes.self) + (1 - b1) * gj
                let vj = b2 * UnsafeRawPointer(v + j).loadUnaligned(as: Lanes.self) + (1 - b2) * gj * gj
                let step: Lanes
                switch convention {
                case .pytorch: step = lr * (mj / correction1) / ((vj / correction2).squareRoot() + eps)
                case .keras: step = (lr * correction2.squareRoot() / correction1) * mj / (vj.squareRoot() + eps)
                case .optax(let root): step = lr * (mj / correction1) / ((vj / correction2 + root).squareRoot() + eps)
                }
                let wj = UnsafeRawPointer(w + j).loadUnaligned(as: Lanes.self) - step
                UnsafeMutableRawPointer(m + j).storeBytes(of: mj, as: Lanes.self)
                UnsafeMutableRawPointer(v + j).storeBytes(of: vj, as: Lanes.self)
                UnsafeMutableRawPointer(w + j).storeBytes(of: wj, as: Lanes.self)
                j += 8
            }
            while j < n {
                m[j] = b1 * m[j] + (1 - b1) * g[j]
                v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j]
                w[j] -= Self.step(
                    m: m[j], v: v[j], convention: convention, learningRate: lr, epsilon: eps,
                    correction1: correction1, correction2: correction2)
                j += 1
            }
        }
    }

    /// The distance one weight moves, from its new moments m and v:
    /// lr (m/c₁) / (√(v/c₂) + ε) in PyTorch's form (see `AdamConvention` for the others).
    @inline(__always)
    static func step(
        m: Double, v: Double, convention: AdamConvention, learningRate lr: Double, epsilon eps: Double,
        correction1: Double, correction2: Double
    ) -> Double {
        switch convention {
        case .pytorch: return lr * (m / correction1) / ((v / correction2).squareRoot() + eps)
        case .keras: return (lr * correction2.squareRoot() / correction1) * m / (v.squareRoot() + eps)
        case .optax(let root): return lr * (m / correction1) / ((v / correction2 + root).squareRoot() + eps)
        }
    }

    /// t ← t + 1, and the element rule of step t.
    private mutating func nextRule() -> (inout Double, Double, inout Double, inout Double) -> Void {
        stepCount += 1
        let lr = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        let correction1 = 1 - pow(b1, Double(stepCount))
        let correction2 = 1 - pow(b2, Double(stepCount))
        let convention = convention
        return { w, g, m, v in
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            w -= Self.step(
                m: m, v: v, convention: convention, learningRate: lr, epsilon: eps,
                correction1: correction1, correction2: correction2)
        }
    }
}
