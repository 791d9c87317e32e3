import Foundation

/// Scaled dot-product attention, forward beside backward, for one example
/// (and one head):
///
///     S = Q Kᵀ / √d_k + M        scores, T_q x T_k
///     P = softmax(S), row-wise   attention weights, each row sums to 1
///     O = P V                    output, T_q x d_v
///
/// Q is T_q x d_k (one query per row), K is T_k x d_k, V is T_k x d_v, M the
/// additive mask (0 or −∞, see `AttentionMask`). A soft dictionary look-up:
/// query t takes a weighted average of the values, weighted by how well it
/// matches each key. The division by √d_k keeps the variance of a score at
/// 1 when q and k have independent unit-variance entries (Var(q·k) = d_k).
///
/// Backward, for G = ∂L/∂O, by the chain rule through each step (the softmax
/// Jacobian of row t is diag(pₜ) − pₜ pₜᵀ):
///
///     ∂L/∂V = Pᵀ G
///     ∂L/∂P = G Vᵀ
///     ∂L/∂S = P ⊙ (∂L/∂P − rowsum(P ⊙ ∂L/∂P))    (row t: Jₜ (∂L/∂pₜ), without forming Jₜ)
///     ∂L/∂Q = ∂L/∂S K / √d_k
///     ∂L/∂K = (∂L/∂S)ᵀ Q / √d_k
///
/// A masked score gets ∂L/∂S = 0 (its weight is 0), so no gradient flows
/// through a masked position.
public struct ScaledDotProductAttention: Sendable {
    /// The output O = P V.
    public let output: Matrix
    /// The weights P = softmax(Q Kᵀ/√d_k + M).
    public let weights: Matrix

    /// O and P for queries `queries`, keys `keys`, values `values` and an optional additive mask.
    public init(queries: Matrix, keys: Matrix, values: Matrix, mask: Matrix? = nil) {
        requireShape(
            queries.columns == keys.columns,
            ShapeError(
                "attention",
                "queries \(queries.shapeDescription) and keys \(keys.shapeDescription) need the same width d_k"))
        requireShape(
            keys.rows == values.rows,
            ShapeError(
                "attention", "keys \(keys.shapeDescription) and values \(values.shapeDescription) need one row per key")
        )
        var scores = queries.timesTransposed(keys) * (1 / Double(queries.columns).squareRoot())
        if let mask {
            requireShape(
                mask.rows == scores.rows && mask.columns == scores.columns,
                ShapeError(
                    "attention", "mask \(mask.shapeDescription), expected \(scores.shapeDescription) (queries x keys)"))
            scores = scores + mask
        }
        weights = softmax(scores)
        output = weights * values
    }

    /// ∂L/∂Q, ∂L/∂K and ∂L/∂V for G = ∂L/∂O, given the forward pass's inputs (see the type).
    public func backward(_ outputGradient: Matrix, queries: Matrix, keys: Matrix, values: Matrix)
        -> (queries: Matrix, keys: Matrix, values: Matrix)
    {
        requireShape(
            outputGradient.rows == output.rows && outputGradient.columns == output.columns,
            ShapeError(
                "attention.backward", "gradient \(outputGradient.shapeDescription), expected \(output.shapeDescription)"
            ))
        let scale = 1 / Double(queries.columns).squareRoot()
        let valuesGradient = weights.transposedTimes(outputGradient)
        let weightsGradient = outputGradient.timesTransposed(values)
        let scoresGradient = softmaxBackward(probabilities: weights, outputGradient: weightsGradient)
        return ((scoresGradient * keys) * scale, scoresGradient.transposedTimes(queries) * scale, valuesGradient)
    }
}
