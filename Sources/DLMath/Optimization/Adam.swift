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
        // Once β₁ᵗ < 2⁻⁵⁴ (t ≥ 356 for β₁ = 0.9), 1 − β₁ᵗ rounds to exactly 1, and m / 1 = m for every m:
        // the division is then left out, with the same bits (divisions and square roots are what this
        // loop waits for). Each variant is its own loop, chosen once per parameter.
        let corrects1 = correction1 != 1
        slots.update(&layer) { n, w, g, m, v in
            let moments = Moments(count: n, weights: w, gradients: g, first: m, second: v, beta1: b1, beta2: b2)
            switch convention {
            case .pytorch where corrects1:
                moments.update(PyTorchLanes(lr: lr, c1: correction1, c2: correction2, eps: eps))
            case .pytorch:
                moments.update(PyTorchLanesUncorrected(lr: lr, c2: correction2, eps: eps))
            case .keras:
                moments.update(KerasLanes(rate: lr * correction2.squareRoot() / correction1, eps: eps))
            case .optax(let root) where corrects1:
                moments.update(OptaxLanes(lr: lr, c1: correction1, c2: correction2, root: root, eps: eps))
            case .optax(let root):
                moments.update(OptaxLanesUncorrected(lr: lr, c2: correction2, root: root, eps: eps))
            }
            var j = n - n % 8
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

    /// One parameter's storage for the in-place step: its weights, gradient and two moments.
    private struct Moments {
        let count: Int
        let weights: UnsafeMutablePointer<Double>, gradients: UnsafePointer<Double>
        let first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>
        let beta1: Double, beta2: Double

        /// m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², w ← w − step(m, v), eight lanes at a
        /// time over the first ⌊n/8⌋·8 elements (the caller does the rest): the same correctly
        /// rounded operations as the scalar rule, so the same results, bit for bit.
        @inline(__always)
        func update<Step: LaneStep>(_ step: Step) {
            typealias Lanes = SIMD8<Double>
            let b1 = beta1, b2 = beta2
            var j = 0
            while j + 8 <= count {
                let g = UnsafeRawPointer(gradients + j).loadUnaligned(as: Lanes.self)
                let m = b1 * UnsafeRawPointer(first + j).loadUnaligned(as: Lanes.self) + (1 - b1) * g
                let v = b2 * UnsafeRawPointer(second + j).loadUnaligned(as: Lanes.self) + (1 - b2) * g * g
                let w = UnsafeRawPointer(weights + j).loadUnaligned(as: Lanes.self) - step.distance(m, v)
                UnsafeMutableRawPointer(first + j).storeBytes(of: m, as: Lanes.self)
                UnsafeMutableRawPointer(second + j).storeBytes(of: v, as: Lanes.self)
                UnsafeMutableRawPointer(weights + j).storeBytes(of: w, as: Lanes.self)
                j += 8
            }
        }
    }

    /// How far eight weights move from their new moments m and v (the rule of
    /// `step(m:v:…)` for one convention, lane by lane): a type per variant, so
    /// that each loop is specialised and inlined with its own operations.
    private protocol LaneStep {
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double>
    }

    /// PyTorch's form: lr (m / c₁) / (√(v / c₂) + ε).
    private struct PyTorchLanes: LaneStep {
        let lr: Double, c1: Double, c2: Double, eps: Double
        @inline(__always)
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double> {
            lr * (m / c1) / ((v / c2).squareRoot() + eps)
        }
    }

    /// PyTorch's form once c₁ = 1 − β₁ᵗ is exactly 1: lr m / (√(v / c₂) + ε).
    private struct PyTorchLanesUncorrected: LaneStep {
        let lr: Double, c2: Double, eps: Double
        @inline(__always)
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double> {
            lr * m / ((v / c2).squareRoot() + eps)
        }
    }

    /// Keras' form: lr_t m / (√v + ε̂), lr_t = lr √c₂ / c₁ computed once per step.
    private struct KerasLanes: LaneStep {
        let rate: Double, eps: Double
        @inline(__always)
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double> {
            rate * m / (v.squareRoot() + eps)
        }
    }

    /// optax's form: lr (m / c₁) / (√(v / c₂ + ε_root) + ε).
    private struct OptaxLanes: LaneStep {
        let lr: Double, c1: Double, c2: Double, root: Double, eps: Double
        @inline(__always)
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double> {
            lr * (m / c1) / ((v / c2 + root).squareRoot() + eps)
        }
    }

    /// optax's form once c₁ is exactly 1: lr m / (√(v / c₂ + ε_root) + ε).
    private struct OptaxLanesUncorrected: LaneStep {
        let lr: Double, c2: Double, root: Double, eps: Double
        @inline(__always)
        func distance(_ m: SIMD8<Double>, _ v: SIMD8<Double>) -> SIMD8<Double> {
            lr * m / ((v / c2 + root).squareRoot() + eps)
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
