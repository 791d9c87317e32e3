/// A labelled data set for classification: one example per row of
/// `features` (an n x d matrix), its class in `labels[i]`, an integer in
/// 0..<classCount that indexes `classNames`.
///
///     let iris = try Dataset.iris()
///     iris.features.shape     // (rows: 150, columns: 4)
///     iris.classCounts        // [50, 50, 50]
///
/// Loaders: `digits()`, `iris()` (the files shipped with the package, see
/// `ShippedDatasets.swift`); synthetic sets: `twoSpirals`, `twoMoons`, `xor`.
/// Preprocessing returns new values: `Standardizer`, `MinMaxScaler`,
/// `split(validationFraction:testFraction:seed:)`.
public struct Dataset: Equatable, Sendable {
    /// A short name for tables and messages (`digits`, `iris`, `digits (training)`).
    public let name: String
    /// The inputs, one example per row (n x d).
    public let features: Matrix
    /// The class of each example, `labels[i]` in 0..<classCount.
    public let labels: [Int]
    /// The name of each class, indexed by label.
    public let classNames: [String]
    /// The name of each feature (column of `features`).
    public let featureNames: [String]

    /// A data set from its parts. The counts must agree (`labels.count ==
    /// features.rows`, `featureNames.count == features.columns`) and every
    /// label must index `classNames`; anything else is a bug in the caller and stops.
    /// `featureNames` defaults to `x1, x2, ...`.
    public init(name: String, features: Matrix, labels: [Int], classNames: [String], featureNames: [String]? = nil) {
        precondition(
            labels.count == features.rows,
            "Dataset \(name): \(labels.count) labels for \(features.rows) rows of features")
        let names = featureNames ?? (0..<features.columns).map { "x\($0 + 1)" }
        precondition(
            names.count == features.columns,
            "Dataset \(name): \(names.count) feature names for \(features.columns) columns")
        if let bad = labels.first(where: { $0 < 0 || $0 >= classNames.count }) {
            preconditionFailure("Dataset \(name): label \(bad) is not in 0..<\(classNames.count)")
        }
        self.name = name
        self.features = features
        self.labels = labels
        self.classNames = classNames
        self.featureNames = names
    }

    /// Number of examples n.
    public var count: Int { labels.count }

    /// Number of features d (columns of `features`).
    public var featureCount: Int { features.columns }

    /// Number of classes K.
    public var classCount: Int { classNames.count }

    /// How many examples each class has: `classCounts[k] = #{i : labels[i] = k}`.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The labels one-hot encoded, an n x K matrix (see `Matrix.oneHot`).
    public var oneHotLabels: Matrix { Matrix.oneHot(labels, classCount: classCount) }

    /// The examples listed in `indices`, in that order, under the name `name`
    /// (default: this set's name).
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        Dataset(
            name: name ?? self.name, features: features.rows(at: indices),
            labels: indices.map { labels[$0] }, classNames: classNames, featureNames: featureNames)
    }

    /// The same examples and labels with new features (a scaled copy, for
    /// instance); `features.rows` must equal `count`.
    public func replacingFeatures(_ features: Matrix, featureNames: [String]? = nil) -> Dataset {
        Dataset(
            name: name, features: features, labels: labels, classNames: classNames,
            featureNames: featureNames ?? (features.columns == featureCount ? self.featureNames : nil))
    }
}
