import DLMath
import DLPresentation
import Foundation

/// Bayes' rule on real data: one Gaussian per class for the petal length of
/// Fisher's iris (shipped with the package), and the posterior of the class.
func irisBayes(_ chapter: inout Chapter) {
    chapter.section("Bayes' rule on real data: Gaussian classes for Fisher's iris")
    let iris: Dataset
    do {
        iris = try Dataset.iris()
    } catch {
        exitWithError(chapter.program, "\(error)")
    }
    let petal = iris.featureNames.firstIndex(of: "petal length (cm)") ?? 2
    chapter.say(
        "Fisher's iris (1936), shipped with the package: \(iris.count) flowers of \(iris.classCount) species, \(iris.featureCount) measurements each. Model the petal length x of each species c as a Gaussian N(μ_c, σ_c²), estimated from its 50 flowers (the sample mean and the n − 1 standard deviation), give the species equal priors ⅓, and Bayes' rule turns three densities into a posterior:"
    )
    chapter.formula("p(c | x) = p(x | c) p(c) / Σ_k p(x | k) p(k),   p(x | c) = N(x; μ_c, σ_c²)")
    var classes: [Gaussian] = []
    var table = TextTable(["species", "flowers", "μ_c (cm)", "σ_c (cm)"], alignments: [.left, .right, .right, .right])
    for (c, name) in iris.classNames.enumerated() {
        let lengths = (0..<iris.count).filter { iris.labels[$0] == c }.map { iris.features[$0, petal] }
        let gaussian = Gaussian(
            mean: mean(lengths), standardDeviation: standardDeviation(lengths, correction: .unbiased))
        classes.append(gaussian)
        table.append([
            name, "\(lengths.count)", formatFixed(gaussian.mean, decimals: 3),
            formatFixed(gaussian.standardDeviation, decimals: 4)
        ])
    }
    chapter.table(table)
    // Fisher's table, as every statistics package prints it (R's `aggregate(Petal.Length ~ Species, iris, mean)`, `sd`).
    chapter.check(
        "the species' mean petal lengths", computed: classes.map(\.mean), byHand: [1.462, 4.260, 5.552],
        derivation: "Fisher's 1936 table: 73.1/50, 213/50, 277.6/50", tolerance: .tight)
    chapter.check(
        "their standard deviations (n − 1)", computed: classes.map(\.standardDeviation),
        byHand: [0.1736640, 0.4699110, 0.5518947], derivation: "the same table",
        tolerance: Tolerance(absolute: 1e-6, relative: 0))

    let x = 4.9
    let posterior: [Double] = {
        let likelihoods = classes.map { $0.pdf(x) }
        let total = likelihoods.reduce(0, +)
        return likelihoods.map { $0 / total }
    }()
    // By hand: N(x; μ, σ²) ∝ e^(−(x − μ)²/(2σ²))/σ (the 1/√(2π) and the equal priors cancel).
    func unnormalised(_ mu: Double, _ sigma: Double) -> Double {
        exp(-(x - mu) * (x - mu) / (2 * sigma * sigma)) / sigma
    }
    let handTerms = [unnormalised(1.462, 0.1736640), unnormalised(4.260, 0.4699110), unnormalised(5.552, 0.5518947)]
    let handTotal = handTerms[0] + handTerms[1] + handTerms[2]
    chapter.say(
        "A flower with petal length \(formatCompact(x)) cm lies between versicolor and virginica; setosa is 20 of its σ away:"
    )
    chapter.check(
        "p(species | x = 4.9 cm)", computed: posterior, byHand: handTerms.map { $0 / handTotal },
        derivation: "e^(−(x − μ)²/2σ²)/σ for each, divided by their sum",
        tolerance: Tolerance(absolute: 1e-5, relative: 1e-4))

    let predicted = (0..<iris.count).map { i in
        let densities = classes.map { $0.logPDF(iris.features[i, petal]) }
        return densities.indices.max { densities[$0] < densities[$1] } ?? 0
    }
    let correct = zip(predicted, iris.labels).filter { $0 == $1 }.count
    let confusedPairs = zip(predicted, iris.labels).filter { $0 != $1 && min($0, $1) >= 1 }.count
    chapter.say(
        "Classifying all \(iris.count) flowers by the largest posterior (petal length alone, fitted on the same flowers, so this is training accuracy): \(correct) of \(iris.count) right. Every mistake is between versicolor and virginica, whose densities overlap; setosa is never confused."
    )
    chapter.check(
        "every mistake is between versicolor and virginica", holds: confusedPairs == iris.count - correct,
        detail:
            "\(iris.count - correct) mistakes, \(confusedPairs) of them versicolor ↔ virginica (setosa's petals, at most 1.9 cm, never reach versicolor's, at least 3 cm)"
    )
}
