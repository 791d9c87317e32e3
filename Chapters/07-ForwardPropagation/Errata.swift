// Chapter 7, last section: where the book is wrong about neurons and layers.
import DLMath
import DLPresentation
import Foundation

func whereTheBookIsWrong(_ chapter: inout Chapter, classifier: Sequential) {
    chapter.section("Where the book is wrong")
    let first = classifier.layers[0] as! Dense
    let second = classifier.layers[2] as! Dense
    chapter.say(
        "1. \"Each node has a weight.\" Each neuron has one weight per input, plus a bias: a neuron of "
            + "Dense(784 → 128) (7.5) has 784 weights, the layer \(first.weights.count) weights and \(first.bias.count) biases. "
            + "One weight belongs to a connection, not to a node.")
    chapter.check(
        "weights of one neuron of Dense(784 → 128): a column of W", computed: Double(first.weights.rows), byHand: 784,
        derivation: "one per input")
    chapter.say(
        "2. \"Each neuron has one input and one output.\" A neuron has as many inputs as the layer before it has "
            + "outputs (784 for the first layer, 128 for the second) and one output, which is passed to every neuron of the next "
            + "layer: each of the first layer's 128 outputs feeds all 64 neurons of Dense(128 → 64).")
    chapter.check(
        "inputs of a neuron of Dense(128 → 64), and how many neurons each input feeds",
        computed: [Double(second.weights.rows), Double(second.weights.columns)], byHand: [128, 64],
        derivation: "the rows (one per input) and columns (one per neuron) of W₂")
    chapter.say(
        "3. Stacking layers without an activation adds no power: they collapse to one affine map (7.4), "
            + "which cannot even compute XOR. The non-linearity is what the depth is for.")
}
