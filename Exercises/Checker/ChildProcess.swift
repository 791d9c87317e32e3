import Foundation

// A child process in its own process group, with a time limit.
//
// Every check runs in a child (`exercises run-one ID`), so that an answer
// that crashes or loops forever cannot take the checker with it. The child
// starts in a new process group: when it runs past its time limit the whole
// group (the child and anything it started) is killed with SIGKILL, and a
// Ctrl-C (SIGINT) or SIGTERM sent to the checker kills every running group
// before the checker exits, because a terminal's Ctrl-C reaches only the
// foreground group, which is the checker's, not the child's.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child ended.
enum ChildEnding: Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Killed (with its process group) after running past its time limit.
    case timedOut
}

/// What a child printed and how it ended.
struct ChildResult {
    let ending: ChildEnding
    let output: String
    let errors: String
}

struct SpawnFailure: Error, CustomStringConvertible {
    let description: String
}

/// A running child. Its standard output and error go to temporary files
/// (a pipe could fill and block a child that prints a long crash report),
/// its standard input is /dev/null.
final class Child {
    let pid: pid_t
    private let ownGroup: Bool
    private let timeLimit: Double?
    private let started = DispatchTime.now().uptimeNanoseconds
    private let outputPath: String
    private let errorPath: String
    private var result: ChildResult?

    /// Starts `executable` (a path, or a name looked up in PATH) with
    /// `arguments`, in a new process group when `ownGroup`; `timeLimit` in
    /// seconds, or nil for none. `environment` adds to the checker's own.
    init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        ownGroup: Bool = true, timeLimit: Double?
    ) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("exercises-\(UUID().uuidString)").path
        outputPath = base + ".out"
        errorPath = base + ".err"
        self.ownGroup = ownGroup
        self.timeLimit = timeLimit

        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t?
            var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // No signal blocked in the child, whatever the parent inherited.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | (ownGroup ? POSIX_SPAWN_SETPGROUP : 0)))
        if ownGroup { posix_spawnattr_setpgroup(&attributes, 0) }
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        if ownGroup { RunningGroups.add(pid) }
    }

    /// Seconds since the child started.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// The result once the child has ended, or has been killed for running past
    /// its time limit; nil while it runs. Never blocks for long.
    func poll() -> ChildResult? {
        if let result { return result }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            finish(status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f))
        } else if reaped < 0 && errno != EINTR {
            finish(.exited(-1))
        } else if let timeLimit, elapsed > timeLimit {
            kill(ownGroup ? -pid : pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            finish(.timedOut)
        }
        return result
    }

    /// Waits for the result, polling every 10 ms.
    func wait() -> ChildResult {
        while true {
            if let result = poll() { return result }
            usleep(10_000)
        }
    }

    private func finish(_ ending: ChildEnding) {
        if ownGroup {
            // Anything the child started and left running goes with it.
            kill(-pid, SIGKILL)
            RunningGroups.remove(pid)
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
        result = ChildResult(ending: ending, output: output, errors: errors)
    }
}

/// The process groups of the running children, in a fixed table that the
/// signal handler can read without allocating.
enum RunningGroups {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()

    static func add(_ group: pid_t) {
        for index in 0..<capacity where slots[index] == 0 {
            slots[index] = group
            return
        }
    }

    static func remove(_ group: pid_t) {
        for index in 0..<capacity where slots[index] == group { slots[index] = 0 }
    }

    /// On SIGINT, SIGTERM and SIGHUP: kill every running child's group (and
    /// reap the child), then exit
    /// with status 128 + the signal's number, as a shell reports it.
    static func endChildrenOnInterrupt() {
        _ = slots  // initialised here, never first inside the handler
        // A program started with these signals blocked (a test runner's child may be) unblocks them.
        var endingSignals = sigset_t()
        sigemptyset(&endingSignals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&endingSignals, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &endingSignals, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                for index in 0..<RunningGroups.capacity where RunningGroups.slots[index] > 0 {
                    kill(-RunningGroups.slots[index], SIGKILL)
                    waitpid(RunningGroups.slots[index], nil, 0)
                }
                _exit(128 + received)
            }
        }
    }
}
