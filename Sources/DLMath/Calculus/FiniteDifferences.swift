/// Numerical derivatives by finite differences: the independent computation
/// that every analytic derivative in the project is checked against.
///
/// Step sizes: the forward difference has truncation error O(h) and rounding
/// error O(ε/h) (ε ≈ 2.2e-16), best near h = √ε ≈ 1e-8; the central
/// difference has truncation error O(h²), best near h = ε^(1/3) ≈ 6e-6. The
/// defaults below are those optima for functions of moderate size and curvature.

/// f'(x) ≈ (f(x + h) − f(x)) / h. Error O(h) (truncation) + O(ε/h) (rounding).
public func forwardDifference(of f: (Double) -> Double, at x: Double, step h: Double = 1e-8) -> Double {
    precondition(h > 0, "forwardDifference: step \(h) must be positive")
    return (f(x + h) - f(x)) / h
}

/// f'(x) ≈ (f(x + h) − f(x − h)) / (2h). Error O(h²) (truncation) + O(ε/h) (rounding).
public func centralDifference(of f: (Double) -> Double, at x: Double, step h: Double = 1e-5) -> Double {
    precondition(h > 0, "centralDifference: step \(h) must be positive")
    return (f(x + h) - f(x - h)) / (2 * h)
}

/// f''(x) ≈ (f(x + h) − 2 f(x) + f(x − h)) / h². Error O(h²) + O(ε/h²); h ≈ ε^(1/4) ≈ 1e-4.
public func secondDifference(of f: (Double) -> Double, at x: Double, step h: Double = 1e-4) -> Double {
    precondition(h > 0, "secondDifference: step \(h) must be positive")
    return (f(x + h) - 2 * f(x) + f(x - h)) / (h * h)
}

/// The gradient ∇f(x), ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / (2h), by central differences:
/// the one row of the Jacobian of f, computed by `numericalJacobian`.
public func numericalGradient(of f: ([Double]) -> Double, at x: [Double], step h: Double = 1e-5) -> [Double] {
    numericalJacobian(of: { [f($0)] }, at: x, step: h).elements
}

/// The gradient of a scalar function of a matrix (a loss as a function of a
/// weight matrix), element by element by central differences; same shape as `x`.
public func numericalGradient(of f: (Matrix) -> Double, at x: Matrix, step h: Double = 1e-5) -> Matrix {
    let gradient = numericalGradient(
        of: { f(Matrix(rows: x.rows, columns: x.columns, elements: $0)) },
        at: x.elements, step: h)
    return Matrix(rows: x.rows, columns: x.columns, elements: gradient)
}

/// The Jacobian J of f: ℝⁿ → ℝᵐ, J[i, j] = ∂fᵢ/∂xⱼ (an m x n matrix), by central differences.
public func numericalJacobian(of f: ([Double]) -> [Double], at x: [Double], step h: Double = 1e-5) -> Matrix {
    precondition(h > 0, "numericalJacobian: step \(h) must be positive")
    let m = f(x).count
    var jacobian = Matrix(rows: m, columns: x.count)
    var point = x
    for j in 0..<x.count {
        let original = point[j]
        point[j] = original + h
        let up = f(point)
        point[j] = original - h
        let down = f(point)
        point[j] = original
        precondition(up.count == m && down.count == m, "numericalJacobian: f changed its output length")
        for i in 0..<m { jacobian[i, j] = (up[i] - down[i]) / (2 * h) }
    }
    return jacobian
}

/// The Hessian H of f: ℝⁿ → ℝ, H[i, j] = ∂²f/∂xᵢ∂xⱼ, by central differences of
/// central differences:
/// H[i, j] ≈ (f(x+hᵢ+hⱼ) − f(x+hᵢ−hⱼ) − f(x−hᵢ+hⱼ) + f(x−hᵢ−hⱼ)) / (4h²).
/// Error O(h²) + O(ε/h²); the default h = 1e-4 balances them. Symmetric by construction.
public func numericalHessian(of f: ([Double]) -> Double, at x: [Double], step h: Double = 1e-4) -> Matrix {
    precondition(h > 0, "numericalHessian: step \(h) must be positive")
    let n = x.count
    var hessian = Matrix(rows: n, columns: n)
    func value(_ i: Int, _ di: Double, _ j: Int, _ dj: Double) -> Double {
        var point = x
        point[i] += di
        point[j] += dj
        return f(point)
    }
    for i in 0..<n {
        for j in i..<n {
            let entry =
                (value(i, h, j, h) - value(i, h, j, -h) - value(i, -h, j, h) + value(i, -h, j, -h)) / (4 * h * h)
            hessian[i, j] = entry
            hessian[j, i] = entry
        }
    }
    return hessian
}
