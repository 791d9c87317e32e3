import Foundation

/// Writes one line to standard error, `program: message`, and exits with
/// status 2: the project's answer to bad input (an unknown option, chapter or
/// exercise). No stack trace, nothing written anywhere else.
public func exitWithUsageError(_ program: String, _ message: String) -> Never {
    FileHandle.standardError.write(Data("\(program): \(message)\n".utf8))
    exit(2)
}

/// Writes one line to standard error, `program: message`, and exits with
/// `status` (1 unless said otherwise): for failures that are not usage errors
/// (a missing or malformed data file, a corrupt saved model).
public func exitWithError(_ program: String, _ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("\(program): \(message)\n".utf8))
    exit(status)
}

/// The name the program was started under, without its directory (`ch01`).
public var programName: String {
    URL(fileURLWithPath: CommandLine.arguments.first ?? "program").lastPathComponent
}
