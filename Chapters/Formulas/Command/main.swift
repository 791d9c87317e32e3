// `swift run formulas [CHAPTER ...]`: checks every formula of the book
// numerically and prints a table. Exits 1 when any check fails, 2 on bad arguments.
import DLMath
import Foundation
import DLPresentation
import FormulaCatalog

let arguments = Array(CommandLine.arguments.dropFirst())
let known = FormulaCatalog.chapters
let accepted = "chapter numbers \(known.map(String.init).joined(separator: ", ")), or nothing for all; --help"

if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: swift run formulas [CHAPTER ...]")
    print("Checks each formula of the book against an independent computation.")
    exit(0)
}
var selected: Set<Int> = []
for argument in arguments {
    guard let chapter = Int(argument.hasPrefix("ch") ? String(argument.dropFirst(2)) : argument) else {
        exitWithUsageError("formulas", "'\(argument)' is not a chapter; accepted: \(accepted)")
    }
    guard known.contains(chapter) else {
        exitWithUsageError("formulas", "there is no chapter \(argument); accepted: \(accepted)")
    }
    selected.insert(chapter)
}

let formulas = FormulaCatalog.all.filter { selected.isEmpty || selected.contains($0.chapter) }
var table = TextTable(["id", "formula", "analytic", "independent", "method", "error", "result"],
                      alignments: [.left, .left, .right, .right, .left, .right, .left],
                      maximumWidths: [nil, 46, 26, 26, 24, nil, nil])
var failures: [String] = []
for formula in formulas {
    let result = formula.verify()
    table.append([formula.id, formula.statement, valueText(result.analytic), valueText(result.independent),
                  formula.method, formatScientific(result.error, significantDigits: 2),
                  result.passed ? "✓ pass" : "✗ FAIL"])
    if !result.passed { failures.append(formula.id) }
}
print(table.rendered)
print("")
if failures.isEmpty {
    print("formulas: \(formulas.count) of \(formulas.count) agree ✓")
} else {
    print("formulas: \(failures.count) of \(formulas.count) FAIL: \(failures.joined(separator: ", "))")
    exit(1)
}

/// One number as itself, a few numbers as a list, many as their count.
func valueText(_ values: [Double]) -> String {
    if values.count == 1 { return formatCompact(values[0], significantDigits: 10) }
    if values.count <= 4 { return arrayText(values, significantDigits: 6) }
    return "\(values.count) values, first \(formatCompact(values[0]))"
}
