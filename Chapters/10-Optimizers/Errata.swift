// Chapter 10, last section: where the book is wrong about optimizers.
import DLMath
import DLPresentation
import Foundation

/// The book's optimizer names and its "gradient descent" beside Adam, against what the chapter computed.
/// `names`/`steps`: the 10.1 race on the bowl; `gradient`/`adamStep`: Adam's first step in 10.3 (lr 0.01).
func whereTheBookIsWrong(
    _ chapter: inout Chapter, names: [String], steps: [Int?], gradient: [Double], adamStep: [Double]
) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "1. The book lists dozens of \"optimizers\" built by recombining a few words: \"random velocity\", "
            + "\"random learning rate\" and so on. No such methods exist under those names, and nothing in any optimizer "
            + "of this chapter is drawn at random. Each word names one of three real ideas:")
    var words = TextTable(
        ["the book's word", "what it really is", "in this chapter"], alignments: [.left, .left, .left],
        maximumWidths: [18, 52, 24])
    words.append([
        "random",
        "stochastic: the gradient is averaged over a random mini-batch instead of the whole set. A property of the gradient, not of the optimizer; every method here takes one",
        "chapter 9 (9.4)"
    ])
    words.append([
        "velocity",
        "momentum: v ← μ v + g, a decaying sum of past gradients, nothing random (heavy ball; Nesterov with a look-ahead)",
        "10.1, 10.4, 10.5"
    ])
    words.append([
        "learning rate",
        "either a schedule η(t) fixed in advance, or a per-weight scale from past squared gradients (AdaGrad, RMSProp, Adam)",
        "10.7; 10.3, 10.5"
    ])
    chapter.table(words)
    var family = TextTable(
        ["the real family", "what it combines", "steps on the bowl (10.1)"], alignments: [.left, .left, .right])
    let ideas = [
        "SGD": "the gradient alone", "Momentum": "a sum of past gradients", "Nesterov": "momentum with a look-ahead",
        "AdaGrad": "per-weight scale, running sum of g²", "RMSProp": "per-weight scale, running average of g²",
        "Adam": "momentum (averaged) × RMSProp's scale, debiased",
        "AdamW": "Adam, decay on the weights not the gradient"
    ]
    for (name, count) in zip(names, steps) {
        family.append([name, ideas[name] ?? "", count.map(String.init) ?? "not reached"])
    }
    chapter.table(family)
    chapter.say(
        "The rest of the usual list are one detail changed: NAdam (Adam with Nesterov's look-ahead), AMSGrad "
            + "(v̂ never decreases), AdaMax (the ∞-norm for v), Adadelta (RMSProp with lr replaced by an average of past steps)."
    )
    // The velocity is a deterministic sum: μ = 0.5, g = 4, 2, 1 → v₃ = 0.25·4 + 0.5·2 + 1 = 3.
    var momentum = Momentum(learningRate: 0.1, momentum: 0.5)
    var w: [Matrix] = [[[0]]]
    for g in [4.0, 2, 1] { momentum.step(&w, gradients: [[[g]]]) }
    chapter.check(
        "the \"velocity\" after gradients 4, 2, 1 (μ = 0.5): a sum, not a draw", computed: momentum.velocities[0][0, 0],
        byHand: 3, derivation: "μ² · 4 + μ · 2 + 1 = 1 + 1 + 1")

    chapter.say(
        "2. Beside model.compile(optimizer='adam') the book says it uses gradient descent. Adam is a gradient "
            + "method, but not gradient descent: gradient descent moves each weight by lr · g, Adam by about lr · sign(g) "
            + "(10.3). On the gradients of 10.3 at lr 0.01:")
    let descent = gradient.map { -0.01 * $0 }
    var moves = TextTable(["g", "gradient descent −lr g", "Adam's first step"], alignments: [.right, .right, .right])
    for (g, (d, a)) in zip(gradient, zip(descent, adamStep)) {
        moves.append([formatCompact(g), formatCompact(d, significantDigits: 4), formatCompact(a, significantDigits: 4)])
    }
    chapter.table(moves)
    let spread = { (v: [Double]) in v.map(abs).max()! / v.map(abs).min()! }
    chapter.check(
        "gradient descent's moves span the gradients' 10⁴, Adam's are all about lr",
        holds: spread(descent) > 9_999 && spread(adamStep) < 1.001,
        detail:
            "largest / smallest move: \(formatCompact(spread(descent), significantDigits: 5)) against \(formatCompact(spread(adamStep), significantDigits: 6))"
    )
}
