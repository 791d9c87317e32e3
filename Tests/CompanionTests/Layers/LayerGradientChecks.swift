import DLMath

/// L(y) = ½ Σᵢⱼ (yᵢⱼ − tᵢⱼ)², the squared error written out by hand for the
/// tests (the loss library is elsewhere). Its gradient is ∂L/∂y = y − t.
func halfSquaredError(_ y: Matrix, _ target: Matrix) -> Double {
    let difference = y - target
    return 0.5 * (difference .* difference).sum
}

/// `layerGradientChecks` with L = ½ Σ (y − t)² (gradient y − t).
func layerGradientChecks(_ layer: some Layer, input: Matrix, target: Matrix) -> [GradientCheckResult] {
    layerGradientChecks(layer, input: input, loss: { halfSquaredError($0, target) }, lossGradient: { $0 - target })
}

/// A seeded m x n matrix of N(0, 1) entries moved away from 0 by at least
/// 0.1 (so that no entry sits within a finite-difference step of the kinks
/// of ReLU, leaky ReLU and ELU).
func awayFromZero(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return generator.normalMatrix(rows: rows, columns: columns).map { abs($0) < 0.1 ? $0 + ($0 < 0 ? -0.1 : 0.1) : $0 }
}
