import DLMath
import Foundation
import Testing

/// Malformed, empty and missing files give one clear error naming the file,
/// the line (counted from 1) and the field (counted from 1).
@Suite("Malformed CSV files")
struct MalformedCSVTests {
    @Test("digits: a short line names its line and both field counts")
    func shortLine() throws {
        var lines = try digitsLines(20)
        lines[16] = lines[16].split(separator: ",").dropFirst().joined(separator: ",")  // line 17 loses a field
        let url = try writeTemporaryFile("digits.csv", lines.joined(separator: "\n") + "\n")
        expectDataFileError("digits.csv line 17: expected 65 fields, found 64") {
            _ = try Dataset.digits(contentsOf: url)
        }
    }

    @Test("iris: a word in a number's place names its line, field and text")
    func notANumber() throws {
        let text = """
            3,4,setosa,versicolor,virginica
            5.1,3.5,1.4,0.2,0
            7.0,3.2,4.7,1.4,1
            5.9,3.0,x1,1.8,2

            """
        let url = try writeTemporaryFile("iris.csv", text)
        expectDataFileError("iris.csv line 4: field 3 'x1' is not a number") { _ = try Dataset.iris(contentsOf: url) }
    }

    @Test("empty, blank and missing files, and a folder")
    func emptyAndMissing() throws {
        let empty = try writeTemporaryFile("empty.csv", "")
        expectDataFileError("empty.csv: the file is empty") { _ = try Dataset.digits(contentsOf: empty) }
        let blank = try writeTemporaryFile("blank.csv", "\n  \n\n")
        expectDataFileError("blank.csv: the file is empty") { _ = try Dataset.digits(contentsOf: blank) }
        let folder = try makeTemporaryFolder()
        let missing = folder.appendingPathComponent("missing.csv")
        expectDataFileError("missing.csv: file not found at \(missing.path)") {
            _ = try Dataset.digits(contentsOf: missing)
        }
        expectDataFileError("\(folder.lastPathComponent): \(folder.path) is a folder, not a file") {
            _ = try NumericCSV.read(contentsOf: folder)
        }
        let headerOnly = try writeTemporaryFile("iris.csv", "150,4,setosa,versicolor,virginica\n")
        expectDataFileError("iris.csv: no data rows after the header on line 1") {
            _ = try Dataset.iris(contentsOf: headerOnly)
        }
    }

    @Test("bytes that are not UTF-8")
    func notUTF8() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("binary.csv")
        try Data([0x31, 0x2C, 0xFF, 0xFE, 0x0A]).write(to: url)
        expectDataFileError("binary.csv: not UTF-8 text") { _ = try NumericCSV.read(contentsOf: url) }
    }

    @Test("field-level errors: empty field, nan, blank line inside, count inferred from the first row")
    func fieldErrors() {
        expectDataFileError("t.csv line 2: field 2 is empty") {
            _ = try NumericCSV.parse("1,2,3\n4,,6\n", fileName: "t.csv")
        }
        // Double("nan") parses in Swift; a data file must hold finite numbers.
        expectDataFileError("t.csv line 1: field 1 'nan' is not a number") {
            _ = try NumericCSV.parse("nan,1\n", fileName: "t.csv")
        }
        expectDataFileError("t.csv line 3: empty line (expected 2 fields)") {
            _ = try NumericCSV.parse("1,2\n3,4\n\n5,6\n", fileName: "t.csv")
        }
        expectDataFileError("t.csv line 3: expected 2 fields (as on line 1), found 3") {
            _ = try NumericCSV.parse("1,2\n3,4\n5,6,7\n", fileName: "t.csv")
        }
        expectDataFileError("t.csv line 3: expected 2 fields (as on line 2), found 1") {
            _ = try NumericCSV.parse("a,b\n1,2\n3\n", fileName: "t.csv", hasHeader: true)
        }
    }

    @Test("digits: pixel and label values out of range")
    func digitsRanges() throws {
        var lines = try digitsLines(3)
        var fields = lines[1].split(separator: ",").map(String.init)
        fields[64] = "10"  // line 2: label 10
        lines[1] = fields.joined(separator: ",")
        let badLabel = try writeTemporaryFile("digits.csv", lines.joined(separator: "\n"))
        expectDataFileError("digits.csv line 2: field 65 '10' is not a class 0...9") {
            _ = try Dataset.digits(contentsOf: badLabel)
        }

        lines = try digitsLines(3)
        fields = lines[2].split(separator: ",").map(String.init)
        fields[2] = "17"  // line 3: pixel 17
        lines[2] = fields.joined(separator: ",")
        let badPixel = try writeTemporaryFile("digits.csv", lines.joined(separator: "\n"))
        expectDataFileError("digits.csv line 3: field 3 '17' is not a pixel value 0...16") {
            _ = try Dataset.digits(contentsOf: badPixel)
        }
    }

    @Test("iris: a header that disagrees with the file, a class outside the header's names")
    func irisHeader() throws {
        let rows = "5.1,3.5,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n5.9,3.0,5.1,1.8,2\n"
        let wrongCount = try writeTemporaryFile("iris.csv", "150,4,setosa,versicolor,virginica\n" + rows)
        expectDataFileError("iris.csv line 1: the header announces 150 rows, the file has 3") {
            _ = try Dataset.iris(contentsOf: wrongCount)
        }
        let noHeader = try writeTemporaryFile("iris.csv", rows)
        expectDataFileError(
            "iris.csv line 1: header '5.1,3.5,1.4,0.2,0': expected rows,features,class names (150,4,setosa,versicolor,virginica)"
        ) {
            _ = try Dataset.iris(contentsOf: noHeader)
        }
        let twoClasses = try writeTemporaryFile("iris.csv", "3,4,setosa,versicolor\n" + rows)
        expectDataFileError("iris.csv line 4: field 5 '2' is not a class 0...1") {
            _ = try Dataset.iris(contentsOf: twoClasses)
        }
        let fiveFeatures = try writeTemporaryFile("iris.csv", "3,5,a,b,c\n" + rows)
        expectDataFileError("iris.csv line 1: the header announces 5 features, iris has 4") {
            _ = try Dataset.iris(contentsOf: fiveFeatures)
        }
    }

    @Test("tolerated: CRLF line ends, a byte-order mark, spaces around fields, blank lines at the end")
    func tolerated() throws {
        let table = try NumericCSV.parse("\u{FEFF}1, 2\r\n 3 ,\t4\r\n\r\n\n", fileName: "t.csv")
        #expect(table.values == [[1, 2], [3, 4]])
        #expect(table.header == nil && table.lineNumber(ofRow: 1) == 2)
        let withHeader = try NumericCSV.parse("a, b\n1,2\n", fileName: "t.csv", hasHeader: true)
        #expect(withHeader.header == ["a", "b"] && withHeader.lineNumber(ofRow: 0) == 2)
    }
}
