import FormulaCatalog
import Testing

/// The test suite checks every formula of the book the way `swift run formulas`
/// does: each formula's analytic value against its independent computation,
/// within the formula's stated tolerance, one test case per formula.
@Suite("Formula catalog")
struct FormulaCatalogTests {
    static let ids = FormulaCatalog.all.map(\.id)

    @Test("the formula agrees with its independent computation", arguments: ids)
    func formulaAgrees(_ id: String) throws {
        let formula = try #require(FormulaCatalog.all.first { $0.id == id })
        let result = formula.verify()
        #expect(!result.analytic.isEmpty, "\(id) computes nothing")
        #expect(
            result.analytic.count == result.independent.count,
            "\(id): \(result.analytic.count) analytic values, \(result.independent.count) independent ones")
        #expect(
            result.passed,
            "\(id) \(formula.statement): analytic \(result.analytic), independent \(result.independent), error \(result.error), tolerance \(formula.tolerance)"
        )
    }

    @Test("ids are unique, numbered k = 1, 2, … within each chapter, and chapters 1–4 have at least 25")
    func catalogShape() {
        #expect(Set(Self.ids).count == Self.ids.count, "duplicate formula ids")
        for chapter in FormulaCatalog.chapters {
            let numbers = FormulaCatalog.all.filter { $0.chapter == chapter }.compactMap {
                Int($0.id.split(separator: ".").last ?? "")
            }
            #expect(numbers == Array(1...numbers.count), "chapter \(chapter) numbers its formulas \(numbers)")
        }
        #expect(FormulaCatalog.all.filter { (1...4).contains($0.chapter) }.count >= 25)
        #expect(FormulaCatalog.chapters == Array(1...14))
    }
}
