// Information measures of two discrete random variables X and Y given by
// their joint table: `joint[x, y]` = P(X = x, Y = y), rows are the values of
// X, columns the values of Y. Every function validates the table (non-empty,
// entries finite and ≥ 0, sum within `probabilitySumTolerance` of 1) and
// throws `ProbabilityError` naming itself otherwise. Results in nats unless
// `in: .bits`; 0 log 0 = 0 throughout.

/// The marginal distributions of a joint table: P(X = x) = Σ_y p(x, y) (row
/// sums) and P(Y = y) = Σ_x p(x, y) (column sums).
public func marginalDistributions(_ joint: Matrix) throws(ProbabilityError) -> (x: [Double], y: [Double]) {
    try validateJointTable(joint, function: "marginalDistributions")
    return (joint.sum(along: .columns).elements, joint.sum(along: .rows).elements)
}

/// The joint entropy H(X, Y) = −Σ_{x,y} p(x, y) log p(x, y).
public func jointEntropy(_ joint: Matrix, in unit: InformationUnit = .nats) throws(ProbabilityError) -> Double {
    try validateJointTable(joint, function: "jointEntropy")
    return unit.fromNats(-joint.elements.reduce(0) { $0 + xLogY($1, $1) })
}

/// The conditional entropy of the columns given the rows,
/// H(Y | X) = −Σ_{x,y} p(x, y) log p(y | x), with p(y | x) = p(x, y) / p(x):
/// how uncertain Y stays once X is known, averaged over X.
///
/// Computed from the conditional probabilities directly (not as
/// H(X, Y) − H(X)), so that the chain rule H(X, Y) = H(X) + H(Y | X) is a
/// statement that can be checked. For H(X | Y) pass `joint.transposed`.
/// 0 ≤ H(Y | X) ≤ H(Y).
public func conditionalEntropy(_ joint: Matrix, in unit: InformationUnit = .nats) throws(ProbabilityError) -> Double {
    try validateJointTable(joint, function: "conditionalEntropy")
    let px = joint.sum(along: .columns).elements
    var sum = 0.0
    for x in 0..<joint.rows where px[x] > 0 {
        for y in 0..<joint.columns { sum -= xLogY(joint[x, y], joint[x, y] / px[x]) }
    }
    return unit.fromNats(sum)
}

/// The mutual information I(X; Y) = Σ_{x,y} p(x, y) log(p(x, y) / (p(x) p(y))):
/// how much knowing one variable tells about the other.
///
/// I(X; Y) = KL(p(x, y) ‖ p(x) p(y)) = H(X) + H(Y) − H(X, Y) = H(Y) − H(Y | X).
/// It is ≥ 0, symmetric in X and Y, and 0 exactly when the table is the
/// product of its marginals (X and Y independent). Computed as the direct sum;
/// rounding can leave a value of order −1e-16 for an independent table.
public func mutualInformation(_ joint: Matrix, in unit: InformationUnit = .nats) throws(ProbabilityError) -> Double {
    try validateJointTable(joint, function: "mutualInformation")
    let px = joint.sum(along: .columns).elements
    let py = joint.sum(along: .rows).elements
    var sum = 0.0
    for x in 0..<joint.rows {
        for y in 0..<joint.columns where joint[x, y] > 0 {
            sum += xLogY(joint[x, y], joint[x, y] / (px[x] * py[y]))
        }
    }
    return unit.fromNats(sum)
}

/// Checks that a matrix is a joint probability table: at least one entry,
/// every entry finite and ≥ 0, the sum within `probabilitySumTolerance` of 1.
/// Errors name the entry: `mutualInformation: joint table entry [1, 0] = -0.1 is negative`.
public func validateJointTable(_ joint: Matrix, function: String) throws(ProbabilityError) {
    guard joint.count > 0 else {
        throw ProbabilityError(function, "joint table is empty (\(joint.shapeDescription))")
    }
    for x in 0..<joint.rows {
        for y in 0..<joint.columns {
            let value = joint[x, y]
            guard value.isFinite else {
                throw ProbabilityError(
                    function, "joint table entry [\(x), \(y)] = \(formatCompact(value)) is not finite")
            }
            guard value >= 0 else {
                throw ProbabilityError(
                    function,
                    "joint table entry [\(x), \(y)] = \(formatCompact(value, significantDigits: 12)) is negative")
            }
        }
    }
    let total = joint.sum
    guard abs(total - 1) <= probabilitySumTolerance else {
        throw ProbabilityError(function, "joint table sums to \(formatCompact(total, significantDigits: 12)), not 1")
    }
}
