/// Where Adam puts ε and its bias corrections: the three forms frameworks use.
///
/// All three keep the same moments, m ← β₁ m + (1 − β₁) g and
/// v ← β₂ v + (1 − β₂) g², from 0, with c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ at step t:
///
///     pytorch:             w ← w − lr · (m/c₁) / (√(v/c₂) + ε)
///     keras:               w ← w − α_t · m / (√v + ε̂),   α_t = lr · √c₂ / c₁
///     optax(epsilonRoot):  w ← w − lr · (m/c₁) / (√(v/c₂ + ε_root) + ε)
///
/// - `pytorch`: `torch.optim.Adam(eps=1e-8)`, ε outside the root of the
///   bias-corrected v̂ (Algorithm 1 of Kingma and Ba).
/// - `keras`: `keras.optimizers.Adam(epsilon=1e-7)`, the paper's "ε-hat"
///   form (the formula before its section 2.1): the corrections folded into the
///   step size and ε̂ added to the root of the *raw* v. It is `pytorch` with
///   ε = ε̂ / √c₂: about 31.6 ε̂ on step 1 (β₂ = 0.999), tending to ε̂ as t grows.
/// - `optax(epsilonRoot:)`: `optax.adam(eps=1e-8, eps_root=0.0)`, ε_root added
///   under the root as well. With its default ε_root = 0 it is `pytorch`
///   exactly, bit for bit (x + 0 = x).
///
/// The forms differ only through ε, so they part where √v̂ is of the order of
/// ε (a weight whose gradients are tiny) and agree to many digits elsewhere.
public enum AdamConvention: Sendable, Equatable, Hashable, Codable {
    /// PyTorch: ε outside the root of the corrected v̂.
    case pytorch
    /// Keras: the corrections folded into the step size, ε̂ outside the root of the raw v.
    case keras
    /// optax: ε_root ≥ 0 under the root of v̂ and ε outside it.
    case optax(epsilonRoot: Double)

    /// A name for tables: "PyTorch", "Keras", "optax" (with ε_root when it is not 0).
    public var name: String {
        switch self {
        case .pytorch: return "PyTorch"
        case .keras: return "Keras"
        case .optax(let root): return root == 0 ? "optax" : "optax (ε_root \(root))"
        }
    }
}
