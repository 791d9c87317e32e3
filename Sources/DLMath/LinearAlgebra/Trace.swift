extension Matrix {
    /// The trace tr A = Σᵢ aᵢᵢ, the sum of the diagonal of a square matrix
    /// (0 for the 0 x 0 matrix). It equals the sum of the eigenvalues, and
    /// tr(AB) = tr(BA). Stops when A is not square.
    public var trace: Double {
        requireShape(isSquare, .notSquare("trace", self))
        return (0..<rows).reduce(0) { $0 + self[$1, $1] }
    }
}
