import Foundation
import Testing

/// Every line the programs print fits the width they are given (`COLUMNS`),
/// and each chapter's web page is written beside its figures. (The chapters
/// at 80 columns and `exercises` are measured in `CommandLineTests`.)
@Suite("Output width and the chapters' pages")
struct OutputWidthTests {
    @Test(
        "at COLUMNS=100 every line of a chapter fits, and its page parses and shows its figures",
        arguments: CommandLineTests.chapterPrograms)
    func chapterAt100Columns(_ program: String) throws {
        let workingDirectory = try temporaryFolder("\(program)-width")
        defer { try? FileManager.default.removeItem(at: workingDirectory) }
        // A relative folder, so that the printed figure paths are short.
        let run = try runProgram(
            program, ["--figures", "figures"] + (CommandLineTests.chapterArguments[program] ?? []),
            in: workingDirectory, environment: ["COLUMNS": "100"])
        #expect(run.status == 0, "\(program) exited \(run.status): \(run.errors)")
        let widest = widestLine(of: run.output)
        #expect(widest.width <= 100, "\(program) printed \(widest.width) columns: \(widest.line)")
        let folder = workingDirectory.appendingPathComponent("figures")
        let figures = files(under: folder).filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }
        try expectChapterPage(in: folder, of: program, figures: figures)
        // Paths inside the working directory are printed relative to it.
        #expect(run.output.contains("    page    figures/index.html"), "\(program) did not print the page's path")
        #expect(run.output.contains("    figure  figures/"), "\(program) did not print its figures' paths")
    }

    @Test("formulas fits 80 and 100 columns, with its whole table; one id shows that formula in full")
    func formulasWidth() throws {
        for columns in [80, 100] {
            let run = try runProgram("formulas", environment: ["COLUMNS": "\(columns)"])
            #expect(run.status == 0)
            let widest = widestLine(of: run.output)
            #expect(widest.width <= columns, "formulas printed \(widest.width) columns at \(columns): \(widest.line)")
            #expect(run.output.contains("2.4") && run.output.contains("13."), "the table lost rows")
        }
        let one = try runProgram("formulas", ["2.4"], environment: ["COLUMNS": "80"])
        #expect(one.status == 0, "\(one.errors)")
        #expect(widestLine(of: one.output).width <= 80, "\(widestLine(of: one.output).line)")
        // ∇(x²y + sin xy) at (1, 2) = [2xy + y cos xy, x² + x cos xy] = [4 + 2 cos 2, 1 + cos 2]
        //   = [4 − 0.832293673, 1 − 0.416146837] = [3.167706327, 0.583853163]; all 17 digits are printed.
        for expected in [
            "2.4  ∇(x²y + sin xy)", "method", "numerical gradient, central differences",
            "analytic", "[3.1677063269057", "0.58385316345285", "independent", "tolerance", "✓ pass"
        ] {
            #expect(one.output.contains(expected), "formulas 2.4 lacks '\(expected)': \(one.output)")
        }
        let unknown = try runProgram("formulas", ["2.99"])
        #expect(unknown.status == 2 && unknown.errors.contains("2.99") && unknown.output.isEmpty)
    }
}
