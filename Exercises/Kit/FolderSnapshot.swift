import Foundation

/// The Swift files of a folder with their modification times and sizes: two
/// snapshots taken apart show which files the reader saved in between.
public struct FolderSnapshot: Equatable, Sendable {
    /// File name → (modification time in seconds since 1970, size in bytes).
    public let files: [String: FileStamp]

    public struct FileStamp: Equatable, Sendable {
        public let modified: Double
        public let size: Int
    }

    /// Reads `folder` now; a missing folder gives an empty snapshot.
    public init(folder: URL) {
        var files: [String: FileStamp] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".swift") {
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            files[name] = FileStamp(modified: modified, size: size)
        }
        self.files = files
    }

    /// The files added, removed or changed (time or size) since `earlier`, sorted.
    public func changedFiles(since earlier: FolderSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
