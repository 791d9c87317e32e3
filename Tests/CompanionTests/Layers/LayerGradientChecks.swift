import DLMath

/// L(y) = ½ Σᵢⱼ (yᵢⱼ − tᵢⱼ)², the squared error written out by hand for the
/// tests (the loss library is elsewhere). Its gradient is ∂L/∂y = y − t.
func halfSquaredError(_ y: Matrix, _ target: Matrix) -> Double {
    let difference = y - target
    return 0.5 * (difference .* difference).sum
}

/// Runs `layer` forward on `input`, backward from ∂L/∂y = y − t, and checks
/// ∂L/∂input and every ∂L/∂θ against central differences of L with
/// `gradientCheck` (tolerance 1e-6). The first result is the input's.
func layerGradientChecks(_ layer: some Layer, input: Matrix, target: Matrix) -> [GradientCheckResult] {
    var trained = layer
    let output = trained.forward(input)
    let inputGradient = trained.backward(output - target)
    let fixed = trained
    var results = [gradientCheck(inputGradient, of: { x in
        var copy = fixed
        return halfSquaredError(copy.forward(x), target)
    }, at: input, name: "\(layer.description) input")]
    let parameters = fixed.parameters
    for (index, (parameter, gradient)) in zip(parameters, fixed.parameterGradients).enumerated() {
        results.append(gradientCheck(gradient, of: { p in
            var copy = fixed
            var changed = parameters
            changed[index] = p
            copy.parameters = changed
            return halfSquaredError(copy.forward(input), target)
        }, at: parameter, name: "\(layer.description) parameter \(index)"))
    }
    return results
}

/// A seeded m x n matrix of N(0, 1) entries moved away from 0 by at least
/// 0.1 (so that no entry sits within a finite-difference step of the kinks
/// of ReLU, leaky ReLU and ELU).
func awayFromZero(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return generator.normalMatrix(rows: rows, columns: columns).map { abs($0) < 0.1 ? $0 + ($0 < 0 ? -0.1 : 0.1) : $0 }
}
