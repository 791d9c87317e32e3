import Foundation

/// The least-squares weights, solved exactly: the w that makes the gradient
/// (2/n) Xᵀ(Xw − y) zero solves the normal equations
///
///     XᵀX w = Xᵀ y
///
/// solved here by Cramer's rule, wᵢ = det(Aᵢ) / det(A) with A = XᵀX and Aᵢ
/// = A with column i replaced by Xᵀy: an answer computed without any
/// iteration, against which gradient descent is checked. For d ≤ 3 features
/// (the worked examples: intercept plus one or two inputs); larger systems
/// belong to a factorisation (LU).
///
/// - Returns: w (d x 1), or nil when XᵀX is singular (|det| ≤ 1e-12 · the
///   scale of A^d): the features are linearly dependent and the minimiser is
///   not unique.
public func normalEquationsSolution(features x: Matrix, targets y: Matrix) -> Matrix? {
    precondition(
        (1...3).contains(x.columns),
        "normalEquationsSolution: Cramer's rule here is for 1 to 3 features, got \(x.columns)")
    requireShape(
        y.rows == x.rows && y.columns == 1,
        ShapeError(
            "normalEquationsSolution",
            "features \(x.shapeDescription) need targets \(x.rows)x1, got \(y.shapeDescription)"))
    let a = x.transposed * x
    let b = x.transposed * y
    let det = smallDeterminant(a)
    let scale = a.elements.map(abs).max() ?? 0
    guard abs(det) > 1e-12 * pow(scale, Double(a.rows)) else { return nil }
    let solution = (0..<a.columns).map { i -> Double in
        let replaced = Matrix(rows: a.rows, columns: a.columns) { r, c in c == i ? b[r, 0] : a[r, c] }
        return smallDeterminant(replaced) / det
    }
    return Matrix(column: solution)
}

/// The determinant of a 1x1, 2x2 or 3x3 matrix by cofactor expansion along the first row.
private func smallDeterminant(_ m: Matrix) -> Double {
    switch m.rows {
    case 1: return m[0, 0]
    case 2: return m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]
    default:
        return m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
            - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
            + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0])
    }
}
