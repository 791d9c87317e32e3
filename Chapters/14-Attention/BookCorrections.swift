// Where the book is wrong.
import DLMath
import DLPresentation
import Foundation

func bookSection(_ chapter: inout Chapter, worstErrors: [(layer: String, error: Double)], reversal: ReversalOutcome) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book ends at recurrent networks and never mentions attention. Nothing it states about attention can be wrong, but its silence misleads: a reader of \"the mathematics of deep learning\" is left believing that a sequence must be read one step at a time through a recurrent state, which is how sequence models worked before 2017 and not how the models that define the field today work. What the absence hides, with this chapter's numbers:"
    )
    chapter.say(
        "• Path length. In an RNN the first input reaches the last output through T − 1 products of Jacobians (chapter 13's vanishing gradients); in self-attention every step reaches every step through one weighted sum, and the residual path keeps the gradient alive through depth (the 64-layer table above)."
    )
    chapter.say(
        "• The price is T²: the cost table above. The book's recurrent cells are linear in T; a transformer trades memory and time for parallel, short paths."
    )
    chapter.say(
        "• The scaling 1/√d_k, layer normalisation and positional encoding are not details: without them the softmax saturates, a batch leaks into its examples, and the model cannot tell order (all measured above)."
    )
    let lowest = reversal.accuracies.min() ?? 0
    chapter.say(
        "The reversal task, which a position-wise model cannot learn (held-out accuracy \(formatFixed(reversal.baselineAccuracy, decimals: 3)), chance 0.1), takes a single transformer block \(reversal.steps) Adam steps to learn to \(formatFixed(lowest, decimals: 4)) or better on \(reversal.accuracies.count) seed\(reversal.accuracies.count == 1 ? "" : "s")."
    )
    var table = TextTable(["layer", "worst gradient-check error"])
    for (layer, error) in worstErrors { table.append([layer, formatScientific(error, significantDigits: 2)]) }
    chapter.table(table)
}
