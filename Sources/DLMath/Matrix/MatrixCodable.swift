/// `Matrix` as `Codable`: `{"rows": m, "columns": n, "elements": [...]}`,
/// elements in row-major order.
///
/// Decoding checks that the element count is `rows * columns` and that the
/// shape is not negative, and throws `DecodingError.dataCorrupted` otherwise
/// (a corrupt saved model is an error to report, not a crash). With
/// `JSONEncoder` a `Double` is written with the shortest digits that read
/// back to the same bits, so a round trip is exact; non-finite elements make
/// `JSONEncoder` throw unless its `nonConformingFloatEncodingStrategy` allows them.
extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey {
        case rows, columns, elements
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let elements = try container.decode([Double].self, forKey: .elements)
        let (needed, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, elements.count == needed else {
            throw DecodingError.dataCorruptedError(
                forKey: .elements, in: container,
                debugDescription: "a \(rows)x\(columns) matrix cannot hold the \(elements.count) elements found")
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(columns, forKey: .columns)
        try container.encode(elements, forKey: .elements)
    }
}
