// 5.12 Where the book is wrong: a neuron has many inputs, ReLU's gradient dies too, and σ reaches 0 and 1 in Double.
import DLMath
import DLPresentation
import Foundation

func bookCorrections(_ chapter: inout Chapter) {
    chapter.section("Where the book is wrong")
    chapter.say(
        "The book's code is quoted exactly. The claims in quotation marks that are not code are the readings of deep-learning texts like the book that these slips come from, stated here to be checked, not quotations of the book's text."
    )
    chapter.say(
        "1. \"Each neuron has one input and one output.\" A neuron of a dense layer reads every output of the layer below: it forms one weighted sum z = Σᵢ wᵢ xᵢ + b of all its n inputs, and only then applies the activation, which is the part with one input (z) and one output (φ(z)). Its one output then goes to every neuron of the next layer. A neuron of the book's second layer has 2 inputs; one with w = [0.5, −1], b = 0.1 on x = [2, 1]:"
    )
    let x: Matrix = [[2, 1]]
    let neuron = Dense(weights: [[0.5], [-1]], bias: [[0.1]])
    let z = x * neuron.weights + neuron.bias
    chapter.check(
        "z = w · x + b, two inputs", computed: z[0, 0], byHand: 0.1, derivation: "0.5·2 − 1·1 + 0.1", tolerance: .tight)
    chapter.check(
        "relu(z), the one output", computed: Activation.relu.value(z[0, 0]), byHand: 0.1, derivation: "max(0.1, 0)",
        tolerance: .tight)

    chapter.say(
        "2. \"ReLU solves the vanishing gradient problem.\" ReLU's slope is 1 where z > 0, but it is exactly 0 where z < 0, not small but zero. A unit whose pre-activation is negative on every training example passes back no gradient at all, its weights never change, and it stays dead: the dying-ReLU problem, which kills whole layers of the book's network in chapter 11. A unit with w = [0.5, 0.3] and b = −3 on inputs in [0, 1)² (the book's inputs) has z ≤ 0.5 + 0.3 − 3 = −2.2 everywhere:"
    )
    var generator = SeededGenerator(seed: 5)
    let inputs = generator.uniformMatrix(rows: 100, columns: 2)
    let preActivations = inputs * Matrix(column: [0.5, 0.3]) + (-3)
    let slopes = preActivations.elements.map(Activation.relu.derivative)
    chapter.check(
        "the largest z over 100 inputs is below −2.2", holds: (preActivations.elements.max() ?? 0) < -2.2,
        detail: "max z = \(formatFixed(preActivations.elements.max() ?? .nan, decimals: 4))")
    chapter.check(
        "Σ relu′(z) over the 100 inputs: no gradient reaches w or b", computed: slopes.reduce(0, +), byHand: 0,
        derivation: "100 terms, each relu′ of a negative z, each 0")
    chapter.say("Leaky ReLU, ELU and GELU keep a non-zero slope below 0 (0.01, αeᶻ, Φ(z) + zφ(z)) for this reason.")

    chapter.say(
        "3. \"The sigmoid maps every input into (0, 1), so it never outputs exactly 0 or 1.\" True of real numbers, false in Double: σ(x) rounds to exactly 1 from x ≈ 36.7 on (1 − σ(x) ≈ e^−x is below half an ulp of 1, 1.1e-16), and to exactly 0 below x ≈ −745 (e^x underflows). A loss that takes log(1 − σ(z)) then meets log 0 = −∞: chapter 6 computes the loss from the logit z instead."
    )
    chapter.check(
        "σ(37) is exactly 1 in Double", holds: logistic(37) == 1 && logistic(36) < 1,
        detail: "σ(36) = 1 − \(formatScientific(1 - logistic(36))), σ(37) = \(formatCompact(logistic(37)))")
    chapter.check(
        "σ(−750) is exactly 0", holds: logistic(-750) == 0 && logistic(-700) > 0,
        detail: "σ(−700) = \(formatScientific(logistic(-700))), σ(−750) = \(formatCompact(logistic(-750)))")
}
