import Foundation

/// Writes `text` to `path` through a hidden temporary file in the same
/// folder and a rename over the target (as `FigureWriter` does for figures),
/// so that a reader never sees half a file; creates the folder if needed.
/// Throws `PlotError.cannotWrite` with the reason.
func writeAtomically(_ text: String, to path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw PlotError.cannotWrite("cannot create the folder '\(folder)': \((error as NSError).localizedDescription)")
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".\(UUID().uuidString).\(name).partial").path
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
        throw PlotError.cannotWrite("cannot write into '\(folder)' (is it a writable folder?)")
    }
    // rename(2) replaces the target atomically (a symbolic link itself, never the file it points to).
    guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporary)
        throw PlotError.cannotWrite("cannot write '\(path)': \(reason)")
    }
}
