import Foundation

/// Where the data files shipped with DLMath are found.
///
/// They are resources of the DLMath target (`Package.swift`: `resources:
/// [.copy(...)]`), read through `Bundle.module`, which SwiftPM generates and
/// which finds the resource bundle beside the running executable: in
/// `.build/<triple>/<configuration>/` for both `swift run` and `swift test`.
/// SwiftPM's `Bundle.module` stops the program (`fatalError`) when that
/// bundle is missing, so it is only touched after checking that the bundle
/// exists. When it does not (an executable copied elsewhere), the copy in the
/// package sources is used if this machine has them; if neither is there, a
/// `DataFileError` says which places were searched.
enum PackagedData {
    /// SwiftPM's name for DLMath's resource bundle: `<package>_<target>`.
    static let bundleName = "DeepLearningMath_DLMath"

    /// The URL of the shipped file `fileName` (`digits.csv`). Throws `DataFileError`.
    static func url(named fileName: String) throws -> URL {
        let base = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension
        var searched: [String] = []
        if let bundle = moduleBundleIfPresent() {
            if let url = bundle.url(forResource: base, withExtension: ext) { return url }
            searched.append(bundle.bundlePath)
        } else {
            searched.append(expectedBundleURL.path)
        }
        let sourceCopy = sourceResourcesFolder.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: sourceCopy.path) { return sourceCopy }
        searched.append(sourceResourcesFolder.path)
        throw DataFileError(
            file: fileName,
            reason: "not found among the package's data files (looked in \(searched.joined(separator: " and ")))")
    }

    /// Where `Bundle.module` looks first: beside the executable.
    private static var expectedBundleURL: URL {
        #if canImport(Darwin)
            Bundle.main.bundleURL.appendingPathComponent(bundleName + ".bundle")
        #else
            Bundle.main.bundleURL.appendingPathComponent(bundleName + ".resources")
        #endif
    }

    /// `Bundle.module` when its folder exists beside the executable, else nil
    /// (touching `Bundle.module` then would stop the program).
    private static func moduleBundleIfPresent() -> Bundle? {
        FileManager.default.fileExists(atPath: expectedBundleURL.path) ? Bundle.module : nil
    }

    /// `Sources/DLMath/Resources` in the package sources this module was built from.
    private static var sourceResourcesFolder: URL {
        URL(fileURLWithPath: #filePath)  // .../Sources/DLMath/Data/PackagedData.swift
            .deletingLastPathComponent()  // .../Sources/DLMath/Data
            .deletingLastPathComponent()  // .../Sources/DLMath
            .appendingPathComponent("Resources")
    }
}

extension Dataset {
    /// The location of a data file shipped with the package (`digits.csv`,
    /// `iris.csv`), through `Bundle.module` (see `PackagedData`).
    /// Throws `DataFileError` when the file is not among the package's resources.
    public static func packagedFileURL(named fileName: String) throws -> URL {
        try PackagedData.url(named: fileName)
    }
}
