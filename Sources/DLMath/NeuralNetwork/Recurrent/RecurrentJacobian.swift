import Foundation

/// How a perturbation of h_0 reaches h_t in a plain RNN: the Jacobians
/// J_t = ∂h_t/∂h_0 (J_t[j, k] = ∂h_t,j / ∂h_0,k), for t = 1…T.
///
/// In the row-vector form h_t = tanh(x_t W_x + h_{t−1} W_h + b) one step's
/// Jacobian is ∂h_t/∂h_{t−1} = diag(1 − h_t²) W_hᵀ, so
///
///     J_T = diag(1 − h_T²) W_hᵀ · … · diag(1 − h_1²) W_hᵀ
///
/// (the backward pass multiplies a row gradient by its transpose, W_h diag(1 − h_t²)
/// on the right). Since ‖diag(1 − h²)‖₂ ≤ 1, ‖J_T‖₂ ≤ σ_max(W_h)^T: below 1 the
/// gradient to h_0 must vanish geometrically; above 1 it can explode.
///
/// `input` is one sequence, 1 x (T·F); `initialState` is 1 x H.
public func hiddenStateJacobians(_ cell: RNNCell, input: Matrix, initialState: Matrix) -> [Matrix] {
    requireShape(
        input.rows == 1 && initialState.rows == 1 && initialState.columns == cell.hiddenSize,
        ShapeError(
            "hiddenStateJacobians",
            "input \(input.shapeDescription) and h_0 \(initialState.shapeDescription): need one sequence (1 row) and 1x\(cell.hiddenSize)"
        ))
    let layout = SequenceLayout.reading(input, features: cell.inputSize, operation: "hiddenStateJacobians")
    var state = initialState
    var jacobian = Matrix.identity(cell.hiddenSize)
    var jacobians: [Matrix] = []
    let recurrentTransposed = cell.recurrentWeights.transposed
    for t in 0..<layout.steps {
        state = cell.step(layout.step(t, of: input), state: state).state
        let slope = Matrix.diagonal(state.elements.map { 1 - $0 * $0 })
        jacobian = slope * (recurrentTransposed * jacobian)
        jacobians.append(jacobian)
    }
    return jacobians
}

/// The spectral norm ‖A‖₂ = σ_max(A) = √λ_max(AᵀA), from the symmetric
/// eigendecomposition of AᵀA (chapter 1). Squaring the condition number, it
/// is accurate to about √ε relative for the small singular values, but fully
/// accurate for the largest one, the only one used here.
public func largestSingularValue(_ a: Matrix) -> Double {
    let gram = a.transposed * a
    let symmetric = Matrix(rows: gram.rows, columns: gram.columns) { i, j in (gram[i, j] + gram[j, i]) / 2 }
    do {
        let eigenvalues = try SymmetricEigendecomposition(symmetric).eigenvalues
        return Swift.max(eigenvalues.max() ?? 0, 0).squareRoot()
    } catch {
        fatalError("largestSingularValue: \(error)")
    }
}

/// ‖∂L/∂x_1‖ for L = Σᵢ (h_T)ᵢ · u_i (u = `direction`, 1 x H) on one sequence:
/// how much of a gradient at the last step reaches the first input, for any cell.
public func firstStepGradientNorm<Cell: RecurrentCell>(_ cell: Cell, input: Matrix, direction: Matrix) -> Double {
    var layer = Recurrent(cell)
    _ = layer.forward(input)
    let inputGradient = layer.backward(direction)
    return inputGradient.columnBlock(from: 0, count: cell.inputSize).elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
}
