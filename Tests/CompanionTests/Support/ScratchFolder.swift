import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one temporary folder of this test run, `companion-tests-PID`, that
/// every test's files go under, removed when the test process exits (so
/// that `swift test` leaves nothing in the temporary directory, even for a
/// test that forgets to clean up after itself).
let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("companion-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// A fresh, empty folder `label-UUID` under `scratchRoot`.
func scratchFolder(_ label: String) throws -> URL {
    let folder = scratchRoot.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
