import Foundation

/// The two real data sets shipped with the package (attribution in
/// `Sources/DLMath/Resources/README.md`), and their loaders from any path
/// (for copies and for tests of malformed files).
extension Dataset {
    /// Fields per line of `digits.csv`: 64 pixels, then the label.
    public static let digitsFieldCount = 65

    /// The handwritten digits (UCI, 1,797 8x8 images): features 1797 x 64,
    /// pixel `(r, c)` of the image in column 8r + c, values 0...16 (ink
    /// counts, not scaled); labels 0...9, class names "0"..."9"; feature
    /// names `pixel(r,c)`. Throws `DataFileError` if the shipped file is
    /// missing or damaged.
    public static func digits() throws -> Dataset {
        try digits(contentsOf: packagedFileURL(named: "digits.csv"))
    }

    /// Digits from a CSV file in the format of `digits.csv`: no header, each
    /// line 64 integers 0...16 (the pixels row by row) and a label 0...9.
    /// Throws `DataFileError` naming the line and field of the first problem:
    /// `digits.csv line 17: expected 65 fields, found 64`,
    /// `... field 3 '17' is not a pixel value 0...16`, `... field 65 '10' is not a class 0...9`.
    public static func digits(contentsOf url: URL) throws -> Dataset {
        let table = try NumericCSV.read(contentsOf: url, fieldCount: digitsFieldCount)
        let pixels = digitsFieldCount - 1
        for i in 0..<table.values.rows {
            for j in 0..<pixels {
                let value = table.values[i, j]
                if value < 0 || value > 16 || value != value.rounded() {
                    throw DataFileError(
                        file: table.fileName, line: table.lineNumber(ofRow: i),
                        reason: "field \(j + 1) '\(formatCompact(value))' is not a pixel value 0...16")
                }
            }
        }
        let labels = try classLabels(in: table, column: pixels, classCount: 10)
        let features = Matrix(rows: table.values.rows, columns: pixels) { i, j in table.values[i, j] }
        let names = (0..<pixels).map { "pixel(\($0 / 8),\($0 % 8))" }
        return Dataset(
            name: "digits", features: features, labels: labels,
            classNames: (0...9).map(String.init), featureNames: names)
    }

    /// The feature names of iris, in the order of the file's columns.
    public static let irisFeatureNames = [
        "sepal length (cm)", "sepal width (cm)",
        "petal length (cm)", "petal width (cm)"
    ]

    /// Fisher's iris (150 flowers): features 150 x 4 in centimetres
    /// (`irisFeatureNames`), labels 0...2, class names from the file's header
    /// (setosa, versicolor, virginica), 50 of each. Throws `DataFileError` if
    /// the shipped file is missing or damaged.
    public static func iris() throws -> Dataset {
        try iris(contentsOf: packagedFileURL(named: "iris.csv"))
    }

    /// Iris from a CSV file in scikit-learn's format: a header line
    /// `rows,features,class name,...` (`150,4,setosa,versicolor,virginica`),
    /// then `rows` lines of 4 numbers and a class index into the header's names.
    /// Throws `DataFileError` naming the line and field of the first problem,
    /// including a header that disagrees with the rows below it
    /// (`iris.csv line 1: the header announces 150 rows, the file has 149`).
    public static func iris(contentsOf url: URL) throws -> Dataset {
        let table = try NumericCSV.read(contentsOf: url, hasHeader: true)
        let file = table.fileName
        let header = table.header ?? []
        let example = "expected rows,features,class names (150,4,setosa,versicolor,virginica)"
        guard header.count >= 3, let rows = Int(header[0]), let features = Int(header[1]) else {
            throw DataFileError(file: file, line: 1, reason: "header '\(header.joined(separator: ","))': \(example)")
        }
        guard features == irisFeatureNames.count else {
            throw DataFileError(
                file: file, line: 1,
                reason: "the header announces \(features) features, iris has \(irisFeatureNames.count)")
        }
        guard rows == table.values.rows else {
            throw DataFileError(
                file: file, line: 1,
                reason: "the header announces \(rows) rows, the file has \(table.values.rows)")
        }
        guard table.values.columns == features + 1 else {
            throw DataFileError.fieldCount(
                file, line: 2, expected: features + 1, found: table.values.columns,
                note: " (\(features) features and the class, as the header says)")
        }
        let classNames = Array(header.dropFirst(2))
        let labels = try classLabels(in: table, column: features, classCount: classNames.count)
        let values = Matrix(rows: rows, columns: features) { i, j in table.values[i, j] }
        return Dataset(
            name: "iris", features: values, labels: labels,
            classNames: classNames, featureNames: irisFeatureNames)
    }

    /// The labels in `column` of `table`: each must be an integer in
    /// 0..<classCount, else a `DataFileError` names its line and field.
    private static func classLabels(in table: NumericTable, column: Int, classCount: Int) throws -> [Int] {
        try (0..<table.values.rows).map { i in
            let value = table.values[i, column]
            guard value >= 0, value < Double(classCount), value == value.rounded() else {
                throw DataFileError(
                    file: table.fileName, line: table.lineNumber(ofRow: i),
                    reason: "field \(column + 1) '\(formatCompact(value))' is not a class 0...\(classCount - 1)")
            }
            return Int(value)
        }
    }
}
