import DLMath
import Foundation
import Testing

/// The data files shipped as resources of DLMath load with the shapes and
/// values of the raw files.
@Suite("Shipped data sets")
struct ShippedDatasetTests {
    @Test("digits: 1797 x 64, values 0...16, labels 0...9 with the counts of the raw file")
    func digitsShape() throws {
        let digits = try Dataset.digits()
        #expect(digits.features.rows == 1797 && digits.features.columns == 64)
        #expect(digits.labels.count == 1797)
        #expect(digits.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(digits.features.min == 0 && digits.features.max == 16)
        // Counted independently from the raw file:
        //   cut -d, -f65 digits.csv | sort -n | uniq -c
        //   178 0, 182 1, 177 2, 183 3, 181 4, 182 5, 181 6, 179 7, 174 8, 180 9  (sum 1797)
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }

    @Test("digits: pixels and labels agree with lines of the raw file")
    func digitsValues() throws {
        let digits = try Dataset.digits()
        // Line 1:    0,0,5,13,9,1,...,0      fields 3, 4 are 5, 13; label (field 65) 0.
        #expect(digits.features[0, 2] == 5 && digits.features[0, 3] == 13 && digits.labels[0] == 0)
        // Line 1000: 0,0,9,15,14,2,...,3     (awk -F, 'NR==1000{print $3,$37,$65}': 9 11 3)
        // field 37 is pixel 36 = row 4, column 4 of the 8x8 image.
        #expect(digits.features[999, 2] == 9 && digits.features[999, 36] == 11 && digits.labels[999] == 3)
        #expect(digits.featureNames[36] == "pixel(4,4)")
        // Line 1797 (the last): fields 5 and 64 are 8 and 0, label 8.
        #expect(digits.features[1796, 4] == 8 && digits.features[1796, 63] == 0 && digits.labels[1796] == 8)
        // (Integers up to 16 are exact in Double, so == is the right comparison.)
    }

    @Test("iris: 150 x 4, classes from the header, 50 of each, rows as in the raw file")
    func iris() throws {
        let iris = try Dataset.iris()
        #expect(iris.features.rows == 150 && iris.features.columns == 4)
        #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
        #expect(iris.featureNames == Dataset.irisFeatureNames)
        // tail -n +2 iris.csv | cut -d, -f5 | sort | uniq -c: 50 0, 50 1, 50 2
        #expect(iris.classCounts == [50, 50, 50])
        // Line 2: 5.1,3.5,1.4,0.2,0; line 52: 7.0,3.2,4.7,1.4,1; line 151: 5.9,3.0,5.1,1.8,2.
        // The parsed Double of "5.1" is the literal 5.1, so row equality is exact.
        #expect(iris.features.row(0) == [5.1, 3.5, 1.4, 0.2] && iris.labels[0] == 0)
        #expect(iris.features.row(50) == [7.0, 3.2, 4.7, 1.4] && iris.labels[50] == 1)
        #expect(iris.features.row(149) == [5.9, 3.0, 5.1, 1.8] && iris.labels[149] == 2)
    }

    @Test("the files come from DLMath's resource bundle (Bundle.module)")
    func fromBundle() throws {
        let url = try Dataset.packagedFileURL(named: "iris.csv")
        #expect(url.lastPathComponent == "iris.csv")
        #if os(Linux)
            // SwiftPM puts the bundle beside the test executable as <package>_<target>.resources;
            // finding it there (not the source copy) shows Bundle.module works under `swift test`.
            #expect(url.path.contains("DeepLearningMath_DLMath.resources"), "\(url.path)")
        #endif
    }

    @Test("a resource missing from the package is one clear error, not a crash")
    func missingResource() {
        let error = #expect(throws: DataFileError.self) { try Dataset.packagedFileURL(named: "absent.csv") }
        #expect(
            error?.description.hasPrefix("absent.csv: not found among the package's data files (looked in ") == true,
            "\(String(describing: error))")
    }
}
