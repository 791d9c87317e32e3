// Where the book is wrong.
import DLMath
import DLPresentation
import Foundation

func bookSection(_ chapter: inout Chapter, worstErrors: [(cell: String, error: Double)]) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book only names recurrent networks; it shows no recurrent code to correct. The claim that usually comes with the name, \"LSTMs solve the vanishing gradient problem\", is too strong, and this chapter's own numbers show why: along the cell path ∂c_T/∂c_0 = Π_t diag(f_t), a product of forget gates in (0, 1). It decays geometrically unless training drives f to 1; the forget bias of 1 starts it at σ(1) ≈ 0.73 per step, so 0.73^80 ≈ 1e-11 with no help from the data. The LSTM delays vanishing (see the T = 80 row above); it does not abolish it, and clipping (which only shrinks large gradients) does nothing for it."
    )
    chapter.check("σ(1)^80 by hand", computed: pow(1 / (1 + exp(-1.0)), 80), byHand: pow(0.7310585786300049, 80))
    var table = TextTable(["cell", "worst gradient-check error"])
    for (cell, error) in worstErrors { table.append([cell, formatScientific(error, significantDigits: 2)]) }
    chapter.table(table)
}
