import Foundation

/// Runs the built `exercises` program with `arguments` in `directory`, with
/// `environment` added to the test's own, and waits for it.
func runExercises(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> ProgramRun {
    let process = Process()
    process.executableURL = buildFolder.appendingPathComponent("exercises")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Both pipes are read to the end before waiting (the checker prints little to its error stream).
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramRun(
        status: process.terminationStatus,
        output: String(decoding: outputData, as: UTF8.self),
        errors: String(decoding: errorData, as: UTF8.self))
}
