import Foundation
import Testing

/// Each chapter's printed output, pinned in the repository.
///
/// `Tests/CompanionTests/Programs/PinnedOutput/chNN.txt` holds what `chNN`
/// prints in the test suite's run (debug build, `--no-figures`, `--quick`
/// where the chapter has it, `COLUMNS=80`), with the timings replaced by `…`.
/// A change of any printed number is then a change of that file, visible and
/// reviewed in the diff. After an intended change, rewrite the files with
///
///     PIN_CHAPTER_OUTPUT=1 swift test --filter CommandLineTests
///
/// and read the diff before committing it.
enum PinnedOutput {
    static let folder = packageRoot.appendingPathComponent("Tests/CompanionTests/Programs/PinnedOutput")

    /// Whether this run rewrites the pinned files instead of comparing.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["PIN_CHAPTER_OUTPUT"] == "1" }

    /// The output with what depends on the machine's speed replaced by `…`:
    /// durations (`0.11 s`, `350 ms`, `4.2 µs`, `12 ns`), rates (`GFLOP/s`,
    /// `samples/s`, `steps/s`) and measured speed-ups (`3.1x faster`); a number
    /// and its unit may be joined by a no-break space, which keeps a table
    /// cell whole when the table is narrowed. Runs of spaces become two, and
    /// runs of the rule character ─ one (a timing also widens its column's rule).
    static func normalised(_ output: String) -> String {
        var text = output
        let patterns = [
            #"[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?[ \u00A0]?(s|ms|µs|ns)\b"#,
            #"[0-9][0-9.,]*[kM]?[ \u00A0]?(GFLOP/s|MFLOP/s|samples/s|steps/s|sequences/s|images/s|tokens/s)"#,
            #"[0-9]+(\.[0-9]+)?[ \u00A0]?x (faster|slower)"#
        ]
        for pattern in patterns {
            text = text.replacingOccurrences(of: pattern, with: "…", options: .regularExpression)
        }
        // A timing's width moves the columns of its table: runs of spaces count
        // as one gap, and a rule under a column (─────) as one rule.
        text = text.replacingOccurrences(of: "─{2,}", with: "─", options: .regularExpression)
        return text.replacingOccurrences(of: " {2,}", with: "  ", options: .regularExpression)
    }

    /// Checks `output` of `program` against its pinned file (or rewrites the
    /// file when `PIN_CHAPTER_OUTPUT=1`), naming the first line that differs.
    static func expectMatches(_ program: String, _ output: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = folder.appendingPathComponent("\(program).txt")
        let current = normalised(output)
        if isUpdating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(current.utf8).write(to: url, options: .atomic)
            return
        }
        guard let pinned = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no pinned output for \(program) at \(url.path); write it with PIN_CHAPTER_OUTPUT=1 swift test --filter CommandLineTests",
                sourceLocation: sourceLocation)
            return
        }
        // The file is compared normalised too, so that it need not be rewritten when a rule is added here.
        let expected = normalised(pinned)
        guard expected != current else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = current.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let was = line < old.count ? String(old[line]) : "(end of output)"
        let now = line < new.count ? String(new[line]) : "(end of output)"
        Issue.record(
            """
            \(program)'s output differs from Tests/CompanionTests/Programs/PinnedOutput/\(program).txt at line \(line + 1):
              pinned: \(was)
              now:    \(now)
            If the change is intended: PIN_CHAPTER_OUTPUT=1 swift test --filter CommandLineTests, then review the diff.
            """, sourceLocation: sourceLocation)
    }
}
