/// Linear regression, the worked model of gradient descent: predictions
/// ŷ = X w for features X (n x d, one example per row) and weights w (d x 1),
/// with the mean squared error and its gradient written out.
///
///     L(w) = (1/n) ‖X w − y‖² = (1/n) Σₖ (xₖ · w − yₖ)²
///     ∇L(w) = (2/n) Xᵀ (X w − y)
///
/// An intercept is a column of ones in X (`LinearRegression.withIntercept`),
/// so w₀ is the bias. L is a quadratic with Hessian (2/n) XᵀX; its minimiser
/// solves the normal equations XᵀX w = Xᵀy (`normalEquationsSolution`).
public struct LinearRegression: Sendable, Equatable {
    /// The weights w, a d x 1 column.
    public var weights: Matrix

    /// A model with the given d x 1 weights.
    public init(weights: Matrix) {
        precondition(
            weights.columns == 1, "LinearRegression: weights must be a d x 1 column, got \(weights.shapeDescription)")
        self.weights = weights
    }

    /// The model with all d weights 0.
    public init(featureCount d: Int) {
        self.init(weights: Matrix(rows: d, columns: 1))
    }

    /// [1 | X]: X with a column of ones put first, for the intercept.
    public static func withIntercept(_ x: Matrix) -> Matrix {
        Matrix(rows: x.rows, columns: x.columns + 1) { i, j in j == 0 ? 1 : x[i, j - 1] }
    }

    /// ŷ = X w (n x 1).
    public func predictions(for x: Matrix) -> Matrix { x * weights }

    /// L(w) = (1/n) ‖X w − y‖² for features X (n x d) and targets y (n x 1), n >= 1.
    public func loss(features x: Matrix, targets y: Matrix) -> Double {
        let residual = residuals(features: x, targets: y)
        return residual.elements.dot(residual.elements) / Double(x.rows)
    }

    /// ∇L(w) = (2/n) Xᵀ (X w − y), a d x 1 column.
    public func gradient(features x: Matrix, targets y: Matrix) -> Matrix {
        (2 / Double(x.rows)) * (x.transposed * residuals(features: x, targets: y))
    }

    /// X w − y, checked for shapes.
    private func residuals(features x: Matrix, targets y: Matrix) -> Matrix {
        precondition(x.rows >= 1, "LinearRegression: needs at least one example")
        requireShape(
            y.rows == x.rows && y.columns == 1,
            ShapeError(
                "LinearRegression", "features \(x.shapeDescription) need targets \(x.rows)x1, got \(y.shapeDescription)"
            ))
        return predictions(for: x) - y
    }
}
