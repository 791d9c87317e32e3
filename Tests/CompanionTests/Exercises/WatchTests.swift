import ExerciseKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `watch` and its pieces: the compiler's message trimmed to the reader's
/// file, the change detection, and the loop itself on a copy of the workbook.
@Suite("Exercise checker: watch")
struct WatchTests {
    @Test("a failed build is trimmed to the errors in the workbook, with their excerpts, paths relative")
    func compilerMessageTrimming() {
        // The shape of `swift build` output: progress lines, a warning and an error in the
        // workbook (the error printed twice), a note elsewhere, and the summary line.
        let log = """
            Building for debugging...
            [3/12] Compiling Workbook Chapter01.swift
            /pkg/Exercises/Workbook/Chapter01.swift:20:13: warning: initialization of variable 'unused' was never used
            18 |     public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
            /pkg/Exercises/Workbook/Chapter01.swift:21:16: error: cannot find 'total' in scope
            20 |         var sum = 0.0
            21 |         return total
               |                `- error: cannot find 'total' in scope
            22 |     }
            /pkg/Exercises/Kit/Chapter01Checks.swift:5:10: note: protocol requires function 'dot'
            /pkg/Exercises/Workbook/Chapter01.swift:21:16: error: cannot find 'total' in scope
            21 |         return total
            error: fatalError
            """
        #expect(
            workbookErrors(in: log, packageRoot: "/pkg") == [
                "Exercises/Workbook/Chapter01.swift:21:16: error: cannot find 'total' in scope",
                "20 |         var sum = 0.0",
                "21 |         return total",
                "   |                `- error: cannot find 'total' in scope",
                "22 |     }"
            ])
        // A build broken elsewhere: its errors are shown rather than nothing.
        let elsewhere = "/pkg/Sources/DLMath/Matrix.swift:3:1: error: expected declaration\nerror: fatalError"
        #expect(
            workbookErrors(in: elsewhere, packageRoot: "/pkg/") == [
                "Sources/DLMath/Matrix.swift:3:1: error: expected declaration"
            ])
        #expect(workbookErrors(in: "Compiling\nBuild complete!", packageRoot: "/pkg").isEmpty)
    }

    @Test("a snapshot of the workbook sees a saved, an added and a removed file, and nothing when nothing changed")
    func changeDetection() throws {
        let folder = try temporaryFolder("snapshot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Chapter01.swift")
        try "let a = 1\n".write(to: file, atomically: false, encoding: .utf8)
        try "notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let first = FolderSnapshot(folder: folder)
        #expect(Array(first.files.keys) == ["Chapter01.swift"])
        #expect(FolderSnapshot(folder: folder).changedFiles(since: first).isEmpty)
        try "let a = 12\n".write(to: file, atomically: false, encoding: .utf8)
        let saved = FolderSnapshot(folder: folder)
        #expect(saved.changedFiles(since: first) == ["Chapter01.swift"])
        // The same size, a later time: still a change.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file.path)
        try "let a = 13\n".write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: file.path)
        #expect(FolderSnapshot(folder: folder).changedFiles(since: saved) == ["Chapter01.swift"])
        try "".write(to: folder.appendingPathComponent("Chapter02.swift"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: file)
        #expect(FolderSnapshot(folder: folder).changedFiles(since: saved) == ["Chapter01.swift", "Chapter02.swift"])
    }

    @Test("the hint count file reads back what it wrote and skips lines it does not understand")
    func readerProgressFile() {
        var progress = ReaderProgress(text: "hints 1.2 2\ngarbage\nhints 5.1 x\nhints 3.1 1\n")
        #expect(progress.hintsSeen == ["1.2": 2, "3.1": 1])
        #expect(progress.revealNextHint(of: "1.2", count: 3) == 3)
        #expect(progress.revealNextHint(of: "1.2", count: 3) == 3)
        #expect(progress.revealNextHint(of: "9.9", count: 2) == 1)
        progress.reveal(hint: 2, of: "3.1")
        #expect(progress.text == "hints 1.2 3\nhints 3.1 2\nhints 9.9 1\n")
        #expect(ReaderProgress(text: progress.text) == progress)
        // 12 of 59 on 30 cells: round(30 · 12/59) = round(6.10) = 6 filled.
        #expect(
            progressBar(solved: 12, total: 59) == "[" + String(repeating: "█", count: 6)
                + String(repeating: "░", count: 24) + "] 12 of 59 solved")
    }

    /// The Swift compiler, from PATH (the toolchain that builds the package puts it there).
    static let compiler: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/swiftc" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "watch on a copy of the workbook: a save with a syntax error shows the compiler's error in that file; fixing it checks again",
        .enabled(if: compiler != nil, "swiftc is not on PATH"))
    func watchOnACopy() throws {
        let root = try temporaryFolder("watch")
        defer { try? FileManager.default.removeItem(at: root) }
        let workbook = root.appendingPathComponent("Exercises/Workbook")
        try FileManager.default.createDirectory(at: workbook, withIntermediateDirectories: true)
        let original = try String(
            contentsOf: packageRoot.appendingPathComponent("Exercises/Workbook/Chapter01.swift"), encoding: .utf8)
        let file = workbook.appendingPathComponent("Chapter01.swift")
        try original.write(to: file, atomically: false, encoding: .utf8)
        let log = root.appendingPathComponent("watch.log")
        try Data().write(to: log)
        let process = Process()
        process.executableURL = buildFolder.appendingPathComponent("exercises")
        process.arguments = ["watch"]
        process.currentDirectoryURL = root
        // The build is `swiftc -parse` of the copy: a real compiler message, in a second rather than minutes.
        process.environment = ProcessInfo.processInfo.environment.merging([
            "EXERCISES_PACKAGE_ROOT": root.path,
            "EXERCISES_TEST_ONLY_BUILD_COMMAND": "'\(Self.compiler ?? "swiftc")' -parse '\(file.path)'"
        ]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGTERM); process.waitUntilExit() } }
        /// The output once `text` has appeared `count` times (or after a minute).
        func waitFor(_ text: String, count: Int) -> String {
            let deadline = Date().addingTimeInterval(60)
            var output = ""
            while Date() < deadline && process.isRunning {
                output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if output.components(separatedBy: text).count > count { return output }
                usleep(100_000)
            }
            return output
        }
        let started = waitFor("Waiting for a save", count: 1)
        try #require(started.contains("Waiting for a save"), "watch did not start: \(started)")
        try original.replacingOccurrences(of: "throw NotStarted()", with: "let x = = 1")
            .write(to: file, atomically: false, encoding: .utf8)
        let broken = waitFor("Waiting for a save", count: 2)
        #expect(broken.contains("does not compile"), "\(broken)")
        #expect(
            broken.contains("Exercises/Workbook/Chapter01.swift:") && broken.contains("error: expected"), "\(broken)")
        #expect(!broken.contains(root.path + "/Exercises"), "the path is not relative: \(broken)")
        try original.write(to: file, atomically: false, encoding: .utf8)
        let fixed = waitFor("Waiting for a save", count: 3)
        let afterFix = fixed.components(separatedBy: "saved: rebuilding").last ?? ""
        // The build passes; the current exercise is checked again (a stub in the shipped workbook).
        #expect(afterFix.contains(" 1.") || afterFix.contains("Current:"), "\(fixed)")
        #expect(!afterFix.contains("does not compile"), "\(fixed)")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
    }
}
