import DLMath
import DLPresentation
import FormulaCatalog

/// One formula in full, for `swift run formulas 2.4`: the statement, how the
/// independent value is found, both values entry by entry, the largest
/// difference, the tolerance and the result, every line within `width`.
///
///     2.4  ∇(x²y + sin xy) = [2xy + y cos xy, x² + x cos xy]  (at (1, 2))
///     method       numerical gradient, central differences
///     analytic     [3.16771, 0.583853]
///     ...
struct FormulaReport {
    let result: Verification
    let width: Int

    init(_ result: Verification, width: Int) {
        self.result = result
        self.width = width
    }

    var lines: [String] {
        let formula = result.formula
        var lines = wrappedField("\(formula.id)  ", formula.statement)
        lines.append("")
        lines += wrappedField("method       ", formula.method)
        lines += valueLines("analytic     ", result.analytic)
        lines += valueLines("independent  ", result.independent)
        lines += wrappedField(
            "error        ", "max |analytic − independent| = " + formatScientific(result.error, significantDigits: 3))
        lines += wrappedField("tolerance    ", "\(formula.tolerance)")
        lines += wrappedField("result       ", result.passed ? "✓ pass" : "✗ FAIL")
        return lines
    }

    /// `label text`, the text broken at its gaps or spaces, under itself, when too wide.
    private func wrappedField(_ label: String, _ text: String) -> [String] {
        TerminalWidth.fit(label + text, width: width, continuation: label.count)
    }

    /// Every value with all its digits, several to a line.
    private func valueLines(_ label: String, _ values: [Double]) -> [String] {
        let texts = values.map { formatCompact($0, significantDigits: 17) }
        return wrappedField(label, "[" + texts.joined(separator: ", ") + "]")
    }

    /// One number as itself, a few numbers as a list, many as their count (the table's cell).
    static func valueText(_ values: [Double]) -> String {
        if values.count == 1 { return formatCompact(values[0], significantDigits: 10) }
        if values.count <= 4 { return arrayText(values, significantDigits: 6) }
        return "\(values.count) values, first \(formatCompact(values[0]))"
    }
}
