// Reference solutions for chapter 4 (information theory). Try the workbook first.
import DLMath
import ExerciseKit
import Foundation

public enum Chapter04: Chapter04Exercises {
    /// 4.1  −Σ pᵢ log₂ pᵢ over the pᵢ > 0.
    public static func entropyInBits(_ p: [Double]) throws -> Double {
        var sum = 0.0
        for pi in p where pi > 0 { sum -= pi * log2(pi) }
        return sum
    }

    /// 4.2  Σ pᵢ ln(pᵢ / qᵢ) over the pᵢ > 0; +∞ if such a qᵢ is 0.
    public static func klDivergence(_ p: [Double], _ q: [Double]) throws -> Double {
        var sum = 0.0
        for i in p.indices where p[i] > 0 {
            if q[i] == 0 { return .infinity }
            sum += p[i] * log(p[i] / q[i])
        }
        return sum
    }

    /// 4.3  Σ p(x, y) log₂(p(x, y) / (p(x) p(y))) over the cells with p(x, y) > 0.
    public static func mutualInformationInBits(_ joint: [[Double]]) throws -> Double {
        let px = joint.map { $0.reduce(0, +) }
        var py = [Double](repeating: 0, count: joint.first?.count ?? 0)
        for row in joint { for (y, value) in row.enumerated() { py[y] += value } }
        var sum = 0.0
        for x in joint.indices {
            for y in joint[x].indices where joint[x][y] > 0 {
                sum += joint[x][y] * log2(joint[x][y] / (px[x] * py[y]))
            }
        }
        return sum
    }

    /// 4.4  −Σ pᵢ log₂ qᵢ over pᵢ > 0.
    public static func crossEntropyInBits(_ p: [Double], _ q: [Double]) throws -> Double {
        zip(p, q).reduce(0) { $1.0 > 0 ? $0 - $1.0 * log2($1.1) : $0 }
    }

    /// 4.5  1 − H(ε), the binary entropy with 0 log 0 = 0.
    public static func binarySymmetricChannelInformation(flipProbability epsilon: Double) throws -> Double {
        let terms = [epsilon, 1 - epsilon].filter { $0 > 0 }
        return 1 + terms.reduce(0) { $0 + $1 * log2($1) }
    }

    /// 4.6  The closed form.
    public static func gaussianKL(mean1: Double, standardDeviation1: Double, mean2: Double, standardDeviation2: Double)
        throws -> Double
    {
        let variance1 = standardDeviation1 * standardDeviation1, variance2 = standardDeviation2 * standardDeviation2
        return log(standardDeviation2 / standardDeviation1) + (variance1 + (mean1 - mean2) * (mean1 - mean2))
            / (2 * variance2) - 0.5
    }
}
