import Foundation

/// Writes SVG figures into one folder and nowhere else.
///
/// `write(_:name:)` puts the figure at `DIRECTORY/NAME.svg`: it creates the
/// folder (with its parents) if needed, writes a hidden temporary file in the
/// same folder and renames it over the target, so a reader never sees half
/// a figure. Names are one path component of letters, digits, `-`, `_` and
/// `.`, not starting with `.` (so `../x`, `a/b` and `.hidden` are refused);
/// a trailing `.svg` is allowed and not doubled.
public struct FigureWriter: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The file a figure called `name` goes to, or a `PlotError.cannotWrite` for a bad name.
    public func path(for name: String) throws -> String {
        let stem = name.hasSuffix(".svg") ? String(name.dropLast(4)) : name
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !stem.isEmpty, !stem.hasPrefix("."), !stem.contains(".."),
            stem.unicodeScalars.allSatisfy(allowed.contains)
        else {
            throw PlotError.cannotWrite(
                "the figure name '\(name)' must be letters, digits, '-', '_' or '.' (no '/', no '..', not starting with '.')"
            )
        }
        return URL(fileURLWithPath: directory).appendingPathComponent(stem + ".svg").path
    }

    /// Renders and writes `plot`; returns the path written and the figure's notes.
    @discardableResult
    public func write(_ plot: Plot, name: String) throws -> (path: String, notes: [String]) {
        try write(name: name) { try plot.render() }
    }

    /// Renders and writes the small multiples `figure`; returns the path written and the figure's notes.
    @discardableResult
    public func write(_ figure: Figure, name: String) throws -> (path: String, notes: [String]) {
        try write(name: name) { try figure.render() }
    }

    /// Renders and writes the computational graph `graph`; returns the path written and its notes.
    @discardableResult
    public func write(_ graph: ComputationGraphFigure, name: String) throws -> (path: String, notes: [String]) {
        try write(name: name) { try graph.render() }
    }

    private func write(name: String, render: () throws -> RenderedFigure) throws -> (path: String, notes: [String]) {
        let target = try path(for: name)  // check the name before drawing
        let figure = try render()
        try write(svg: figure.svg, to: target)
        return (target, figure.notes)
    }

    /// Writes `svg` to `target` (inside `directory`) through a temporary file and a rename.
    func write(svg: String, to target: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlotError.cannotWrite("cannot create the folder '\(directory)': \(Self.reason(error))")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".\(UUID().uuidString).svg.partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: Data(svg.utf8)) else {
            throw PlotError.cannotWrite("cannot write into '\(directory)' (is it a writable folder?)")
        }
        // rename(2) replaces the target atomically; if the target is a symbolic
        // link, the link itself is replaced, never the file it points to.
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw PlotError.cannotWrite("cannot write '\(target)': \(reason)")
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
