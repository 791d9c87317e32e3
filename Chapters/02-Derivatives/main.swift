// Chapter 2 · Derivatives. Run: swift run ch02
//
// The story, section by section (each group in its own file):
//   Definition.swift        the derivative as a limit; forward vs central differences
//   SeveralVariables.swift  partial derivatives, gradient, Jacobian, Hessian
//   CriticalPoints.swift    minimum, maximum, saddle by the Hessian at a critical point; analytic Hessians
//   ChainRule.swift         the chain rule, for one variable and for Jacobians
//   MatrixGradients.swift   the gradient of xᵀAx and of a layer σ(xW + b)
//   BookCorrections.swift   where the book is wrong (the gradient's direction, critical points, the layer's chain rule)
//   ErrorCurveFigure.swift  the figure of 2.2 (figures/ch02/difference-error.svg)
import DLMath
import DLPresentation

var chapter = Chapter(number: 2, title: "Derivatives")

derivativeDefinition(&chapter)
forwardVersusCentral(&chapter)
partialDerivatives(&chapter)
gradient(&chapter)
jacobian(&chapter)
hessian(&chapter)
criticalPoints(&chapter)
chainRule(&chapter)
quadraticFormGradient(&chapter)
layerGradient(&chapter)
bookCorrections(&chapter)

chapter.finish()
