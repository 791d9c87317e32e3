import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 4: information theory. Values in nats unless said otherwise;
    /// a rejected distribution would give NaN, which never passes.
    static var chapter04: [Formula] {
        [
            Formula(
                "4.1", "H(uniform over n) = ln n  (n = 7)",
                method: "entropy of [1/7, …, 1/7]",
                scalar: {
                    (log(7.0), (try? entropy(Array(repeating: 1.0 / 7, count: 7))) ?? .nan)
                }),
            Formula(
                "4.2", "H_bits(p) = −Σ pᵢ log₂ pᵢ = H_nats(p) / ln 2  (p = [0.1, 0.2, 0.3, 0.4])",
                method: "direct sum with log2",
                scalar: {
                    let p = [0.1, 0.2, 0.3, 0.4]
                    return ((try? entropy(p, in: .bits)) ?? .nan, -p.reduce(0.0) { $0 + $1 * log2($1) })
                }),
            Formula(
                "4.3", "KL(p ‖ q) = H(p, q) − H(p)  (random 6-outcome p, q, seed 1)",
                method: "cross-entropy minus entropy vs the direct sum Σ p log(p/q)",
                tolerance: Tolerance(absolute: 1e-14, relative: 1e-12),
                scalar: {
                    let (p, q) = randomPair(seed: 1, count: 6)
                    let direct = (try? klDivergence(p, q)) ?? .nan
                    let difference = ((try? crossEntropy(p, q)) ?? .nan) - ((try? entropy(p)) ?? .nan)
                    return (direct, difference)
                }),
            Formula(
                "4.4", "H(X, Y) = H(X) + H(Y | X)  (random 3 x 4 table, seed 2)",
                method: "joint entropy vs entropy of the row marginal plus conditional entropy",
                tolerance: Tolerance(absolute: 1e-14, relative: 1e-12),
                scalar: {
                    let joint = randomTable(seed: 2, rows: 3, columns: 4)
                    guard let (px, _) = try? marginalDistributions(joint),
                        let hxy = try? jointEntropy(joint), let hx = try? entropy(px),
                        let hyx = try? conditionalEntropy(joint)
                    else { return (.nan, .nan) }
                    return (hxy, hx + hyx)
                }),
            Formula(
                "4.5", "I(X; Y) = H(X) + H(Y) − H(X, Y)  (random 3 x 4 table, seed 2)",
                method: "direct sum Σ p(x,y) log(p(x,y)/(p(x)p(y))) vs the entropies",
                tolerance: Tolerance(absolute: 1e-14, relative: 1e-12),
                scalar: {
                    let joint = randomTable(seed: 2, rows: 3, columns: 4)
                    guard let (px, py) = try? marginalDistributions(joint), let mi = try? mutualInformation(joint),
                        let hx = try? entropy(px), let hy = try? entropy(py), let hxy = try? jointEntropy(joint)
                    else { return (.nan, .nan) }
                    return (mi, hx + hy - hxy)
                }),
            Formula(
                "4.6", "I(X; Y) = KL(p(x, y) ‖ p(x) p(y))  (random 3 x 4 table, seed 2)",
                method: "KL of the flattened table from the outer product of its marginals",
                tolerance: Tolerance(absolute: 1e-14, relative: 1e-12),
                scalar: {
                    let joint = randomTable(seed: 2, rows: 3, columns: 4)
                    guard let (px, py) = try? marginalDistributions(joint), let mi = try? mutualInformation(joint),
                        let kl = try? klDivergence(joint.elements, (Matrix(column: px) * Matrix(row: py)).elements)
                    else { return (.nan, .nan) }
                    return (mi, kl)
                }),
            Formula(
                "4.7", "−(1/n) Σᵢ ln q(yᵢ) = H(p̂, q)  (1000 seeded labels from [0.2, 0.5, 0.3], q = [0.3, 0.4, 0.3])",
                method: "average negative log-likelihood vs cross-entropy of the empirical distribution",
                tolerance: Tolerance(absolute: 1e-14, relative: 1e-12),
                scalar: {
                    var rng = SeededGenerator(seed: 4)
                    let labels = (0..<1000).map { _ in rng.categorical([0.2, 0.5, 0.3]) }
                    let q = [0.3, 0.4, 0.3]
                    guard let model = try? Categorical(q),
                        let cross = try? crossEntropy(empiricalDistribution(labels, classes: 3), q)
                    else { return (.nan, .nan) }
                    return (model.averageNegativeLogLikelihood(labels), cross)
                }),
            Formula(
                "4.8", "h(N(μ, σ²)) = ½ ln(2πeσ²)  (σ = 0.7)",
                method: "−∫ p ln p by Simpson's rule on μ ± 12σ, 4000 intervals",
                tolerance: Tolerance(absolute: 1e-11, relative: 0),
                scalar: {
                    let g = Gaussian(mean: 0.4, standardDeviation: 0.7)
                    let integral = simpsonIntegral(from: 0.4 - 8.4, to: 0.4 + 8.4, intervals: 4000) {
                        -g.pdf($0) * g.logPDF($0)
                    }
                    return (g.entropy, integral)
                }),
            Formula(
                "4.9",
                "KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = ln(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½  (N(0, 1) ‖ N(1, 1.5²))",
                method: "∫ p ln(p/q) by Simpson's rule on −12…12, 4000 intervals",
                tolerance: Tolerance(absolute: 1e-11, relative: 0),
                scalar: {
                    let p = Gaussian.standard, q = Gaussian(mean: 1, standardDeviation: 1.5)
                    let integral = simpsonIntegral(from: -12, to: 12, intervals: 4000) {
                        p.pdf($0) * (p.logPDF($0) - q.logPDF($0))
                    }
                    return (p.klDivergence(from: q), integral)
                })
        ]
    }

    /// Two random distributions of `count` outcomes from a seeded generator.
    private static func randomPair(seed: UInt64, count: Int) -> ([Double], [Double]) {
        var rng = SeededGenerator(seed: seed)
        let a = (0..<count).map { _ in rng.uniform() + 0.01 }, b = (0..<count).map { _ in rng.uniform() + 0.01 }
        return (a.map { $0 / a.sum }, b.map { $0 / b.sum })
    }

    /// A random joint table (entries uniform, normalised) from a seeded generator.
    private static func randomTable(seed: UInt64, rows: Int, columns: Int) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        let table = rng.uniformMatrix(rows: rows, columns: columns, low: 0.01, high: 1)
        return table / table.sum
    }
}
