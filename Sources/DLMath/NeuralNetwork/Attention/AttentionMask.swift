/// Which keys each query may look at: M in softmax(Q Kᵀ/√d_k + M).
///
/// The additive mask M has Mₜₛ = 0 where query t may attend to key s and
/// Mₜₛ = −∞ where it may not; e^−∞ = 0, so a masked position gets exactly
/// zero weight and the remaining weights of the row still sum to 1.
///
/// - causal: query t sees keys s ≤ t only (a decoder must not read the future);
/// - padding: example i has `validLengths[i]` real steps, the keys from there
///   on are padding and masked for every query of that example.
///
/// Both may hold at once. A query must keep at least one key (its row would
/// otherwise be 0/0): valid lengths are at least 1.
public struct AttentionMask: Sendable, Equatable, Codable {
    /// Query t sees keys 0…t only.
    public var causal: Bool
    /// The number of real steps of each example of the batch (nil: every step is real).
    public var validLengths: [Int]?

    /// A mask with −∞ above the diagonal when `causal` (step t sees steps ≤ t) and on the padded steps t ≥ `validLengths[i]` of each example i.
    public init(causal: Bool = false, validLengths: [Int]? = nil) {
        requireShape(
            validLengths?.allSatisfy { $0 >= 1 } ?? true,
            ShapeError("AttentionMask", "valid lengths must be at least 1, got \(validLengths ?? [])"))
        self.causal = causal
        self.validLengths = validLengths
    }

    /// No mask: every query sees every key.
    public static let none = AttentionMask()
    /// The causal (look-ahead) mask.
    public static let causal = AttentionMask(causal: true)

    /// True when query t of example i may attend to key s.
    public func allows(query t: Int, key s: Int, example i: Int) -> Bool {
        if causal && s > t { return false }
        if let lengths = validLengths, s >= lengths[i] { return false }
        return true
    }

    /// The additive mask of example i, queries x keys (0 or −∞), or nil when nothing is masked.
    public func additive(queries: Int, keys: Int, example i: Int) -> Matrix? {
        if let lengths = validLengths {
            requireShape(
                i < lengths.count,
                ShapeError("AttentionMask", "no valid length for example \(i) (\(lengths.count) given)"))
        }
        guard causal || (validLengths.map { $0[i] < keys } ?? false) else { return nil }
        return Matrix(rows: queries, columns: keys) { t, s in allows(query: t, key: s, example: i) ? 0 : -.infinity }
    }
}
