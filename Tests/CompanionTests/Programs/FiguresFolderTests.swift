import Foundation
import Testing

/// A figures folder that cannot be written stops a chapter before it prints
/// anything: one line on standard error saying what to do, status 2, and
/// nothing written.
@Suite("Unwritable figures folders")
struct FiguresFolderTests {
    /// `/proc` refuses new files even to root (tests may run as root, for
    /// whom a read-only folder is writable); it exists on Linux only.
    static let hasProc = FileManager.default.fileExists(atPath: "/proc/self")

    /// Runs `ch01` with `arguments` in `directory` and checks the refusal.
    func expectRefusal(
        _ arguments: [String], in directory: URL? = nil, mentioning text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let run = try runProgram("ch01", arguments, in: directory)
        #expect(run.status == 2, "status \(run.status)", sourceLocation: sourceLocation)
        #expect(run.output.isEmpty, "printed before refusing: \(run.output.prefix(80))", sourceLocation: sourceLocation)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(run.errors)", sourceLocation: sourceLocation)
        #expect(
            run.errors.hasPrefix("ch01: cannot write figures: ") && run.errors.contains(text)
                && run.errors.contains("--figures DIR") && run.errors.contains("--no-figures"),
            "\(run.errors)", sourceLocation: sourceLocation)
    }

    @Test("--figures naming a regular file")
    func regularFile() throws {
        let folder = try temporaryFolder("figures-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        try Data("the reader's notes\n".utf8).write(to: file)
        try expectRefusal(["--figures", file.path], mentioning: "is a file, not a folder")
        #expect(try String(contentsOf: file, encoding: .utf8) == "the reader's notes\n", "the file was changed")
    }

    @Test("--figures under /proc, which nobody can write (not even root)", .enabled(if: hasProc))
    func procPath() throws {
        try expectRefusal(["--figures", "/proc/companion-figures"], mentioning: "cannot create the folder")
    }

    @Test("the default figures/ch01 in a working directory that cannot be written", .enabled(if: hasProc))
    func unwritableWorkingDirectory() throws {
        try expectRefusal([], in: URL(fileURLWithPath: "/proc"), mentioning: "figures/ch01")
    }

    @Test("--no-figures runs in the same unwritable working directory", .enabled(if: hasProc))
    func noFiguresStillRuns() throws {
        let run = try runProgram("ch01", ["--no-figures"], in: URL(fileURLWithPath: "/proc"))
        #expect(run.status == 0, "\(run.errors)")
    }
}
