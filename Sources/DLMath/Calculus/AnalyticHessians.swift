import Foundation

/// An objective whose Hessian H[i, j] = ∂²f/∂xᵢ∂xⱼ is written out in closed
/// form (each conforming type checks it against `numericalHessian` in the
/// tests), so that second-order methods such as `NewtonMethod` can use it.
public protocol TwiceDifferentiable: ObjectiveFunction {
    /// ∇²f(x), n x n and symmetric.
    func hessian(at x: [Double]) -> Matrix
}

extension Rosenbrock: TwiceDifferentiable {
    /// The Hessian of f(x, y) = (a − x)² + b (y − x²)²:
    ///
    ///     ∂²f/∂x² = 2 − 4 b (y − x²) + 8 b x²,   ∂²f/∂x∂y = −4 b x,   ∂²f/∂y² = 2 b
    ///
    /// At the minimum (1, 1) with b = 100: [[802, −400], [−400, 200]],
    /// eigenvalues about 0.40 and 1001.6, κ ≈ 2508.
    public func hessian(at p: [Double]) -> Matrix {
        precondition(p.count == 2, "Rosenbrock: needs a point (x, y), got \(p.count) coordinates")
        let (x, y) = (p[0], p[1])
        return [[2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x], [-4 * b * x, 2 * b]]
    }
}

extension DiagonalQuadratic: TwiceDifferentiable {
    /// ∇²(½ Σ aᵢ xᵢ²) = diag(a), the same at every x.
    public func hessian(at x: [Double]) -> Matrix {
        precondition(
            x.count == curvatures.count,
            "DiagonalQuadratic: point has \(x.count) coordinates, expected \(curvatures.count)")
        return .diagonal(curvatures)
    }
}

/// The quadratic f(x) = ½ xᵀ A x − bᵀ x with A symmetric:
///
///     ∇f(x) = A x − b,   ∇²f = A,   critical point x* = A⁻¹ b
///
/// (for a non-symmetric A the Hessian of ½ xᵀ A x is (A + Aᵀ)/2, so only the
/// symmetric part matters: A is required symmetric). x* is the minimiser
/// when A is positive definite; gradient descent on it converges iff
/// 0 < lr < 2 / λ_max(A), at a rate set by κ(A) = λ_max / λ_min.
public struct QuadraticForm: TwiceDifferentiable, Equatable {
    /// A (n x n, symmetric, invertible).
    public let matrix: Matrix
    /// b (n entries).
    public let linear: [Double]
    /// x* = A⁻¹ b, computed once by LU.
    public let minimizer: [Double]

    /// Stops unless A is square, symmetric and invertible and b fits it.
    public init(matrix: Matrix, linear: [Double]) {
        precondition(matrix.isSymmetric(), "QuadraticForm: A (\(matrix.shapeDescription)) must be square and symmetric")
        precondition(
            linear.count == matrix.rows,
            "QuadraticForm: A is \(matrix.shapeDescription) but b has \(linear.count) entries")
        guard let solution = try? matrix.solve(linear) else {
            preconditionFailure("QuadraticForm: A is singular, the quadratic has no unique critical point")
        }
        self.matrix = matrix
        self.linear = linear
        self.minimizer = solution
    }

    public var name: String { "½ xᵀ A x − bᵀ x (\(matrix.rows)-D)" }

    /// f(x) = ½ xᵀ A x − bᵀ x.
    public func value(at x: [Double]) -> Double {
        0.5 * x.dot(matrix * x) - linear.dot(x)
    }

    /// ∇f(x) = A x − b.
    public func gradient(at x: [Double]) -> [Double] {
        zip(matrix * x, linear).map { $0 - $1 }
    }

    /// ∇²f = A.
    public func hessian(at x: [Double]) -> Matrix { matrix }
}

/// The Hessian of the mean squared error of a linear model,
/// L(w) = (1/N) ‖X w − y‖², with respect to w:
///
///     ∇L = (2/N) Xᵀ (X w − y),   ∇²L = (2/N) Xᵀ X   (the same for every w and y)
///
/// Its eigenvalues set gradient descent's largest stable learning rate,
/// 2 / λ_max, for linear regression.
public func meanSquaredErrorHessian(features x: Matrix) -> Matrix {
    precondition(x.rows > 0, "meanSquaredErrorHessian: needs at least one example")
    return (2 / Double(x.rows)) * (x.transposed * x)
}

/// The Hessian of the binary cross-entropy of logistic regression,
/// L(w) = −(1/N) Σₙ [yₙ ln pₙ + (1 − yₙ) ln(1 − pₙ)], pₙ = σ(xₙ · w):
///
///     ∇L = (1/N) Xᵀ (p − y),   ∇²L = (1/N) Xᵀ diag(pₙ (1 − pₙ)) X
///
/// positive semi-definite (the loss is convex in w) and independent of y.
public func logisticLossHessian(features x: Matrix, weights w: [Double]) -> Matrix {
    requireShape(
        w.count == x.columns,
        ShapeError("logisticLossHessian", "features \(x.shapeDescription) need \(x.columns) weights, got \(w.count)"))
    precondition(x.rows > 0, "logisticLossHessian: needs at least one example")
    let p = (x * w).map { 1 / (1 + exp(-$0)) }
    let weighted = Matrix(rows: x.rows, columns: x.columns) { i, j in p[i] * (1 - p[i]) * x[i, j] }
    return (1 / Double(x.rows)) * (x.transposed * weighted)
}
