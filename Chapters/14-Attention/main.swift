// Chapter 14 · Attention and the transformer block. Run: swift run ch14
// `--quick` (for the test suite, which runs the debug build): fewer samples in
// the √d_k simulation, a few training steps on one seed of the reversal task
// and short sequences in the cost table; every other number is the same.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(
    number: 14, title: "Attention and the transformer block",
    flags: [("--quick", "fewer samples and training steps, for the test suite's debug build")])
let quick = chapter.isGiven("--quick")

// MARK: 14.1 - 14.2 The look-up and its scaling

lookupSection(&chapter)
scalingSection(&chapter, quick: quick)

// MARK: 14.3 Backward

let worstErrors = backwardSection(&chapter)

// MARK: 14.4 - 14.5 Masks, order and positions

maskingSection(&chapter)

// MARK: 14.6 - 14.7 Layer norm, residuals

layerNormSection(&chapter)
residualSection(&chapter)

// MARK: 14.8 A tiny transformer

let reversal = reversalSection(&chapter, quick: quick)

// MARK: 14.9 Cost

costSection(&chapter, quick: quick)

// MARK: Where the book is wrong

bookSection(&chapter, worstErrors: worstErrors, reversal: reversal)
chapter.finish()
