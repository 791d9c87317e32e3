import Foundation

/// The unit of an amount of information: the base of the logarithm.
///
/// - `.nats`: natural log (base e), the unit of the math and of the losses.
/// - `.bits`: log base 2, the unit of coding: a fair coin carries 1 bit.
///
/// 1 bit = ln 2 nats ≈ 0.693 nats; an amount in nats divided by ln 2 is in bits.
public enum InformationUnit: Sendable {
    /// Natural logarithms, base e.
    case nats
    /// Logarithms base 2: 1 bit = ln 2 nats.
    case bits

    /// Converts an amount in nats to this unit (∞ stays ∞).
    public func fromNats(_ nats: Double) -> Double {
        switch self {
        case .nats: return nats
        case .bits: return nats / log(2.0)
        }
    }

    /// The symbol: `nats` or `bits`.
    public var symbol: String { self == .nats ? "nats" : "bits" }
}
