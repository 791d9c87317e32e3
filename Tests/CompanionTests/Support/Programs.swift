import Foundation
import Testing

/// What a program printed and how it ended.
struct ProgramRun {
    let status: Int32
    let output: String
    let errors: String
}

/// The package root (the folder holding Package.swift), found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// The folder holding the built executables: the test bundle's own build
/// folder (`swift test` builds every executable product of the package there).
let buildFolder: URL = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    for _ in 0..<5 {
        url.deleteLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("formulas").path) { return url }
    }
    return Bundle.main.bundleURL
}()

/// Runs a built executable of the package (`ch01`, `formulas`, `exercises`)
/// with `arguments` in `directory` (default: a fresh temporary folder, so
/// that nothing is written into the package), with `environment` added to
/// this process's environment (`["COLUMNS": "80"]`; `COLUMNS` is 100 unless
/// given, so that a reader's terminal cannot change what the tests see), and
/// waits for it.
func runProgram(
    _ name: String, _ arguments: [String] = [], in directory: URL? = nil,
    environment: [String: String] = [:]
) throws -> ProgramRun {
    let process = Process()
    process.executableURL = buildFolder.appendingPathComponent(name)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "100"].merging(environment) { $1 }) {
        $1
    }
    let workingDirectory = try directory ?? scratchFolder("program")
    process.currentDirectoryURL = workingDirectory
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if directory == nil { try? FileManager.default.removeItem(at: workingDirectory) }
    return ProgramRun(
        status: process.terminationStatus,
        output: String(decoding: outputData, as: UTF8.self),
        errors: String(decoding: errorData, as: UTF8.self))
}
