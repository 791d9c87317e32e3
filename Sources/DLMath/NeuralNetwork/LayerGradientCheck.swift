/// Checks a layer's backward pass against central differences.
///
/// Runs `layer` forward on `input`, backward from g = `lossGradient(y)`, and
/// compares ∂L/∂input and each ∂L/∂θ (in the order of `parameters`) with
/// `gradientCheck` on L(input, θ) = `loss(layer(input))`. The loss is the
/// caller's (for instance ½ Σ (y − t)², whose gradient is y − t).
///
/// - Returns: the input's result first, then one per parameter matrix.
/// Keep inputs away from kinks (ReLU at 0): central differences are wrong within a step of one.
public func layerGradientChecks(
    _ layer: some Layer, input: Matrix,
    loss: (Matrix) -> Double, lossGradient: (Matrix) -> Matrix,
    tolerance: Double = 1e-6
) -> [GradientCheckResult] {
    var differentiated = layer
    let output = differentiated.forward(input)
    let inputGradient = differentiated.backward(lossGradient(output))
    let fixed = differentiated
    var results = [
        gradientCheck(
            inputGradient,
            of: { x in
                var copy = fixed
                return loss(copy.forward(x))
            }, at: input, name: "\(layer.description) input", tolerance: tolerance)
    ]
    let parameters = fixed.parameters
    for (index, (parameter, gradient)) in zip(parameters, fixed.parameterGradients).enumerated() {
        results.append(
            gradientCheck(
                gradient,
                of: { p in
                    var copy = fixed
                    var changed = parameters
                    changed[index] = p
                    copy.parameters = changed
                    return loss(copy.forward(input))
                }, at: parameter, name: "\(layer.description) parameter \(index)", tolerance: tolerance))
    }
    return results
}
