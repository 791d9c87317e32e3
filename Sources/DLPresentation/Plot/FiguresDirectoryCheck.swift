import Foundation

extension FigureWriter {
    /// Why figures cannot be written into `directory`, or nil when they can.
    ///
    /// Called before a chapter prints anything, so that a folder that cannot
    /// be written (a path naming a regular file, a read-only folder, a path
    /// under `/proc`, a read-only working directory for the default
    /// `figures/chNN`) stops the program at once instead of after its first
    /// figure. It creates the folder (with its parents) as writing a figure
    /// would, then writes and removes one hidden probe file in it; nothing
    /// else is touched, and an existing folder's files are left as they are.
    public static func problem(writingInto directory: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "'\(directory)' is a file, not a folder"
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "it cannot be created"
            return "cannot create the folder '\(directory)': \(reason)"
        }
        let probe = URL(fileURLWithPath: directory).appendingPathComponent(".\(UUID().uuidString).probe").path
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            return "the folder '\(directory)' is not writable"
        }
        try? FileManager.default.removeItem(atPath: probe)
        return nil
    }
}
