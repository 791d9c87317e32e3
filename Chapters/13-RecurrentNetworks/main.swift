// Chapter 13 · Recurrent networks. Run: swift run ch13
// `--quick` (for the test suite, which runs the debug build): fewer examples and
// training steps in the memory task and the language model, shorter samples;
// every other number is the same.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(
    number: 13, title: "Recurrent networks",
    flags: [("--quick", "fewer training steps, for the test suite's debug build")])
let quick = chapter.isGiven("--quick")

// MARK: 13.1 The recurrence and its layout

chapter.section("The recurrence, unrolled")
chapter.say(
    "A recurrent cell reads a sequence one step at a time and carries a state. In the row-vector layout of Dense (one example per row):"
)
chapter.formula(
    """
    h_t = tanh(x_t W_x + h_{t−1} W_h + b)        x_t: 1 x F, h_t: 1 x H, W_x: F x H, W_h: H x H
    column-vector form of many texts: h_t = tanh(W_x′ x_t + W_h′ h_{t−1} + b), W_x′ = W_xᵀ, W_h′ = W_hᵀ
    """)
chapter.say(
    "A batch of m sequences of T steps is one m x (T·F) matrix: column t·F + f is feature f of step t. Row-major storage makes the same numbers an (m·T) x F matrix with one step per row, so a Dense layer or a loss can read every step at once (chapter 14 reuses this layout)."
)
let byHandCell = RNNCell(inputWeights: [[0.5]], recurrentWeights: [[-1]], bias: [[0]])
var byHandLayer = Recurrent(byHandCell, returnSequences: true)
let byHandStates = byHandLayer.forward([[1, 2]])
chapter.say("By hand, F = H = 1, W_x = 0.5, W_h = −1, b = 0, x = (1, 2), h_0 = 0:")
chapter.check("h_1 = tanh(0.5)", computed: byHandStates[0, 0], byHand: tanh(0.5))
chapter.check("h_2 = tanh(2·0.5 − h_1)", computed: byHandStates[0, 1], byHand: tanh(1 - tanh(0.5)))

// MARK: 13.2 Backpropagation through time

chapter.section("Backpropagation through time")
chapter.say(
    "Unrolled, the network is a deep feed-forward graph whose layers share W_x, W_h, b. Chapter 8's chain rule on it: the gradient reaching h_t is what the output sends plus what step t+1 sends back, and a shared weight's gradient is the sum of its uses."
)
chapter.formula(
    """
    δa_t = δh_t ⊙ (1 − h_t²),   δh_{t−1} = δa_t W_hᵀ
    ∂L/∂W_x = Σ_t x_tᵀ δa_t,   ∂L/∂W_h = Σ_t h_{t−1}ᵀ δa_t,   ∂L/∂b = Σ_t Σᵢ δa_t,   ∂L/∂h_0 = δa_1 W_hᵀ
    """)
let h1 = tanh(0.5), h2 = tanh(1 - tanh(0.5))
let da2 = 1 - h2 * h2, da1 = da2 * -1 * (1 - h1 * h1)
_ = byHandLayer.backward([[0, 1]])
chapter.say("For L = h_2 in the example: δa_2 = 1 − h_2², δa_1 = δa_2 · W_h · (1 − h_1²).")
chapter.check(
    "∂L/∂W_x = x_1 δa_1 + x_2 δa_2", computed: byHandLayer.parameterGradients[0][0, 0], byHand: 1 * da1 + 2 * da2)
chapter.check("∂L/∂W_h = h_0 δa_1 + h_1 δa_2", computed: byHandLayer.parameterGradients[1][0, 0], byHand: h1 * da2)
chapter.check("∂L/∂h_0 = δa_1 W_h", computed: byHandLayer.initialStateGradient[0, 0], byHand: -da1)
let worstErrors = gradientCheckSection(&chapter)

// MARK: 13.3 - 13.5 Vanishing and exploding gradients, clipping, the LSTM's cell path

vanishingSection(&chapter)
clippingSection(&chapter)
survivalSection(&chapter)

// MARK: 13.6 A task that needs memory

memorySection(&chapter, quick: quick)

// MARK: 13.7 A character-level language model

languageModelSection(&chapter, quick: quick)

// MARK: Where the book is wrong

bookSection(&chapter, worstErrors: worstErrors)
chapter.finish()
