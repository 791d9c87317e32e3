import DLMath
import Foundation
import Testing

@Suite("Joint entropy, conditional entropy, mutual information")
struct JointDistributionTests {
    // X = row, Y = column:
    //          y=0   y=1
    //   x=0   1/4   1/4     p(x) = [½, ½], p(y) = [¾, ¼]
    //   x=1   1/2    0
    static let table: Matrix = [[0.25, 0.25], [0.5, 0]]

    @Test("the worked table by hand, in bits")
    func byHand() throws {
        let marginals = try marginalDistributions(Self.table)
        expectClose(marginals.x, [0.5, 0.5])
        expectClose(marginals.y, [0.75, 0.25])
        // H(X, Y) = ¼ · 2 + ¼ · 2 + ½ · 1 (+ 0 log 0) = 1.5 bits.
        expectClose(try jointEntropy(Self.table, in: .bits), 1.5)
        // H(Y | X) = ½ H(½, ½) + ½ H(1, 0) = ½ · 1 + ½ · 0 = 0.5 bits.
        expectClose(try conditionalEntropy(Self.table, in: .bits), 0.5)
        // I(X; Y) = ¼ log₂(¼/(½·¾)) + ¼ log₂(¼/(½·¼)) + ½ log₂(½/(½·¾))
        //         = ¼ (1 − log₂ 3) + ¼ + ½ (2 − log₂ 3) = 1.5 − ¾ log₂ 3.
        expectClose(try mutualInformation(Self.table, in: .bits), 1.5 - 0.75 * log2(3.0))
        // H(X | Y): p(x | y=0) = [⅓, ⅔], p(x | y=1) = [1, 0]: ¾ H(⅓, ⅔).
        expectClose(
            try conditionalEntropy(Self.table.transposed, in: .bits),
            0.75 * (log2(3.0) - 2.0 / 3))
    }

    @Test("H(X, Y) = H(X) + H(Y | X), I = H(X) + H(Y) − H(X, Y) = KL(p(x,y) ‖ p(x)p(y)) on random tables")
    func identities() throws {
        var rng = SeededGenerator(seed: 41)
        for trial in 0..<100 {
            let rows = 1 + trial % 4, columns = 1 + (trial / 4) % 5
            let flat = randomDistribution(rows * columns, using: &rng, zeros: trial % 3)
            let joint = Matrix(rows: rows, columns: columns, elements: flat)
            let (px, py) = try marginalDistributions(joint)
            let hxy = try jointEntropy(joint)
            expectClose(hxy, try entropy(px) + conditionalEntropy(joint), absolute: 1e-13, relative: 1e-13)
            expectClose(hxy, try entropy(py) + conditionalEntropy(joint.transposed), absolute: 1e-13, relative: 1e-13)
            let mi = try mutualInformation(joint)
            #expect(mi >= -1e-15, "I(X; Y) = \(mi) < 0")
            expectClose(mi, try entropy(px) + entropy(py) - hxy, absolute: 1e-13, relative: 1e-12)
            expectClose(mi, try mutualInformation(joint.transposed), absolute: 1e-15, relative: 1e-13)
            let product = Matrix(column: px) * Matrix(row: py)
            expectClose(mi, try klDivergence(flat, product.elements), absolute: 1e-13, relative: 1e-12)
            #expect(try conditionalEntropy(joint) <= entropy(py) + 1e-13)
        }
    }

    @Test("an independent table has I(X; Y) = 0 and H(Y | X) = H(Y)")
    func independent() throws {
        // p(x, y) = p(x) p(y) with p(x) = [0.3, 0.7], p(y) = [0.2, 0.5, 0.3].
        let joint = Matrix(column: [0.3, 0.7]) * Matrix(row: [0.2, 0.5, 0.3])
        expectClose(try mutualInformation(joint), 0, absolute: 1e-15, relative: 0)
        expectClose(try conditionalEntropy(joint), try entropy([0.2, 0.5, 0.3]), absolute: 1e-15, relative: 1e-14)
        // Y a copy of X: I(X; Y) = H(X) = 1 bit.
        expectClose(try mutualInformation([[0.5, 0], [0, 0.5]], in: .bits), 1)
    }

    @Test("tables that are not distributions are rejected, naming the entry")
    func rejected() {
        #expect(throws: ProbabilityError("mutualInformation", "joint table entry [1, 0] = -0.1 is negative")) {
            try mutualInformation([[0.5, 0.3], [-0.1, 0.3]])
        }
        #expect(throws: ProbabilityError("jointEntropy", "joint table sums to 0.9, not 1")) {
            try jointEntropy([[0.5, 0.2], [0.1, 0.1]])
        }
        #expect(throws: ProbabilityError("conditionalEntropy", "joint table is empty (0x0)")) {
            try conditionalEntropy(Matrix(rows: 0, columns: 0))
        }
        #expect(throws: ProbabilityError("marginalDistributions", "joint table entry [0, 1] = inf is not finite")) {
            try marginalDistributions([[0.5, .infinity]])
        }
    }
}
