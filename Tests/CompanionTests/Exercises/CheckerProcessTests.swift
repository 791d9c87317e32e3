import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checker against a real runaway child: `exercises run-one` started with
/// `EXERCISES_TEST_ONLY_RUNAWAY_PIDS` starts a grandchild (`sleep 600`),
/// writes both process ids to that file and loops forever.
@Suite("Exercise checker: time limit and Ctrl-C")
struct CheckerProcessTests {
    @Test("a check that never finishes fails after the time limit, and its child and grandchild are gone")
    func timeLimitEndsRunawayChild() throws {
        let folder = try temporaryFolder("runaway-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pids = folder.appendingPathComponent("pids")
        let started = Date()
        let run = try runExercises(
            ["check", "1.1", "--time-limit", "1"], in: folder,
            environment: ["EXERCISES_TEST_ONLY_RUNAWAY_PIDS": pids.path])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1, "\(run.output) \(run.errors)")
        #expect(
            run.output.contains("✗ 1.1") && run.output.contains("did not finish in 1 s (an endless loop?)"),
            "\(run.output)")
        // A 1 s limit, plus the start of two programs in a debug build on a loaded machine.
        #expect(seconds < 30, "the checker took \(seconds) s")
        for pid in try recordedProcesses(pids) { #expect(!isRunning(pid), "process \(pid) is still running") }
    }

    @Test("SIGINT (Ctrl-C) to the checker ends the child and the grandchild too")
    func interruptEndsRunawayChild() throws {
        let folder = try temporaryFolder("runaway-interrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pids = folder.appendingPathComponent("pids")
        let process = Process()
        process.executableURL = buildFolder.appendingPathComponent("exercises")
        process.arguments = ["check", "1.1", "--time-limit", "120"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging([
            "EXERCISES_TEST_ONLY_RUNAWAY_PIDS": pids.path
        ]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while processIDs(in: pids).count != 2 && Date() < deadline { usleep(50_000) }
        let recorded = try recordedProcesses(pids)
        #expect(recorded.allSatisfy(isRunning), "the runaway child should be running before the interrupt")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGINT)
        // SIGKILL is delivered at once; allow the kernel a moment to tear the processes down.
        let gone = Date().addingTimeInterval(5)
        while recorded.contains(where: isRunning) && Date() < gone { usleep(50_000) }
        for pid in recorded { #expect(!isRunning(pid), "process \(pid) is still running after Ctrl-C") }
    }

    /// The child's and the grandchild's process ids, as the runaway child wrote them.
    private func recordedProcesses(_ file: URL) throws -> [pid_t] {
        let pids = processIDs(in: file)
        try #require(pids.count == 2 && pids.allSatisfy { $0 > 0 }, "pid file: \(pids)")
        return pids
    }

    private func processIDs(in file: URL) -> [pid_t] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
    }

    /// Whether `pid` is a live process (a zombie, dead but not yet reaped, is not).
    private func isRunning(_ pid: pid_t) -> Bool {
        #if os(Linux)
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
            return state != "Z" && state != "X"
        #else
            return kill(pid, 0) == 0
        #endif
    }
}
