import DLMath
import Foundation

extension FormulaCatalog {
    /// Chapter 1: linear algebra.
    static var chapter01: [Formula] {
        [
            Formula("1.1", "x · y = Σᵢ xᵢ yᵢ = ‖x‖ ‖y‖ cos θ  (x = [3, 4], y = [4, 3])",
                    method: "cos θ from the angles atan2(4,3), atan2(3,4)", scalar: {
                let x: [Double] = [3, 4], y: [Double] = [4, 3]
                let theta = atan2(4.0, 3.0) - atan2(3.0, 4.0)
                return (x.dot(y), 5 * 5 * cos(theta))
            }),
        ]
    }
}
