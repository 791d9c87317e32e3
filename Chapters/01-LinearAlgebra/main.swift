// Chapter 1 · Linear algebra. Run: swift run ch01
import DLMath
import DLPresentation

var chapter = Chapter(number: 1, title: "Linear algebra")

chapter.section("Vectors and the dot product")
chapter.formula("x · y = Σᵢ xᵢ yᵢ")
let x: [Double] = [1, 2, 3]
let y: [Double] = [4, -5, 6]
chapter.show("x", x)
chapter.show("y", y)
chapter.check("x · y", computed: x.dot(y), byHand: 12, derivation: "1·4 + 2·(−5) + 3·6 = 4 − 10 + 18")

chapter.finish()
