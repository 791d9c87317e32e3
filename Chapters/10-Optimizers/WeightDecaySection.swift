// Chapter 10, the second half of 10.6: decoupled decay defines no minimum, L2 in the loss does.
import DLMath
import DLPresentation
import Foundation

/// f + (λ/2)‖w‖²: the objective an L2 penalty in the loss minimises.
struct PenalisedObjective<F: TwiceDifferentiable>: TwiceDifferentiable {
    let base: F
    let strength: Double
    var name: String { "\(base.name) + (\(strength)/2)‖w‖²" }
    func value(at x: [Double]) -> Double { base.value(at: x) + 0.5 * strength * x.reduce(0) { $0 + $1 * $1 } }
    /// ∇f + λ w.
    func gradient(at x: [Double]) -> [Double] { zip(base.gradient(at: x), x).map { $0 + strength * $1 } }
    /// ∇²f + λ I.
    func hessian(at x: [Double]) -> Matrix {
        var h = base.hessian(at: x)
        for i in 0..<x.count { h[i, i] += strength }
        return h
    }
    /// Where the gradient vanishes: 100 steps of damped Newton from f's own minimiser (not the optimizers compared).
    private(set) var minimizer: [Double]

    init(base: F, strength: Double) {
        self.base = base
        self.strength = strength
        self.minimizer = base.minimizer
        minimizer =
            NewtonMethod(.damped).path(minimizing: self, from: base.minimizer, maximumSteps: 100, tolerance: nil)
            .finalPoint
    }
}

/// AdamW at two learning rates against Adam on f + (λ/2)‖w‖² at the same two, on Rosenbrock.
func decoupledAgainstPenalised(_ chapter: inout Chapter, on f: Rosenbrock, from start: [Double]) {
    let lambda = 0.01
    chapter.say(
        "On Rosenbrock (10.2) AdamW with λ = 0.01 stopped short of (1, 1). Decoupled decay is not the gradient "
            + "of anything added to f: each step shrinks w by (1 − lr λ) and then takes an Adam step of size about lr, so "
            + "the point where the two balance depends on lr, and it moves toward (1, 1) as lr shrinks. L2 in the loss "
            + "is a new function, f + (λ/2)‖w‖², with one minimum that every convergent method finds, whatever its lr:")
    let penalised = PenalisedObjective(base: f, strength: lambda)
    let penalisedMinimum = penalised.minimizer
    let rates = [0.1, 0.01, 0.003]
    let steps = [30_000, 60_000, 60_000]
    var table = TextTable(
        ["method", "lr", "steps", "final point", "‖∇(f + (λ/2)‖w‖²)‖ there"],
        alignments: [.left, .right, .right, .left, .right])
    var decoupledEnds: [[Double]] = [], penalisedEnds: [[Double]] = []
    for (rate, count) in zip(rates, steps) {
        let decoupled = OptimizationPath(
            minimizing: f, from: start, with: AdamW(learningRate: rate, weightDecay: lambda),
            maximumSteps: count, tolerance: nil)
        let coupled = OptimizationPath(
            minimizing: penalised, from: start, with: Adam(learningRate: rate),
            maximumSteps: count, tolerance: nil)
        decoupledEnds.append(decoupled.finalPoint)
        penalisedEnds.append(coupled.finalPoint)
        for (name, path) in [("AdamW, λ = 0.01 decoupled", decoupled), ("Adam on f + (λ/2)‖w‖²", coupled)] {
            let g = penalised.gradient(at: path.finalPoint)
            table.append([
                name, formatCompact(rate), String(count), arrayText(path.finalPoint, significantDigits: 5),
                formatScientific((g[0] * g[0] + g[1] * g[1]).squareRoot(), significantDigits: 2)
            ])
        }
    }
    chapter.table(table)
    chapter.show("minimum of f + (λ/2)‖w‖² (damped Newton)", penalisedMinimum)
    // Near (1, 1): H = [[802, −400], [−400, 200]], H⁻¹ = [[200, 400], [400, 802]]/400, so the penalty's
    // shift is about −λ H⁻¹ (1, 1) = −0.01 · (600, 1202)/400 = −(0.015, 0.030).
    chapter.check(
        "the penalised minimum, to first order in λ", computed: penalisedMinimum, byHand: [1 - 0.015, 1 - 0.03005],
        derivation: "for H = ∇²f(1, 1) = [[802, −400], [−400, 200]]: (1, 1) − λ H⁻¹ (1, 1)",
        tolerance: Tolerance(absolute: 2e-3, relative: 0))
    let gap = zip(decoupledEnds[0], decoupledEnds[1]).map { abs($0 - $1) }.max()!
    chapter.check(
        "AdamW's end point moves with lr (by more than 0.02 between lr 0.1 and 0.01)", holds: gap > 0.02,
        detail:
            "x ends at \(formatFixed(decoupledEnds[0][0], decimals: 4)) and \(formatFixed(decoupledEnds[1][0], decimals: 4)), apart by \(formatFixed(gap, decimals: 4))"
    )
    chapter.say(
        "Adam at lr 0.1 never settles on either function: its steps stay about lr long (10.1) and it circles "
            + "the bottom of the valley. At the smaller rates it converges, and on f + (λ/2)‖w‖² it converges to the same point."
    )
    let penalisedGap = penalisedEnds.dropFirst().map { zip($0, penalisedMinimum).map { abs($0 - $1) }.max()! }.max()!
    chapter.check(
        "Adam on f + (λ/2)‖w‖² ends at that function's minimum at lr 0.01 and 0.003 (within 1e-4)",
        holds: penalisedGap < 1e-4,
        detail: "largest coordinate error \(formatScientific(penalisedGap, significantDigits: 2))")
    let decoupledGap = abs(decoupledEnds[1][0] - decoupledEnds[2][0])
    chapter.check(
        "while AdamW's end point still moves between lr 0.01 and 0.003", holds: decoupledGap > 1e-3,
        detail:
            "x ends at \(formatFixed(decoupledEnds[1][0], decimals: 4)) and \(formatFixed(decoupledEnds[2][0], decimals: 4))"
    )
}
