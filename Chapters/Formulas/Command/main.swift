// `swift run formulas [CHAPTER ... | ID]`: checks every formula of the book
// numerically and prints a table that fits the terminal; one id (`2.4`)
// prints that formula in full. Exits 1 when any check fails, 2 on bad arguments.
import DLMath
import DLPresentation
import FormulaCatalog
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let known = FormulaCatalog.chapters
let accepted =
    "chapter numbers \(known.map(String.init).joined(separator: ", ")), one formula id such as 2.4, "
    + "or nothing for all; --help"
let width = TerminalWidth.columns

if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: swift run formulas [CHAPTER ... | ID]")
    print("Checks each formula of the book against an independent computation; ID (e.g. 2.4) shows one in full.")
    exit(0)
}

if arguments.count == 1, arguments[0].contains(".") {
    guard let formula = FormulaCatalog.all.first(where: { $0.id == arguments[0] }) else {
        exitWithUsageError("formulas", "there is no formula \(arguments[0]); accepted: \(accepted)")
    }
    let result = formula.verify()
    for line in FormulaReport(result, width: width).lines { print(line) }
    exit(result.passed ? 0 : 1)
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
var table = TextTable(
    ["id", "formula", "analytic", "independent", "method", "error", "result"],
    alignments: [.left, .left, .right, .right, .left, .right, .left],
    maximumWidths: [nil, 46, 26, 26, 24, nil, nil])
var failures: [String] = []
for formula in formulas {
    let result = formula.verify()
    table.append([
        formula.id, formula.statement, FormulaReport.valueText(result.analytic),
        FormulaReport.valueText(result.independent), formula.method,
        formatScientific(result.error, significantDigits: 2), result.passed ? "✓ pass" : "✗ FAIL"
    ])
    if !result.passed { failures.append(formula.id) }
}
print(table.rendered(width: width))
print("")
if failures.isEmpty {
    print(
        "formulas: \(formulas.count) of \(formulas.count) agree ✓   (one in full: swift run formulas \(formulas.first?.id ?? "1.1"))"
    )
} else {
    print("formulas: \(failures.count) of \(formulas.count) FAIL: \(failures.joined(separator: ", "))")
    exit(1)
}
