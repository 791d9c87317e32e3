// Chapter 1 · Linear algebra. Run: swift run ch01
//
// The story, section by section (each in its own file):
//   Vectors.swift        vectors, the dot product, norms
//   Matrices.swift       matrices, products, transpose, identity
//   Solving.swift        determinant, inverse, solving A x = b, rank
//   LinearMaps.swift     a linear map moving the unit circle, eigenvalues of symmetric matrices
//   SingularValues.swift the SVD of a non-symmetric map, induced norms, Eckart–Young, conditioning
//   PrincipalComponentsOfDigits.swift  PCA of the handwritten digits
//   Broadcasting.swift   x W + b, as a layer computes it
//   BookCorrections.swift where the book is wrong (its data line broadcasts to 100 x 100; weights per connection)
//   UnitCircleFigure.swift  the figures (unit-circle, svd-ellipse, digits-pca, explained-variance)
import DLMath
import DLPresentation

var chapter = Chapter(number: 1, title: "Linear algebra")

vectorsAndDotProduct(&chapter)
norms(&chapter)
matricesAndProducts(&chapter)
transposeAndIdentity(&chapter)
determinant(&chapter)
inverse(&chapter)
solvingLinearSystems(&chapter)
rank(&chapter)
linearMapOfTheUnitCircle(&chapter)
symmetricEigenvalues(&chapter)
broadcastingInALayer(&chapter)
singularValueGeometry(&chapter)
inducedNorms(&chapter)
lowRankApproximation(&chapter)
principalComponentsOfDigits(&chapter)
conditioning(&chapter)
bookCorrections(&chapter)

chapter.finish()
