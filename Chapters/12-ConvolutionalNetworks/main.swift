// Chapter 12 · Convolutional networks. Run: swift run -c release ch12
// `--quick` (for the test suite, which runs the debug build): a smaller layer
// for the speed comparison, fewer epochs and one training seed on the digits,
// with the accuracy bar lowered to match; the release run without it is the
// chapter as told. The sections live in one file each, called here in order.
import DLMath
import DLPresentation
import Foundation

var chapter = Chapter(
    number: 12, title: "Convolutional networks",
    flags: [("--quick", "a smaller speed test and shorter training, for the test suite's debug build")])
let quick = chapter.isGiven("--quick")

slidingDotProductSection(&chapter)
im2colSection(&chapter, quick: quick)
backwardSection(&chapter)
poolingSection(&chapter)
batchNormSection(&chapter)
digitsSection(&chapter, quick: quick)
bookSection(&chapter)

chapter.finish()
