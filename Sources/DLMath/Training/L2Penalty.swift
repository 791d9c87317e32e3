/// L2 regularisation ("weight decay" added to the loss) on the weights of a
/// network, not its biases:
///
///     penalty  R(θ) = (λ/2) Σ_W ‖W‖²_F = (λ/2) Σ_W Σᵢⱼ Wᵢⱼ²
///     gradient ∂R/∂W = λ W           (∂R/∂b = 0)
///
/// The sum runs over the parameters a layer marks in `weightDecayMask`
/// (`Dense`: W yes, b no). A bias shifts a unit without scaling any input,
/// so shrinking it does nothing to smooth the function; Keras' and PyTorch's
/// examples regularise weights only, too.
///
/// Conventions: the ½ makes the gradient exactly λW, which is what PyTorch's
/// `weight_decay=λ` adds to the gradient of SGD and Adam. Keras'
/// `kernel_regularizer=l2(λ)` adds λ Σ W² without the ½ (gradient 2λW): its
/// λ is half of this one. With Adam, adding λW to the gradient is *not* the
/// same as AdamW's decoupled decay (see `AdamW`).
public struct L2Penalty: Sendable, Equatable {
    /// λ ≥ 0.
    public let strength: Double

    /// The penalty λ Σ W² over the weight matrices, with λ = `strength` ≥ 0; its gradient is 2 λ W.
    public init(strength: Double) {
        precondition(
            strength >= 0 && strength.isFinite, "L2Penalty: strength λ must be finite and >= 0, got \(strength)")
        self.strength = strength
    }

    /// (λ/2) Σ ‖parameters[i]‖²_F over the i with `mask[i]` true.
    public func value(_ parameters: [Matrix], mask: [Bool]) -> Double {
        requireMask(mask, parameters)
        var squares = 0.0
        for (parameter, decayed) in zip(parameters, mask) where decayed {
            squares += parameter.elements.dot(parameter.elements)
        }
        return strength / 2 * squares
    }

    /// Adds ∂R/∂θ to the gradients: gradients[i] += λ parameters[i] where `mask[i]`, unchanged elsewhere.
    public func addGradient(to gradients: inout [Matrix], parameters: [Matrix], mask: [Bool]) {
        requireMask(mask, parameters)
        requireShape(
            gradients.count == parameters.count,
            ShapeError("L2Penalty", "\(gradients.count) gradients for \(parameters.count) parameters"))
        for index in parameters.indices where mask[index] {
            gradients[index].addScaled(strength, parameters[index])
        }
    }

    private func requireMask(_ mask: [Bool], _ parameters: [Matrix]) {
        requireShape(
            mask.count == parameters.count,
            ShapeError("L2Penalty", "a mask of \(mask.count) entries for \(parameters.count) parameters"))
    }
}
