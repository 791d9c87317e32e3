import Foundation

extension Chapter {
    /// The accepted options, as printed by `--help` and in usage errors.
    public static let usage = "--figures DIR (write figures to DIR), --no-figures, --help"

    /// The figures folder the arguments ask for (nil with `--no-figures`);
    /// prints the help and exits 0 for `--help`, and exits 2 with one line on
    /// standard error for anything it does not know.
    static func parse(_ arguments: [String], program: String, flags: [(flag: String, help: String)]) -> String? {
        let accepted = usage + flags.map { ", \($0.flag) (\($0.help))" }.joined()
        var directory: String? = "figures/\(program)"
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--figures":
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                    exitWithUsageError(program, "--figures needs a directory; accepted: \(accepted)")
                }
                directory = arguments[index + 1]
                index += 1
            case "--no-figures":
                directory = nil
            case "--help", "-h":
                print(
                    "usage: swift run \(program) [--figures DIR | --no-figures]"
                        + flags.map { " [\($0.flag)]" }.joined())
                print("Prints chapter \(program.dropFirst(2)) with its worked examples and checks.")
                print("With figures, also writes the chapter as a web page, DIR/index.html.")
                for flag in flags { print("  \(flag.flag)  \(flag.help)") }
                exit(0)
            default:
                exitWithUsageError(program, "unknown argument '\(arguments[index])'; accepted: \(accepted)")
            }
            index += 1
        }
        return directory
    }
}
