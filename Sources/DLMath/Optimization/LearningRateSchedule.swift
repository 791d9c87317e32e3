import Foundation

/// A learning rate that changes with the step number t = 0, 1, 2, …
///
/// The training loop sets `optimizer.learningRate = schedule.rate(at: t)`
/// before update t (count t in updates or in epochs, as long as the
/// schedule's step sizes use the same unit).
///
/// - `constant(lr)`:                     lr(t) = lr
/// - `step(initial, factor, every)`:    lr(t) = lr₀ · γ^⌊t / s⌋
///   (PyTorch `StepLR(step_size=s, gamma=γ)`)
/// - `exponential(initial, decayRate, decaySteps)`: lr(t) = lr₀ · r^(t / s)
///   (Keras `ExponentialDecay(staircase=False)`; PyTorch `ExponentialLR(gamma=r)` is s = 1)
/// - `cosine(initial, minimum, totalSteps)`:
///   lr(t) = lr_min + ½ (lr₀ − lr_min)(1 + cos(π · min(t, T) / T))
///   (PyTorch `CosineAnnealingLR(T_max=T, eta_min=lr_min)` for t ≤ T; after T
///   it stays at lr_min, as Keras `CosineDecay` does, where PyTorch's closed
///   form would rise again)
public enum LearningRateSchedule: Sendable, Equatable {
    /// η_t = η.
    case constant(Double)
    /// η_t = η₀ · factor^⌊t / every⌋.
    case step(initial: Double, factor: Double, every: Int)
    /// η_t = η₀ · decayRate^(t / decaySteps).
    case exponential(initial: Double, decayRate: Double, decaySteps: Int)
    /// η_t = η_min + ½ (η₀ − η_min)(1 + cos(π t / T)) for t ≤ T, η_min after.
    case cosine(initial: Double, minimum: Double, totalSteps: Int)

    /// The learning rate for step `t` (t >= 0), by the formulas above.
    public func rate(at t: Int) -> Double {
        precondition(t >= 0, "LearningRateSchedule.rate(at:): step must be >= 0, got \(t)")
        switch self {
        case .constant(let rate):
            return rate
        case let .step(initial, factor, every):
            precondition(every > 0, "step schedule: 'every' must be > 0, got \(every)")
            return initial * pow(factor, Double(t / every))
        case let .exponential(initial, decayRate, decaySteps):
            precondition(decaySteps > 0, "exponential schedule: decaySteps must be > 0, got \(decaySteps)")
            return initial * pow(decayRate, Double(t) / Double(decaySteps))
        case let .cosine(initial, minimum, totalSteps):
            precondition(totalSteps > 0, "cosine schedule: totalSteps must be > 0, got \(totalSteps)")
            let progress = Double(min(t, totalSteps)) / Double(totalSteps)
            return minimum + 0.5 * (initial - minimum) * (1 + cos(Double.pi * progress))
        }
    }

    /// The rates for steps 0 ..< count, for tables and figures.
    public func rates(count: Int) -> [Double] { (0..<count).map(rate(at:)) }
}
