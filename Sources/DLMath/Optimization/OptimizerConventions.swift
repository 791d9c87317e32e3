/// Where ε enters the denominator of an adaptive step (RMSProp, AdaGrad).
///
///     outsideRoot:   w ← w − lr · g / (√s + ε)     PyTorch
///     insideRoot:    w ← w − lr · g / √(s + ε)     Keras, optax
///
/// The two agree to within ε/(2√s) relative once s ≫ ε; they part where s
/// is of the order of ε or ε² (a weight whose gradients are all tiny), and
/// with each framework's own default ε (PyTorch 1e-8 or 1e-10, Keras 1e-7).
public enum EpsilonPlacement: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// ε added to the root: g / (√s + ε) (PyTorch).
    case outsideRoot
    /// ε added under the root: g / √(s + ε) (Keras, optax).
    case insideRoot

    /// The denominator √s + ε or √(s + ε).
    @inlinable
    public func denominator(_ s: Double, epsilon: Double) -> Double {
        switch self {
        case .outsideRoot: return s.squareRoot() + epsilon
        case .insideRoot: return (s + epsilon).squareRoot()
        }
    }
}

/// The variables heavy-ball and Nesterov momentum keep (`Momentum`, `Nesterov`).
///
///     pytorch:    v ← μ v + g,          momentum: w ← w − lr v
///                                       Nesterov: w ← w − lr (g + μ v)
///     sutskever:  u ← μ u − lr g,       momentum: w ← w + u
///                                       Nesterov: w ← w + μ u − lr g
///
/// `sutskever` is Sutskever et al.'s (2013) form with the velocity u in the
/// units of the weights, which is also what Keras' `SGD(momentum=μ)` and
/// `SGD(momentum=μ, nesterov=True)` keep. For Nesterov the weights it holds are
/// Sutskever's look-ahead point θ + μ u, where the training loop evaluates the
/// gradient (substitute θ = w − μ u in θ ← θ + u). With a constant learning
/// rate u = −lr v and the two forms give the same iterates, up to rounding;
/// they differ once lr changes during training: PyTorch applies the new lr to
/// the whole velocity, Sutskever's form has the old rates folded into u.
public enum MomentumConvention: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// v ← μ v + g, the velocity in gradient units (PyTorch, optax's `trace`).
    case pytorch
    /// u ← μ u − lr g, the velocity in weight units (Sutskever et al., Keras).
    case sutskever
}
