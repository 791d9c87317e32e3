import Foundation

/// Lost digits: solving A x = b in floating point gives an x̂ with relative
/// error about
///
///     ‖x̂ − x‖ / ‖x‖ ≲ κ(A) · ε,   so about log₁₀ κ(A) of the 16 significant digits are lost
///
/// (a backward-stable solver, LU with partial pivoting or QR, returns the
/// exact solution of a system perturbed by about ε; the condition number
/// κ(A) = σ_max / σ_min bounds how much that perturbation moves x).
public struct ConditioningExperiment: Sendable {
    /// κ₂ of the matrix that was solved, measured from its SVD.
    public let conditionNumber: Double
    /// ‖x̂ − x‖₂ / ‖x‖₂ for the known solution x.
    public let relativeError: Double
    /// −log₁₀(relativeError / ε): how many of the ~16 digits were lost.
    public let lostDigits: Double

    /// Builds the n x n matrix A = U diag(1, 10^(−k/(n−1)), …, 10^(−k)) Vᵀ with
    /// random orthogonal U and V (seeded), so that κ₂(A) = 10^k, takes the
    /// solution x = [1, 1, …] and b = A x, solves A x̂ = b by LU, and measures
    /// the error. `exponent` is k ≥ 0; n ≥ 2.
    public init(size n: Int, conditionExponent k: Double, seed: UInt64) {
        precondition(n >= 2 && k >= 0, "ConditioningExperiment: needs n ≥ 2 and k ≥ 0, got n = \(n), k = \(k)")
        var generator = SeededGenerator(seed: seed)
        let u = Matrix.randomOrthogonal(n, using: &generator)
        let v = Matrix.randomOrthogonal(n, using: &generator)
        let sigma = (0..<n).map { pow(10, -k * Double($0) / Double(n - 1)) }
        let a = u * Matrix.diagonal(sigma) * v.transposed
        let x = Array(repeating: 1.0, count: n)
        let b = a * x
        let solved = (try? a.solve(b)) ?? Array(repeating: .nan, count: n)
        let error = zip(solved, x).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() / x.norm()
        self.conditionNumber = a.conditionNumber
        self.relativeError = error
        self.lostDigits = error > 0 ? log10(error / Double.ulpOfOne) : 0
    }
}
