import DLMath
import DLPresentation
import Foundation

/// p from 0 to 1 in steps of 0.005: the grid of the Bernoulli curves.
let bernoulliGrid = (0...200).map { Double($0) / 200 }

/// H(Bernoulli(p)) = −p log₂ p − (1 − p) log₂(1 − p) in bits, for each p of
/// `bernoulliGrid` (0 at p = 0 and 1, by 0 log 0 = 0).
func bernoulliEntropyCurve() -> [Double] {
    bernoulliGrid.map { p in validated { () throws(ProbabilityError) in try entropy([p, 1 - p], in: .bits) } }
}

/// Section 4.1's figure: the entropy of a coin with P(heads) = p, in bits.
func bernoulliEntropyFigure(_ entropies: [Double]) -> Plot {
    var plot = Plot(
        title: "Entropy of a coin: H(Bernoulli(p)) in bits", x: Axis("p = P(heads)", range: 0...1),
        y: Axis("H (bits)", range: 0...1.4))
    plot.line("H(p) = −p log₂ p − (1 − p) log₂(1 − p)", x: bernoulliGrid, y: entropies)
    plot.scatter(
        x: [0.5, 0.9], y: [1, -0.9 * log2(0.9) - 0.1 * log2(0.1)], classes: [0, 1],
        classNames: ["fair coin: 1 bit", "p = 0.9: 0.469 bits"])
    plot.legend = .topRight
    return plot
}

/// Section 4.3's figure: KL between a coin [p, 1 − p] and the fair coin
/// [½, ½], in both orders, over 0 < p < 1 (in nats). KL([½, ½] ‖ [p, 1 − p])
/// grows without bound as p → 0 or 1 (the model nearly rules out an outcome
/// that happens half the time); KL([p, 1 − p] ‖ [½, ½]) stays below ln 2.
func klAsymmetryFigure() -> Plot {
    let ps = bernoulliGrid.filter { $0 > 0 && $0 < 1 }
    let fair = [0.5, 0.5]
    let towardFair = ps.map { p in validated { () throws(ProbabilityError) in try klDivergence([p, 1 - p], fair) } }
    let fromFair = ps.map { p in validated { () throws(ProbabilityError) in try klDivergence(fair, [p, 1 - p]) } }
    var plot = Plot(
        title: "KL divergence is not symmetric", x: Axis("p of the coin [p, 1 − p]", range: 0...1),
        y: Axis("KL (nats)", range: 0...3))
    plot.line("KL([½, ½] ‖ [p, 1 − p])", x: ps, y: fromFair)
    plot.line("KL([p, 1 − p] ‖ [½, ½])", x: ps, y: towardFair)
    plot.line("ln 2: KL(q ‖ fair) never exceeds it", x: [0, 1], y: [log(2), log(2)], dashed: true)
    plot.scatter(
        x: [0.9, 0.9], y: [log(5.0 / 3), 0.9 * log(1.8) + 0.1 * log(0.2)], classes: [0, 1],
        classNames: ["4.3: KL([½, ½] ‖ [0.9, 0.1]) = ln(5/3)", "4.3: KL([0.9, 0.1] ‖ [½, ½])"])
    plot.legend = .topRight
    plot.notes.append("KL(p ‖ q) punishes q for calling unlikely what p makes common; it is 0 for both at p = ½")
    return plot
}
